package stacks.confluent;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.test.Mocks;
import devmin.engine.EmbeddedEngine;
import devmin.engine.EngineRun;
import devmin.graph.DeclaredResource;
import devmin.graph.StackGraph;
import devmin.graph.WireValues;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import stacks.DevminProgram;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.preview;
import static org.assertj.core.api.Assertions.assertThat;

/** The Confluent layer under the Pulumi mock engine. */
class ConfluentStackTest {

    static final String SECRET_CANARY = "canary-confluent-secret-93b1";
    private static StackGraph graph;
    private static List<DeclaredResource> confluent;

    @BeforeAll
    static void declare() {
        EngineRun run = preview(committedConfig());
        assertThat(run.succeeded()).as("%s", run.errors()).isTrue();
        graph = run.graph();
        confluent = graph.resources().stream().filter(r -> graph.layerOf(r).orElse("").equals("confluent")).toList();
    }

    private static List<DeclaredResource> all(String type) {
        return confluent.stream().filter(r -> r.type().equals(type)).toList();
    }

    private static DeclaredResource named(String name) {
        return confluent.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyConfluentRegistrationAsksForThePinnedPluginVersionAndIsProtected() {
        List<DeclaredResource> bound = confluent.stream().filter(r -> r.type().startsWith("confluentcloud:")).toList();
        assertThat(bound).isNotEmpty().allSatisfy(r -> {
            assertThat(r.version()).as(r.urn()).isEqualTo("2.79.0");
            assertThat(r.protect()).as(r.urn()).isTrue();
        });
        DeclaredResource provider = confluent.stream().filter(r -> r.type().equals("pulumi:providers:confluentcloud"))
                .findFirst().orElseThrow();
        assertThat(provider.version()).isEqualTo("2.79.0");
        assertThat(bound).allSatisfy(r -> assertThat(r.provider()).startsWith(provider.urn() + "::"));
    }

    /**
     * The committed catalog: every service lane uses Kafka, and of the jobs only the publish/readback probe (it reads
     * the receipt back); plus the manager and the preflight probe.
     */
    static final List<String> KAFKA_LANES = List.of("sr", "wsp", "ig", "archive-writer", "ieg", "ofp", "csfb", "dl",
            "df", "al", "dla", "case-trigger", "cm", "ls", "probe-publish");

    @Test
    void everyKafkaLaneAndThePreflightProbeHaveTheirOwnServiceAccountAndKey() {
        List<String> principals = new java.util.ArrayList<>(KAFKA_LANES);
        principals.add("preflight");
        assertThat(all("confluentcloud:index/serviceAccount:ServiceAccount"))
                .extracting(a -> a.inputs().get("displayName").asText())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(Stream.of("app-manager"),
                        principals.stream()).map(p -> "devmin-dev-min-" + p).toList());
        for (String principal : principals) {
            DeclaredResource key = named("kafka-" + principal + "-key");
            assertThat(key.dependencies()).as(principal).contains(named("kafka-" + principal).urn());
            assertThat(key.additionalSecretOutputs()).contains("secret");
        }
    }

    /** The ACLs whose principal is the lane's own service account. */
    static List<DeclaredResource> aclsOf(String principal) {
        String account = named("kafka-" + principal).urn();
        return all("confluentcloud:index/kafkaAcl:KafkaAcl").stream()
                .filter(acl -> acl.propertyDependencies().getOrDefault("principal", List.of()).contains(account))
                .toList();
    }

    static List<String> grants(List<DeclaredResource> acls) {
        return acls.stream().map(a -> a.inputs().get("operation").asText() + " " + a.inputs().get("resourceType")
                .asText() + " " + a.inputs().get("resourceName").asText() + " " + a.inputs().get("patternType")
                .asText()).toList();
    }

