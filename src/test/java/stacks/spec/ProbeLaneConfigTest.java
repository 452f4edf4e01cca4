package stacks.spec;

import devmin.engine.StackConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.editLane;
import static devmin.testing.Fixtures.laneIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A lane's {@code probe}: a job lane whose command is the image's own probe entrypoint, run by readiness. */
class ProbeLaneConfigTest {

    static final int IG = laneIndex(committedConfig(), "ig");
    static final int PROBE_INGRESS = laneIndex(committedConfig(), "probe-ingress");

    static EnvironmentSpec parse(StackConfig config) {
        return SpecParser.parse(ConfigSource.of(config.values()), "devmin", "dev-min");
    }

    static String problems(StackConfig config) {
        return catchThrowableOfType(InvalidSpecException.class, () -> parse(config)).getMessage();
    }

    @Test
    void theCommittedConfigDeclaresTheSeedsTwoProbesAsJobLanesWithTheHandlesTheyNeed() {
        EnvironmentSpec spec = parse(committedConfig());

        List<LaneSpec> probes = spec.lanes().stream().filter(LaneSpec::probe).toList();
        assertThat(probes).extracting(LaneSpec::name).containsExactly("probe-ingress", "probe-publish");
        assertThat(probes).allSatisfy(probe -> {
            assertThat(probe.kind()).isEqualTo(LaneKind.JOB);
            assertThat(probe.calls()).containsExactly("ig");
            assertThat(probe.reads()).contains("SSM_IG_API_KEY_PATH");
            assertThat(probe.spot()).as("a Spot shortage must not fail readiness").isFalse();
        });
        assertThat(spec.lane("probe-publish").orElseThrow().consumes()).containsExactly("ingress.receipts.v1");
        assertThat(spec.lanes().stream().filter(l -> !l.probe()).toList()).hasSize(spec.lanes().size() - 2);
    }

    @Test
    void aProbeOnAServiceIsRefusedNamingKeyValueAndExpectation() {
        assertThat(problems(editLane(committedConfig(), IG, l -> l.put("probe", true))))
                .contains("devmin:lanes[ig].probe: got 'true', expected probe: true only on a lane of kind"
                        + " job");
    }

    @Test
    void aProbeThatIsNotABooleanIsRefused() {
        assertThat(problems(editLane(committedConfig(), PROBE_INGRESS, l -> l.put("probe", "yes"))))
                .contains("devmin:lanes[probe-ingress].probe: got 'yes', expected true or false");
    }
}
