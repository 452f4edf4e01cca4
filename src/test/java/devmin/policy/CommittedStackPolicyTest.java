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
    void theCommittedEnvironmentAsAStackExportHasNoFindingEither() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var export = json.createObjectNode();
        export.put("version", 3);
        var resources = export.putObject("deployment").putArray("resources");
        var graph = preview(committedConfig()).graph();
        for (var r : graph.resources()) {
            var node = resources.addObject();
            node.put("urn", r.urn()).put("type", r.type()).put("custom", r.custom()).put("protect", r.protect())
                    .put("parent", r.parentUrn()).put("provider", r.provider());
            node.set("inputs", r.inputs());
            var deps = node.putArray("dependencies");
            r.dependencies().forEach(deps::add);
            var propertyDeps = node.putObject("propertyDependencies");
            r.propertyDependencies().forEach((k, v) -> v.forEach(propertyDeps.withArray(k)::add));
        }

        var views = devmin.policy.input.StackExportReader.read(export, "committed");
        PolicyReport report = new PolicyEngine(RulePack.devmin(), PolicyConfig.none(), LocalDate.of(2026, 11, 22))
                .evaluate(views);

        assertThat(report.findings()).isEmpty();
        long declaredDemo = graph.resources().stream().filter(r -> graph.layerOf(r).orElse("").equals("demo")).count();
        assertThat(views).filteredOn(v -> v.layer().equals("demo")).hasSize((int) declaredDemo);
        assertThat(declaredDemo).isPositive();
    }

    @Test
    void rulesSeeTheRelationsTheyJudge() {
        var stack = new StackView(views);
        var tasks = stack.ofType("aws:ecs/taskDefinition:TaskDefinition");
        assertThat(tasks).isNotEmpty();
        assertThat(tasks).allSatisfy(t -> {
            var refs = devmin.policy.iam.RoleGrants.rolesReferencedBy(stack, t, "executionRoleArn");
            assertThat(refs.roles()).extracting(ResourceView::name).containsExactly("ecs-execution-role");
            assertThat(refs.unresolved()).isEmpty();
        });
        var execution = stack.ofType("aws:iam/role:Role").stream().filter(r -> r.name().equals("ecs-execution-role"))
                .findFirst().orElseThrow();
        assertThat(devmin.policy.iam.RoleGrants.of(execution, stack).sources()).hasSize(1);
    }
}
