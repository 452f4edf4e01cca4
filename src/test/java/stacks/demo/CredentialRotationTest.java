package stacks.demo;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.engine.EmbeddedEngine;
import devmin.engine.EngineRun;
import devmin.engine.PreviewMocks;
import devmin.graph.DeclaredResource;
import org.junit.jupiter.api.Test;
import stacks.DevminProgram;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotation is complete when the runtime reloads it: each service is triggered by the versions of the parameters its
 * lane reads (never their values), so a re-created Kafka key redeploys the lane whose key it is, and no other; the
 * same credentials change nothing; task definitions never carry them.
 */
class CredentialRotationTest {

    /** Update-mode providers whose Confluent API key of one principal has the given secret. */
    static final class KeyOf extends PreviewMocks {
        private final String principal;
        private final String secret;

        KeyOf(String principal, String secret) {
            super(false, pinnedImage(committedConfig()).map(List::of).orElseThrow());
            this.principal = principal;
            this.secret = secret;
        }

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            return super.newResourceAsync(args).thenApply(result -> {
                if (!args.name.equals("kafka-" + principal + "-key")) {
                    return result;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> state = new HashMap<>((Map<String, Object>) result.state);
                state.put("secret", secret);
                return ResourceResult.of(result.id, state);
            });
        }
    }

    static Map<String, DeclaredResource> byName(String principal, String secret, String type) {
        EngineRun run = EmbeddedEngine.run(committedConfig(), false, DevminProgram::define, new KeyOf(principal, secret));
        assertThat(run.succeeded()).as("%s", run.errors()).isTrue();
        return run.graph().resources().stream().filter(r -> r.type().equals(type))
                .collect(Collectors.toMap(DeclaredResource::name, r -> r));
    }

    static Map<String, JsonNode> triggers(String principal, String secret) {
        Map<String, JsonNode> out = new HashMap<>();
        byName(principal, secret, "aws:ecs/service:Service").forEach((name, r) -> out.put(name,
                r.inputs().get("triggers")));
        return out;
    }

    @Test
    void aRotatedKeyRedeploysTheLaneWhoseKeyItIsAndNoOther() {
        Map<String, JsonNode> before = triggers("ig", "first-secret");
        Map<String, JsonNode> rotated = triggers("ig", "rotated-secret");
        Map<String, JsonNode> again = triggers("ig", "first-secret");

        assertThat(rotated.get("service-ig")).isNotEqualTo(before.get("service-ig"));
        before.keySet().stream().filter(name -> !name.equals("service-ig")).forEach(name ->
                assertThat(rotated.get(name)).as(name).isEqualTo(before.get(name)));
        assertThat(again).isEqualTo(before);
    }

    @Test
    void everyServiceIsTriggeredByTheVersionsOfWhatItReadsAndForcesANewDeploymentOnThem() {
        DeclaredResource ig = byName("ig", "s", "aws:ecs/service:Service").get("service-ig");
        assertThat(ig.inputs().get("forceNewDeployment").asBoolean()).isTrue();
        assertThat(ig.inputs().get("triggers").fieldNames()).toIterable().containsExactlyInAnyOrder(
                "SSM_CONFLUENT_API_KEY_PATH", "SSM_CONFLUENT_API_SECRET_PATH", "SSM_CONFLUENT_BOOTSTRAP_PATH",
                "SSM_IG_API_KEY_PATH");
    }

    @Test
    void taskDefinitionsNeverChangeWithTheCredentialsNorCarryThem() {
        Map<String, DeclaredResource> before = byName("ig", "canary-secret-4e1b", "aws:ecs/taskDefinition:TaskDefinition");
        Map<String, DeclaredResource> rotated = byName("ig", "other-secret", "aws:ecs/taskDefinition:TaskDefinition");
        before.forEach((name, task) -> {
            assertThat(task.inputs().get("containerDefinitions")).as(name)
                    .isEqualTo(rotated.get(name).inputs().get("containerDefinitions"));
            assertThat(task.inputs().toString()).doesNotContain("canary-secret-4e1b");
        });
    }
}
