package devmin.window;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The TTL decision on histories built in memory: the branches the recorded CLI steps do not reach. */
class WindowTtlDecisionsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static Operation op(String kind, String result, int hoursAgo) {
        return new Operation(kind, result, NOW.minusSeconds(hoursAgo * 3600L), Optional.empty(), Optional.empty());
    }

    @Test
    void onlyRefreshesReadIsNeverOpenedAndSaysHowManyWereRead() {
        WindowStatus status = WindowTtl.decide("dev-min", new StackHistory(List.of(op("refresh", "succeeded", 1),
                op("refresh", "failed", 2))), 4, NOW);

        assertThat(status.window()).isEqualTo("never-opened");
        assertThat(status.close()).isFalse();
        assertThat(status.reason()).isEqualTo("no update or destroy in the 2 operations read: nothing to close");
    }

    @Test
    void aSucceededDestroyIsTheCloseAndIsNamedInTheReason() {
        WindowStatus status = WindowTtl.decide("dev-min", new StackHistory(List.of(op("destroy", "succeeded", 1),
                op("update", "succeeded", 9))), 4, NOW);

        assertThat(status.window()).isEqualTo("closed");
        assertThat(status.reason()).isEqualTo("the last operation that changes the demo layer (destroy succeeded at"
                + " 2026-12-06T11:00:00Z) closed it: nothing to close");
        assertThat(status.lastChange()).contains(op("destroy", "succeeded", 1));
    }

    @Test
    void exactlyTheTtlOpenIsClosed() {
        WindowStatus status = WindowTtl.decide("dev-min", new StackHistory(List.of(op("update", "succeeded", 4))), 4, NOW);

        assertThat(status.close()).isTrue();
        assertThat(status.reason()).isEqualTo("open since 2026-12-06T08:00:00Z (4.00 h), longer than the TTL of 4 h");
    }

    @Test
    void aFractionalTtlIsPrintedAsIs() {
        assertThat(WindowTtl.format(4)).isEqualTo("4");
        assertThat(WindowTtl.format(0.5)).isEqualTo("0.5");
    }

    @Test
    void aHistoryThatIsNotAnArrayNamesWhatItGot() {
        assertThatThrownBy(() -> StackHistory.parse("{}", "history.json")).isInstanceOf(HistoryFormatException.class)
                .hasMessage("history.json: expected the output of 'pulumi stack history --json' (a JSON array, most"
                        + " recent first), got object");
    }
}
