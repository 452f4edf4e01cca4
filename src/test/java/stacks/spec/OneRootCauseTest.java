package stacks.spec;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import devmin.engine.StackConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static devmin.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** One mistake is one problem: what only follows from a problem already reported is not reported again. */
class OneRootCauseTest {

    private static final int IG = laneIndex(committedConfig(), "ig");
    private static final int PROBE_INGRESS = laneIndex(committedConfig(), "probe-ingress");

    private static List<SpecError> problems(StackConfig config) {
        return catchThrowableOfType(InvalidSpecException.class,
                () -> SpecParser.parse(ConfigSource.of(config.values(), config.secretKeys()), "devmin", "dev-min"))
                .errors();
    }

    @Test
    void aMisspeltIngressPortIsNotAlsoReportedAtEveryLaneThatCallsIt() {
        StackConfig config = editLane(committedConfig(), IG, l -> l.set("ingresPort", l.remove("ingressPort")));

        assertThat(problems(config)).extracting(SpecError::key).containsExactly("devmin:lanes[ig].ingresPort");
    }

    @Test
    void anIngressPortOutOfRangeIsNotAlsoReportedAtItsCallers() {
        StackConfig config = editLane(committedConfig(), IG, l -> l.put("ingressPort", 0));

        assertThat(problems(config)).extracting(SpecError::key).containsExactly("devmin:lanes[ig].ingressPort");
    }

    @Test
    void aRejectedLaneNameIsNotAlsoReportedAtEveryLaneThatCallsIt() {
        StackConfig config = editLane(committedConfig(), IG, l -> l.put("name", "Ig"));

        assertThat(problems(config)).extracting(SpecError::describe)
                .containsExactly("devmin:lanes[" + IG + "].name: got 'Ig', expected " + Patterns.LANE_NAME_TEXT);
    }

    @Test
    void aCallToALaneNobodyNamedIsStillReportedAndListsOnlyNamedLanes() {
        StackConfig config = editLane(editLane(committedConfig(), IG, l -> l.put("name", "Ig")), PROBE_INGRESS,
                l -> l.set("calls", array("billing")));

        assertThat(problems(config)).extracting(SpecError::describe).containsExactly(
                "devmin:lanes[" + IG + "].name: got 'Ig', expected " + Patterns.LANE_NAME_TEXT,
                "devmin:lanes[probe-ingress].calls[0]: got 'billing', expected another service lane with an"
                        + " ingressPort, one of [cm]");
    }

    @Test
    void aRejectedTopicNameIsNotAlsoReportedAtItsProducersAndConsumers() {
        StackConfig config = editJson(committedConfig(), "devmin:topics", topics -> {
            for (var topic : topics) {
                if (topic.path("name").asText().equals("ingress.receipts.v1")) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) topic).put("name", "ingress.receipts.v1!");
                }
            }
        });

        assertThat(problems(config)).singleElement().satisfies(e -> {
            assertThat(e.key()).matches("devmin:topics\\[\\d+]\\.name");
            assertThat(e.value()).isEqualTo("'ingress.receipts.v1!'");
        });
    }

    @ParameterizedTest(name = "{0}: 30")
    @ValueSource(strings = {"devmin:budget", "devmin:ci", "devmin:image", "devmin:confluent", "devmin:database"})
    void aScalarWhereAnObjectBelongsIsOneProblemNotOnePerMissingField(String key) {
        StackConfig config = committedConfig().with(key, "30");

        assertThat(problems(config)).extracting(SpecError::describe)
                .containsExactly(key + ": got '30', expected a YAML object");
    }

    @Test
    void aLaneThatIsNotAnObjectIsOneProblemAndTheOthersKeepTheirNames() {
        StackConfig config = editJson(committedConfig(), "devmin:lanes",
                lanes -> ((com.fasterxml.jackson.databind.node.ArrayNode) lanes).set(0, TextNode.valueOf("seed-pack")));
        StackConfig alsoBad = editLane(config, IG, l -> l.set("cpu", IntNode.valueOf(300)));

        assertThat(problems(alsoBad)).extracting(SpecError::key)
                .containsExactly("devmin:lanes[0]", "devmin:lanes[ig].cpu");
    }
}
