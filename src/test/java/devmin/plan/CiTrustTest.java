package devmin.plan;

import org.junit.jupiter.api.Test;

import java.util.List;

import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The plan names, for each CI role, the exact sub a workflow token must carry: what to configure GitHub with. */
class CiTrustTest {

    @Test
    void everyCiRoleOfTheCommittedStackWithItsArnAndExactSubject() {
        Plan plan = Plans.plan(committedConfig());
        List<CiTrust> trusts = CiTrust.of(plan.resources(), "123456789012");

        assertThat(trusts).extracting(CiTrust::arn).allMatch(arn -> arn.startsWith("arn:aws:iam::123456789012:role/"));
        // both of GitHub's spellings of the same immutable ids (changelog 2026-04-23; github/docs#45221)
        assertThat(trusts).flatExtracting(CiTrust::subjects).allMatch(sub ->
                sub.startsWith("repo:example-org@10000001/fraud-platform@20000002:")
                        || sub.startsWith("repo:example-org-10000001/fraud-platform-20000002:"));
        assertThat(trusts).flatExtracting(CiTrust::subjects)
                .contains("repo:example-org@10000001/fraud-platform@20000002:environment:dev-min-preview");
    }

    @Test
    void rolesThatTrustNoGithubSubjectAreNotCiRoles() {
        Plan plan = Plans.plan(committedConfig());
        assertThat(CiTrust.of(plan.resources(), "123456789012")).extracting(CiTrust::role)
                .noneMatch(role -> role.contains("-lane-") || role.endsWith("-ecs-execution"));
    }
}
