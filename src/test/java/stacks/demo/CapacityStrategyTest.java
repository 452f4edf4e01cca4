package stacks.demo;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.engine.EngineRun;
import devmin.engine.StackConfig;
import devmin.graph.DeclaredResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.editLane;
import static devmin.testing.Fixtures.laneIndex;
import static devmin.testing.Fixtures.preview;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where each service's tasks run, as declared to the engine: ECS's capacity provider strategy (Amazon ECS API
 * Reference, CapacityProviderStrategyItem: {@code base} tasks go to the one provider that has a base, the rest split
 * by {@code weight}). A lane with an on-demand base keeps that many tasks on FARGATE through a Spot shortage.
 */
class CapacityStrategyTest {

    static JsonNode strategy(StackConfig config, String lane) {
        EngineRun run = preview(config);
        assertThat(run.succeeded()).as("program errors: %s", run.errors()).isTrue();
        List<DeclaredResource> services = run.graph().resources().stream()
                .filter(r -> r.type().equals("aws:ecs/service:Service") && r.name().equals("service-" + lane))
                .toList();
        assertThat(services).hasSize(1);
        return services.get(0).inputs().get("capacityProviderStrategies");
    }

    @Test
    void anOnDemandBaseRunsThatManyTasksOnFargateAndTheRestOnSpot() {
        StackConfig config = editLane(committedConfig(), laneIndex(committedConfig(), "ig"),
                l -> l.put("desiredCount", 2).put("onDemandBase", 1));

        JsonNode items = strategy(config, "ig");

        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("capacityProvider").asText()).isEqualTo("FARGATE");
        assertThat(items.get(0).get("base").asInt()).isEqualTo(1);
        assertThat(items.get(0).path("weight").asInt(0)).isZero();
        assertThat(items.get(1).get("capacityProvider").asText()).isEqualTo("FARGATE_SPOT");
        assertThat(items.get(1).get("weight").asInt()).isEqualTo(1);
        assertThat(items.get(1).has("base")).isFalse();
    }

    @Test
    void withoutABaseASpotServiceIsAllSpotExactlyAsBefore() {
        JsonNode items = strategy(committedConfig(), "ig");

        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("capacityProvider").asText()).isEqualTo("FARGATE_SPOT");
        assertThat(items.get(0).get("weight").asInt()).isEqualTo(1);
        assertThat(items.get(0).has("base")).isFalse();
    }

    @Test
    void aServiceOffSpotRunsOnFargate() {
        StackConfig config = editLane(committedConfig(), laneIndex(committedConfig(), "ig"), l -> l.put("spot", false));

        JsonNode items = strategy(config, "ig");

        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("capacityProvider").asText()).isEqualTo("FARGATE");
    }

    @Test
    void theClusterOffersBothProvidersTheStrategiesName() {
        EngineRun run = preview(committedConfig());
        DeclaredResource capacity = run.graph().resources().stream()
                .filter(r -> r.type().equals("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders")).findFirst()
                .orElseThrow();

        assertThat(capacity.inputs().get("capacityProviders")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("FARGATE", "FARGATE_SPOT");
    }
}
