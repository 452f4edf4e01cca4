package stacks.spec;

import devmin.engine.StackConfig;
import org.junit.jupiter.api.Test;

import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.editLane;
import static devmin.testing.Fixtures.laneIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A lane's {@code onDemandBase}: how many of a Spot service's tasks always run on FARGATE. */
class LaneCapacityConfigTest {

    static final int IG = laneIndex(committedConfig(), "ig");
    static final int SEED_PACK = laneIndex(committedConfig(), "seed-pack");

    static EnvironmentSpec parse(StackConfig config) {
        return SpecParser.parse(ConfigSource.of(config.values()), "devmin", "dev-min");
    }

    static String problems(StackConfig config) {
        return catchThrowableOfType(InvalidSpecException.class, () -> parse(config)).getMessage();
    }

    @Test
    void withoutItEverySpotServiceRunsAllItsTasksOnSpot() {
        assertThat(parse(committedConfig()).lanes()).allSatisfy(lane -> assertThat(lane.onDemandBase()).isZero());
    }

    @Test
    void aSpotServiceMayKeepSomeTasksOnDemand() {
        LaneSpec ig = parse(editLane(committedConfig(), IG, l -> l.put("onDemandBase", 1))).lane("ig").orElseThrow();

        assertThat(ig.spot()).isTrue();
        assertThat(ig.onDemandBase()).isEqualTo(1);
    }

    @Test
    void aBaseOnAJobIsRefusedNamingKeyValueAndExpectation() {
        assertThat(problems(editLane(committedConfig(), SEED_PACK, l -> l.put("onDemandBase", 1))))
                .contains("devmin:lanes[seed-pack].onDemandBase: got '1', expected no onDemandBase on a job");
    }

    @Test
    void aBaseOffSpotIsRefused() {
        assertThat(problems(editLane(committedConfig(), IG, l -> l.put("spot", false).put("onDemandBase", 1))))
                .contains("devmin:lanes[ig].onDemandBase: got '1', expected an onDemandBase only with"
                        + " spot: true");
    }

    @Test
    void aBaseAboveTheDesiredCountIsRefused() {
        assertThat(problems(editLane(committedConfig(), IG, l -> l.put("desiredCount", 1).put("onDemandBase", 2))))
                .contains("devmin:lanes[ig].onDemandBase: got '2', expected at most the lane's desiredCount"
                        + " (1)");
    }

    @Test
    void aBaseThatIsNotAWholeNumberIsRefused() {
        assertThat(problems(editLane(committedConfig(), IG, l -> l.put("onDemandBase", "one"))))
                .contains("devmin:lanes[ig].onDemandBase: got 'one', expected a whole number");
    }
}