    @Test
    void theInternetFacingIngressCanWriteItsOwnTwoTopicsAndNothingElse() {
        assertThat(grants(aclsOf("ig"))).containsExactlyInAnyOrder(
                "WRITE TOPIC ingress.traffic.v1 LITERAL", "DESCRIBE TOPIC ingress.traffic.v1 LITERAL",
                "WRITE TOPIC ingress.receipts.v1 LITERAL", "DESCRIBE TOPIC ingress.receipts.v1 LITERAL");
    }

    @Test
    void aConsumingLaneReadsItsTopicsAndOnlyItsOwnGroups() {
        assertThat(grants(aclsOf("dl"))).containsExactlyInAnyOrder(
                "WRITE TOPIC decision.posture.v1 LITERAL", "DESCRIBE TOPIC decision.posture.v1 LITERAL",
                "READ TOPIC rtdl.features.v1 LITERAL", "DESCRIBE TOPIC rtdl.features.v1 LITERAL",
                "READ GROUP dl. PREFIXED");
    }

    @Test
    void everyAclBelongsToExactlyOnePrincipalOfThisStack() {
        List<DeclaredResource> acls = all("confluentcloud:index/kafkaAcl:KafkaAcl");
        int owned = java.util.stream.Stream.concat(KAFKA_LANES.stream(), Stream.of("preflight"))
                .mapToInt(p -> aclsOf(p).size()).sum();
        assertThat(acls).isNotEmpty();
        assertThat(owned).isEqualTo(acls.size());
    }

    @Test
    void eachPrincipalsCredentialsGoToItsOwnPathsAsSecrets() {
        for (String principal : java.util.stream.Stream.concat(KAFKA_LANES.stream(), Stream.of("preflight")).toList()) {
            String base = principal.equals("preflight") ? "/devmin/dev_min/confluent/preflight"
                    : "/devmin/dev_min/confluent/lanes/" + principal;
            for (String kind : List.of("key", "secret")) {
                JsonNode parameter = named("ssm-kafka-" + principal + "-" + kind).inputs();
                assertThat(parameter.get("name").asText()).isEqualTo(base + (kind.equals("key") ? "/api_key"
                        : "/api_secret"));
                assertThat(parameter.get("type").asText()).isEqualTo("SecureString");
                JsonNode value = parameter.get("value");
                assertThat(WireValues.isSecret(value) || WireValues.isUnknown(value)).as(principal + " " + kind)
                        .isTrue();
            }
        }
        assertThat(named("ssm-confluent-bootstrap").inputs().get("name").asText())
                .isEqualTo("/devmin/dev_min/confluent/bootstrap");
    }

    @Test
    void clusterIsBasicSingleZoneInTheSpecsCloudAndRegion() {
        JsonNode cluster = all("confluentcloud:index/kafkaCluster:KafkaCluster").get(0).inputs();
        assertThat(cluster.get("availability").asText()).isEqualTo("SINGLE_ZONE");
        assertThat(cluster.get("cloud").asText()).isEqualTo("AWS");
        assertThat(cluster.get("region").asText()).isEqualTo("eu-west-2");
        assertThat(cluster.get("basic").isObject()).isTrue();
        assertThat(cluster.get("basic")).isEmpty();
        assertThat(cluster.has("environment")).isTrue();
    }

    @Test
    void managerIsClusterAdminAndItsKeyWaitsForTheBinding() {
        DeclaredResource binding = named("app-manager-cluster-admin");
        assertThat(binding.inputs().get("roleName").asText()).isEqualTo("CloudClusterAdmin");
        assertThat(named("app-manager-kafka-key").dependencies()).contains(binding.urn());
        assertThat(all("confluentcloud:index/kafkaTopic:KafkaTopic"))
                .allSatisfy(t -> assertThat(t.dependencies()).contains(binding.urn()));
        assertThat(named("app-manager-kafka-key").additionalSecretOutputs()).contains("secret");
    }

