package stacks.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import stacks.handles.HandleName;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;
import stacks.spec.SpecParser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** What a lane's container is given: handle paths and topic names (never secret values), its port, a read-only root. */
class LaneContainerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EnvironmentSpec SPEC = SpecParser.parse(ConfigSource.of(committedConfig().values()),
            "devmin", "dev-min");

    @Test
    void containerEnvironmentCarriesHandlePathsAndTopicsNeverValues() throws Exception {
        LaneSpec ig = SPEC.lane("ig").orElseThrow();
        Map<String, String> env = LaneContainer.environment("dev_min", "eu-west-2", ig,
                Map.of(HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH, "/devmin/dev_min/confluent/bootstrap",
                        HandleName.SSM_CONFLUENT_API_KEY_PATH, "/devmin/dev_min/confluent/lanes/ig/api_key",
                        HandleName.SSM_CONFLUENT_API_SECRET_PATH, "/devmin/dev_min/confluent/lanes/ig/api_secret",
                        HandleName.SSM_IG_API_KEY_PATH, "/devmin/dev_min/ig/api_key"), "bucket");

        assertThat(env).containsEntry("SSM_IG_API_KEY_PATH", "/devmin/dev_min/ig/api_key")
                .containsEntry("KAFKA_TOPIC_INGRESS_TRAFFIC_V1", "ingress.traffic.v1")
                .containsEntry("DEVMIN_LANE", "ig")
                .doesNotContainKey("KAFKA_GROUP_PREFIX")
                .doesNotContainKey("S3_EVIDENCE_BUCKET");
        JsonNode container = JSON.readTree(LaneContainer.definitionJson(ig, "repo@sha256:x", env, "/g", "eu-west-2"))
                .get(0);
        assertThat(container.at("/portMappings/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(container.get("readonlyRootFilesystem").asBoolean()).isTrue();
    }

    /** Every lane of the committed stack: what it reads, calls and uses, and nothing it does not. */
    @Test
    void eachLaneIsGivenExactlyWhatItDeclares() {
        for (LaneSpec lane : SPEC.lanes()) {
            Map<String, String> values = new LinkedHashMap<>();
            lane.reads().forEach(h -> values.put(h, "/path/of/" + h));
            lane.calls().forEach(c -> values.put(HandleName.laneAddress(c), c + ".devmin.internal:8080"));
            Map<String, String> env = LaneContainer.environment("dev_min", "eu-west-2", lane, values, "bucket");

            Set<String> expected = new TreeSet<>(List.of("DEVMIN_ENVIRONMENT", "DEVMIN_LANE", "AWS_REGION"));
            expected.addAll(values.keySet());
            lane.produces().forEach(t -> expected.add(HandleName.kafkaTopic(t)));
            lane.consumes().forEach(t -> expected.add(HandleName.kafkaTopic(t)));
            if (!lane.s3Access().isEmpty()) {
                expected.add(HandleName.S3_EVIDENCE_BUCKET);
            }
            if (!lane.consumes().isEmpty()) {
                expected.add(LaneContainer.KAFKA_GROUP_PREFIX);
            }
            assertThat(env.keySet()).as(lane.name()).containsExactlyInAnyOrderElementsOf(expected);
            values.forEach((name, value) -> assertThat(env).as(lane.name()).containsEntry(name, value));
            assertThat(env).as(lane.name()).containsEntry("DEVMIN_LANE", lane.name())
                    .containsEntry("DEVMIN_ENVIRONMENT", "dev_min").containsEntry("AWS_REGION", "eu-west-2");
        }
        assertThat(SPEC.lanes()).as("the committed stack exercises every branch")
                .anyMatch(l -> !l.calls().isEmpty()).anyMatch(l -> !l.s3Access().isEmpty())
                .anyMatch(l -> !l.consumes().isEmpty()).anyMatch(l -> l.consumes().isEmpty());
    }

    @Test
    void theDefinitionRunsTheLanesCommandWithItsEnvironmentAndAWritableScratchOnly() throws Exception {
        LaneSpec lane = SPEC.lanes().stream().filter(l -> l.ingress().isEmpty()).findFirst().orElseThrow();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("A", "1");
        env.put("B", "2");
        JsonNode container = JSON.readTree(LaneContainer.definitionJson(lane, "repo@sha256:x", env, "/devmin/g",
                "eu-west-2")).get(0);

        assertThat(container.get("command")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(lane.command());
        assertThat(container.get("environment")).extracting(e -> e.get("name").asText() + "=" + e.get("value")
                .asText()).containsExactly("A=1", "B=2");
        assertThat(container.at("/mountPoints/0/containerPath").asText()).isEqualTo(LaneContainer.SCRATCH_PATH);
        assertThat(container.has("portMappings")).as("a lane without ingress listens on nothing").isFalse();
        assertThat(container.at("/logConfiguration/options/awslogs-group").asText()).isEqualTo("/devmin/g");
        assertThat(container.at("/logConfiguration/options/awslogs-stream-prefix").asText()).isEqualTo(lane.name());
    }

    @Test
    void theImageIsNamedByItsDigest() {
        assertThat(LaneContainer.pinnedImage("1.dkr.ecr.eu-west-2.amazonaws.com/fraud-platform", SPEC.image()))
                .isEqualTo("1.dkr.ecr.eu-west-2.amazonaws.com/fraud-platform@" + SPEC.image().digest());
    }

    @Test
    void theSecurityGroupAdmitsExactlyThePortsSomeLaneListensOn() {
        List<Integer> expected = SPEC.lanes().stream().filter(l -> l.ingress().isPresent())
                .map(LaneSpec::ingressPort).distinct().sorted().toList();

        assertThat(LaneContainer.ingressPorts(SPEC.lanes())).isNotEmpty().containsExactlyElementsOf(expected);
        assertThat(LaneContainer.ingressPorts(SPEC.lanes().stream().filter(l -> l.ingress().isEmpty()).toList()))
                .isEmpty();
    }
}
