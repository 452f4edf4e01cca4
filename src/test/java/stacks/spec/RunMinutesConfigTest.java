package stacks.spec;

import devmin.engine.StackConfig;
import org.junit.jupiter.api.Test;

import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.editLane;
import static devmin.testing.Fixtures.laneIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A job lane's {@code runMinutes}: how long one run takes, which the plan's cost estimate prices a run from. */
class RunMinutesConfigTest {

    static final int IG = laneIndex(committedConfig(), "ig");
    static final int STREAM_SORT = laneIndex(committedConfig(), "stream-sort");

    static EnvironmentSpec parse(StackConfig config) {
        return SpecParser.parse(ConfigSource.of(config.values()), "devmin", "dev-min");
    }

    static String problems(StackConfig config) {
        return catchThrowableOfType(InvalidSpecException.class, () -> parse(config)).getMessage();
    }

    @Test
    void aJobStatesItsRunTimeInWholeMinutes() {
        EnvironmentSpec spec = parse(editLane(committedConfig(), STREAM_SORT, l -> l.put("runMinutes", 25)));

        assertThat(spec.lane("stream-sort").orElseThrow().runTime()).hasValue(25);
        assertThat(spec.lane("seed-pack").orElseThrow().runTime()).isEmpty();
    }

    @Test
    void theLimitsAreAMinuteAndADay() {
        assertThat(parse(editLane(committedConfig(), STREAM_SORT, l -> l.put("runMinutes", 1)))
                .lane("stream-sort").orElseThrow().runMinutes()).isEqualTo(1);
        assertThat(parse(editLane(committedConfig(), STREAM_SORT, l -> l.put("runMinutes", 1440)))
                .lane("stream-sort").orElseThrow().runMinutes()).isEqualTo(1440);
        assertThat(problems(editLane(committedConfig(), STREAM_SORT, l -> l.put("runMinutes", 0))))
                .contains("devmin:lanes[stream-sort].runMinutes: got '0', expected a whole number from 1 to"
                        + " 1440");
        assertThat(problems(editLane(committedConfig(), STREAM_SORT, l -> l.put("runMinutes", 1441))))
                .contains("devmin:lanes[stream-sort].runMinutes: got '1441', expected a whole number from 1"
                        + " to 1440");
    }

    @Test
    void aRunTimeThatIsNotAWholeNumberIsRefusedNamingKeyValueAndExpectation() {
        assertThat(problems(editLane(committedConfig(), STREAM_SORT, l -> l.put("runMinutes", "ten"))))
                .contains("devmin:lanes[stream-sort].runMinutes: got 'ten', expected a whole number from 1"
                        + " to 1440");
        assertThat(problems(editLane(committedConfig(), STREAM_SORT, l -> l.put("runMinutes", 2.5))))
                .contains("devmin:lanes[stream-sort].runMinutes: got '2.5', expected a whole number");
    }

    @Test
    void aRunTimeOnAServiceIsRefusedNamingKeyValueAndExpectation() {
        assertThat(problems(editLane(committedConfig(), IG, l -> l.put("runMinutes", 30))))
                .contains("devmin:lanes[ig].runMinutes: got '30', expected no runMinutes on a service");
    }
}
