package devmin.policy;

import devmin.engine.EngineRun;
import devmin.policy.input.GraphViews;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.preview;
import static org.assertj.core.api.Assertions.assertThat;

/** The committed dev-min environment passes the whole pack: zero findings of any level, every rule exercised. */
class CommittedStackPolicyTest {

    private static List<ResourceView> views;

    @BeforeAll
    static void declare() {
        EngineRun run = preview(committedConfig());
        assertThat(run.succeeded()).as("%s", run.errors()).isTrue();
        views = GraphViews.of(run.graph());
    }

    @Test
    void theCommittedEnvironmentHasNoFindingAtAll() {
        PolicyReport report = new PolicyEngine(RulePack.devmin(), PolicyConfig.none(), LocalDate.of(2026, 11, 22))
                .evaluate(views);

        assertThat(report.findings()).as("findings").isEmpty();
        assertThat(report.passedRules()).hasSize(RulePack.devmin().rules().size());
        assertThat(report.evaluatedResources()).isEqualTo(views.size());
    }

    @Test
    void rulesSeeTheRelationsTheyJudge() {
        var stack = new StackView(views);
        var tasks = stack.ofType("aws:ecs/taskDefinition:TaskDefinition");
        assertThat(tasks).isNotEmpty();
        assertThat(tasks).allSatisfy(t -> assertThat(
                devmin.policy.iam.RoleGrants.rolesReferencedBy(stack, t, "executionRoleArn"))
                .extracting(ResourceView::name).containsExactly("ecs-execution-role"));
        var execution = stack.ofType("aws:iam/role:Role").stream().filter(r -> r.name().equals("ecs-execution-role"))
                .findFirst().orElseThrow();
        assertThat(devmin.policy.iam.RoleGrants.of(execution, stack).sources()).hasSize(1);
    }
}