    @Test
    void topicsCarryTheCatalogsPartitionsRetentionAndCleanupWithSecretCredentials() {
        DeclaredResource topic = named("topic-rtdl.entity-graph.v1");
        assertThat(topic.inputs().get("topicName").asText()).isEqualTo("rtdl.entity-graph.v1");
        assertThat(topic.inputs().get("partitionsCount").asInt()).isEqualTo(3);
        assertThat(topic.inputs().at("/config/retention.ms").asText()).isEqualTo("-1");
        assertThat(topic.inputs().at("/config/cleanup.policy").asText()).isEqualTo("compact");
        assertThat(WireValues.isSecret(topic.inputs().get("credentials"))).isTrue();
        assertThat(topic.inputs().has("httpEndpoint")).isFalse();
    }

    @Test
    void aclsAreLiteralTopicsOrLanePrefixedGroupsNeverWildcardsAllOrCluster() {
        List<DeclaredResource> acls = all("confluentcloud:index/kafkaAcl:KafkaAcl");
        assertThat(acls).isNotEmpty().allSatisfy(acl -> {
            JsonNode in = acl.inputs();
            assertThat(in.get("resourceName").asText()).doesNotContain("*");
            assertThat(in.get("operation").asText()).isIn("READ", "WRITE", "DESCRIBE");
            assertThat(in.get("resourceType").asText()).isIn("TOPIC", "GROUP");
            assertThat(in.get("permission").asText()).isEqualTo("ALLOW");
            assertThat(in.get("host").asText()).isEqualTo("*");
            if (in.get("resourceType").asText().equals("TOPIC")) {
                assertThat(in.get("patternType").asText()).isEqualTo("LITERAL");
            }
            assertThat(WireValues.isSecret(in.get("credentials"))).isTrue();
        });
    }

    @Test
    void apiSecretNeverAppearsInPlaintextAnywhere() {
        EngineRun run = EmbeddedEngine.run(committedConfig(), false, DevminProgram::define, new CanaryMocks());
        assertThat(run.succeeded()).as("%s", run.errors()).isTrue();

        assertThat(run.graph().resources()).allSatisfy(r ->
                assertThat(r.inputs().toString()).as(r.urn()).doesNotContain(SECRET_CANARY));
        assertThat(run.graph().outputs().toString()).doesNotContain(SECRET_CANARY);
        assertThat(String.join("\n", run.errors())).doesNotContain(SECRET_CANARY);
        assertThat(run.graph().resources()).filteredOn(r -> r.name().startsWith("ssm-kafka-"))
                .hasSize(2 * (KAFKA_LANES.size() + 1))
                .allSatisfy(r -> assertThat(WireValues.isSecret(r.inputs().get("value"))).as(r.name()).isTrue());
    }

    @Test
    void providerTakesCloudCredentialsFromSecretConfigWhenSet() {
        var config = committedConfig().with("confluentcloud:cloudApiKey", "ck").with("confluentcloud:cloudApiSecret", "cs");
        EngineRun run = preview(config);
        DeclaredResource provider = run.graph().resources().stream()
                .filter(r -> r.type().equals("pulumi:providers:confluentcloud")).findFirst().orElseThrow();
        assertThat(WireValues.isSecret(provider.inputs().get("cloudApiKey"))).isTrue();
        assertThat(WireValues.isSecret(provider.inputs().get("cloudApiSecret"))).isTrue();

        DeclaredResource fromEnvironment = confluent.stream()
                .filter(r -> r.type().equals("pulumi:providers:confluentcloud")).findFirst().orElseThrow();
        assertThat(fromEnvironment.inputs().has("cloudApiKey")).isFalse();
    }

    /** Update-mode provider stand-in that hands out the canary as every API key's secret. */
    private static final class CanaryMocks extends devmin.engine.PreviewMocks {
        CanaryMocks() {
            super(false, pinnedImage(committedConfig()).map(java.util.List::of).orElseThrow());
        }

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            return super.newResourceAsync(args).thenApply(result -> {
                if (!args.type.equals("confluentcloud:index/apiKey:ApiKey")) {
                    return result;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> state = new HashMap<>((Map<String, Object>) result.state);
                state.put("secret", SECRET_CANARY);
                return ResourceResult.of(result.id, state);
            });
        }
    }
}
