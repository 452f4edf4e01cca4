package stacks.core;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.graph.DeclaredResource;
import devmin.graph.StackGraph;
import devmin.testing.DeclaredLayer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles the demo's tasks run as, declared in core under the Pulumi mock engine: persistent, protected, tagged with
 * their lane, and each policy exactly its lane's (the simulator judges them with the boundary: LaneRolesProofTest).
 */
class LaneRolesTest {

    private static DeclaredLayer layer;
    private static StackGraph graph;
    private static EnvironmentSpec spec;

    @BeforeAll
    static void declare() {
        layer = DeclaredLayer.committed("core");
        graph = layer.graph();
        spec = layer.spec();
    }

    private static List<DeclaredResource> all(String type) {
        return layer.all(type);
    }

    private static DeclaredResource named(String type, String name) {
        return layer.named(type, name);
    }

    private static JsonNode json(JsonNode text) {
        return DeclaredLayer.json(text);
    }

    @Test
    void everyLaneRoleIsCoresProtectedAndTaggedWithItsLane() {
        for (LaneSpec lane : spec.lanes()) {
            DeclaredResource role = named("aws:iam/role:Role", "lane-role-" + lane.name());
            assertThat(role.protect()).as(lane.name()).isTrue();
            assertThat(role.inputs().at("/tags/devmin:lane").asText()).isEqualTo(lane.name());
        }
    }

    @Test
    void executionRoleHasNoSecretReadAndNoManagedPolicy() {
        DeclaredResource role = named("aws:iam/role:Role", "ecs-execution-role");
        assertThat(role.inputs().has("managedPolicyArns")).isFalse();
        assertThat(graph.resources()).filteredOn(r -> r.type().startsWith("aws:iam/rolePolicyAttachment")
                || r.type().startsWith("aws:iam/policyAttachment"))
                .noneMatch(r -> r.dependencies().contains(role.urn()) || r.propertyDependencies().values().stream()
                        .anyMatch(urns -> urns.contains(role.urn())));
        String policy = named("aws:iam/rolePolicy:RolePolicy", "ecs-execution-policy").inputs().get("policy").asText();
        assertThat(policy).doesNotContain("ssm:").doesNotContain("secretsmanager:").doesNotContain("kms:");
        assertThat(json(named("aws:iam/role:Role", "ecs-execution-role").inputs().get("assumeRolePolicy"))
                .at("/Statement/0/Principal/Service/0").asText()).isEqualTo("ecs-tasks.amazonaws.com");
    }

    @Test
    void eachLaneRoleReadsExactlyItsOwnHandleArns() {
        for (LaneSpec lane : spec.lanes()) {
            List<String> ssmResources = new ArrayList<>();
            all("aws:iam/rolePolicy:RolePolicy").stream().filter(p -> p.name().equals("lane-policy-" + lane.name()))
                    .forEach(p -> json(p.inputs().get("policy")).get("Statement").forEach(s -> {
                        if (s.get("Action").toString().contains("ssm:")) {
                            assertThat(s.get("Action")).extracting(JsonNode::asText)
                                    .containsExactly("ssm:GetParameter", "ssm:GetParameters");
                            s.get("Resource").forEach(r -> ssmResources.add(r.asText()));
                        }
                    }));
            List<String> expected = lane.reads().stream().map(h -> "arn:aws:ssm:eu-west-2:123456789012:parameter"
                    + devmin.testing.CommittedHandles.ownPath(lane.name(), h)).toList();
            assertThat(ssmResources).as(lane.name()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(ssmResources).noneMatch(r -> r.contains("*"));
        }
    }

    @Test
    void noLaneCanReadAnotherLanesKafkaCredentials() {
        String ig = all("aws:iam/rolePolicy:RolePolicy").stream().filter(p -> p.name().equals("lane-policy-ig"))
                .findFirst().orElseThrow().inputs().get("policy").asText();
        assertThat(ig).contains("/confluent/lanes/ig/api_key").doesNotContain("/confluent/lanes/wsp/")
                .doesNotContain("/confluent/preflight/");
    }

    @Test
    void laneRolesAreHandles() {
        JsonNode handles = graph.outputs().get("handles");
        Set<String> names = new java.util.HashSet<>();
        handles.fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("ROLE_ECS_TASK_EXECUTION", "ROLE_LANE_IG", "ROLE_LANE_CASE_TRIGGER");
        assertThat(spec.lanes().stream().map(l -> stacks.handles.HandleName.laneRole(l.name()))
                .collect(Collectors.toSet())).isSubsetOf(names);
    }
}
