package stacks.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import stacks.spec.CiSpec;

import static org.assertj.core.api.Assertions.assertThat;

class GithubOidcTrustTest {

    private static final CiSpec BY_NAME = new CiSpec("example-org", "fraud-platform", 0, 0, "", "refs/heads/main",
            "refs/heads/main", "");
    private static final CiSpec BY_ID = new CiSpec("example-org", "fraud-platform", 123456, 456789, "dev-min",
            "refs/heads/main", "refs/tags/release", "dev-min-preview");

    @Test
    void subjectsNameOneRepositoryAndOneContext() {
        assertThat(GithubOidcTrust.previewSubjects(BY_NAME)).containsExactly("repo:example-org/fraud-platform:pull_request");
        assertThat(GithubOidcTrust.deploySubjects(BY_NAME))
                .containsExactly("repo:example-org/fraud-platform:ref:refs/heads/main");
        assertThat(GithubOidcTrust.releaseSubjects(BY_NAME))
                .containsExactly("repo:example-org/fraud-platform:ref:refs/heads/main");
    }

    /** GitHub's changelog (2026-04-23) and its pending docs (github/docs#45221) spell the ids differently. */
    @Test
    void numericIdsGiveBothOfGithubsSpellingsOfTheImmutableSubjectForTheSameIds() {
        assertThat(GithubOidcTrust.deploySubjects(BY_ID)).containsExactly(
                "repo:example-org@123456/fraud-platform@456789:environment:dev-min",
                "repo:example-org-123456/fraud-platform-456789:environment:dev-min");
        assertThat(GithubOidcTrust.releaseSubjects(BY_ID)).containsExactly(
                "repo:example-org@123456/fraud-platform@456789:ref:refs/tags/release",
                "repo:example-org-123456/fraud-platform-456789:ref:refs/tags/release");
        assertThat(GithubOidcTrust.previewSubjects(BY_ID)).containsExactly(
                "repo:example-org@123456/fraud-platform@456789:environment:dev-min-preview",
                "repo:example-org-123456/fraud-platform-456789:environment:dev-min-preview");
    }

    @Test
    void theNameFormIsAnExplicitChoiceAndTheImmutableFormTheDefault() {
        var named = new CiSpec("example-org", "fraud-platform", 0, 0, "dev-min", "refs/heads/main", "refs/heads/main",
                "", CiSpec.SubjectForm.NAME, "");
        var immutable = new CiSpec("example-org", "fraud-platform", 7, 9, "dev-min", "refs/heads/main",
                "refs/heads/main", "", CiSpec.SubjectForm.IMMUTABLE, "");
        assertThat(GithubOidcTrust.previewSubjects(named)).containsExactly("repo:example-org/fraud-platform:pull_request");
        assertThat(GithubOidcTrust.previewSubjects(immutable)).first()
                .isEqualTo("repo:example-org@7/fraud-platform@9:pull_request");
    }

    @Test
    void trustPolicyPinsAudienceAndSubjectWithStringEquals() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(GithubOidcTrust.trustPolicy("arn:aws:iam::1:oidc-provider/x",
                java.util.List.of("repo:a/b:pull_request")).toJson());
        JsonNode statement = doc.at("/Statement/0");

        assertThat(statement.at("/Action/0").asText()).isEqualTo("sts:AssumeRoleWithWebIdentity");
        assertThat(statement.at("/Condition/StringEquals/token.actions.githubusercontent.com:aud/0").asText())
                .isEqualTo("sts.amazonaws.com");
        assertThat(statement.at("/Condition/StringEquals/token.actions.githubusercontent.com:sub/0").asText())
                .isEqualTo("repo:a/b:pull_request");
        assertThat(doc.toString()).doesNotContain("ForAllValues").doesNotContain("StringLike");
    }
}
