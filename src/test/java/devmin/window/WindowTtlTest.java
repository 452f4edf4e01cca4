package devmin.window;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The TTL decision on what the real Pulumi CLI printed at each step of a window's life (fixtures in
 * {@code src/test/resources/devmin/window/}, see its README): the history after step k is the last N entries of the
 * final history, N recorded per step.
 */
class WindowTtlTest {

    static final Path FIXTURES = Path.of("src", "test", "resources", "devmin", "window");
    static final ObjectMapper JSON = new ObjectMapper();
    static final double TTL = 4;

    static JsonNode step(String name) throws IOException {
        for (JsonNode step : JSON.readTree(FIXTURES.resolve("steps.json").toFile()).path("steps")) {
            if (step.path("name").asText().equals(name)) {
                return step;
            }
        }
        throw new IllegalArgumentException("no step " + name);
    }

    /** The history as the CLI printed it right after the step. */
    static StackHistory historyAfter(String name) throws Exception {
        JsonNode full = JSON.readTree(FIXTURES.resolve("history.json").toFile());
        int entries = step(name).path("history_entries").asInt();
        ArrayNode slice = JSON.createArrayNode();
        for (int i = full.size() - entries; i < full.size(); i++) {
            slice.add(full.get(i));
        }
        return StackHistory.parse(slice.toString(), name);
    }

    static Instant startOfNewest(StackHistory history) {
        return history.operations().get(0).startTime();
    }

    @Test
    void aStackTheBackendDoesNotHoldHasNothingToClose() throws Exception {
        JsonNode noStack = step("no-stack");
        StackList stacks = StackList.parse(noStack.path("stack_ls").toString(), "stack ls");

        assertThat(noStack.path("history_exit_code").asInt()).as("pulumi stack history of a missing stack fails")
                .isNotZero();
        assertThat(noStack.path("history_stderr").asText()).contains("no stack named 'dev-min' found");
        assertThat(stacks.holds("dev-min")).isFalse();
        WindowStatus status = WindowTtl.noStack("dev-min", TTL, Instant.parse("2026-11-30T20:00:00Z"));
        assertThat(status.window()).isEqualTo("no-stack");
        assertThat(status.decision()).isEqualTo("none");
    }

    @Test
    void theStackListNamesTheStackOnceItExistsShortOrQualified() throws Exception {
        StackList stacks = StackList.parse(step("new-stack").path("stack_ls").toString(), "stack ls");

        assertThat(stacks.holds("dev-min")).isTrue();
        assertThat(stacks.holds("organization/devmin/dev-min")).isTrue();
        assertThat(StackList.parse("[{\"name\":\"acme/devmin/dev-min\"}]", "x").holds("dev-min")).isTrue();
        assertThat(StackList.parse("[{\"name\":\"acme/devmin/dev-max\"}]", "x").holds("dev-min")).isFalse();
    }

    @Test
    void aNewStackWithEmptyHistoryHasNothingToClose() throws Exception {
        StackHistory history = historyAfter("new-stack");

        WindowStatus status = WindowTtl.decide("dev-min", history, TTL, Instant.parse("2026-12-31T00:00:00Z"));
        assertThat(history.operations()).isEmpty();
        assertThat(status.window()).isEqualTo("never-opened");
        assertThat(status.decision()).isEqualTo("none");
    }

    @Test
    void aCoreOnlyDeployIsAClosedWindowHoweverOld() throws Exception {
        StackHistory history = historyAfter("core-only");

        WindowStatus status = WindowTtl.decide("dev-min", history, TTL, startOfNewest(history).plus(Duration.ofDays(30)));
        assertThat(status.window()).isEqualTo("closed");
        assertThat(status.decision()).isEqualTo("none");
    }

    @Test
    void anOpenWindowIsClosedOnceItHasBeenOpenForTheTtl() throws Exception {
        StackHistory history = historyAfter("opened");
        Instant opened = startOfNewest(history);

        WindowStatus young = WindowTtl.decide("dev-min", history, TTL, opened.plus(Duration.ofMinutes(239)));
        WindowStatus old = WindowTtl.decide("dev-min", history, TTL, opened.plus(Duration.ofHours(4)));
        assertThat(young.window()).isEqualTo("open");
        assertThat(young.decision()).isEqualTo("none");
        assertThat(old.decision()).isEqualTo("close");
        assertThat(old.openedAt()).contains(opened);
        assertThat(old.reason()).contains("longer than the TTL of 4 h");
    }

    @Test
    void aRefreshDoesNotHideAnOpenWindowNorRestartItsClock() throws Exception {
        StackHistory history = historyAfter("refreshed");
        Instant opened = historyAfter("opened").operations().get(0).startTime();

        WindowStatus status = WindowTtl.decide("dev-min", history, TTL, opened.plus(Duration.ofHours(5)));
        assertThat(history.operations().get(0).kind()).isEqualTo("refresh");
        assertThat(status.decision()).isEqualTo("close");
        assertThat(status.openedAt()).contains(opened);
        assertThat(status.lastChange()).map(Operation::kind).contains("update");
    }

    @Test
    void aFailedCloseIsStillOpenAndIsClosedAgainAtOnce() throws Exception {
        StackHistory history = historyAfter("close-failed");
        Instant failed = startOfNewest(history);

        WindowStatus status = WindowTtl.decide("dev-min", history, TTL, failed.plus(Duration.ofMinutes(1)));
        assertThat(history.operations().get(0).result()).isEqualTo("failed");
        assertThat(status.window()).isEqualTo("open");
        assertThat(status.decision()).isEqualTo("close");
        assertThat(status.reason()).contains("failed");
    }

    @Test
    void aSucceededCloseIsClosedAndAPlainDestroyRefusedAtItsPreviewLeavesNoTrace() throws Exception {
        StackHistory closed = historyAfter("closed");
        StackHistory refused = historyAfter("plain-destroy-refused");

        WindowStatus status = WindowTtl.decide("dev-min", refused, TTL, startOfNewest(closed).plus(Duration.ofDays(2)));
        assertThat(refused.operations()).hasSameSizeAs(closed.operations());
        assertThat(status.window()).isEqualTo("closed");
        assertThat(status.decision()).isEqualTo("none");
    }

    @Test
    void anUpdateThatFailedOrIsRunningMayHaveLeftTheLayerStanding() throws Exception {
        String history = "[{\"kind\":\"update\",\"result\":\"in-progress\",\"startTime\":\"2026-11-30T10:00:00.000Z\"},"
                + "{\"kind\":\"update\",\"result\":\"failed\",\"startTime\":\"2026-11-30T08:00:00.000Z\","
                + "\"endTime\":\"2026-11-30T08:05:00.000Z\",\"config\":{\"devmin:demoWindow\":{\"value\":\"closed\","
                + "\"secret\":false}}},"
                + "{\"kind\":\"destroy\",\"result\":\"succeeded\",\"startTime\":\"2026-11-29T08:00:00.000Z\"}]";

        WindowStatus status = WindowTtl.decide("dev-min", StackHistory.parse(history, "h"), TTL,
                Instant.parse("2026-11-30T12:30:00Z"));
        assertThat(status.window()).isEqualTo("open");
        assertThat(status.openedAt()).contains(Instant.parse("2026-11-30T08:00:00Z"));
        assertThat(status.decision()).isEqualTo("close");
    }

    @Test
    void aHistoryThatIsNotWhatPulumiPrintsIsRefusedNamingWhereAndWhat() {
        assertThatThrownBy(() -> StackHistory.parse("{\"kind\":\"update\"}", "h.json"))
                .hasMessageContaining("h.json").hasMessageContaining("a JSON array");
        assertThatThrownBy(() -> StackHistory.parse("", "h.json")).hasMessageContaining("a JSON array");
        assertThatThrownBy(() -> StackHistory.parse("[{\"kind\":\"upgrade\",\"result\":\"succeeded\","
                + "\"startTime\":\"2026-11-30T10:00:00.000Z\"}]", "h.json"))
                .hasMessageContaining("h.json[0].kind").hasMessageContaining("\"upgrade\"").hasMessageContaining("destroy");
        assertThatThrownBy(() -> StackHistory.parse("[{\"kind\":\"update\",\"result\":\"succeeded\"}]", "h.json"))
                .hasMessageContaining("h.json[0].startTime: got <missing>");
        assertThatThrownBy(() -> StackHistory.parse("[{\"kind\":\"update\",\"result\":\"succeeded\","
                + "\"startTime\":\"yesterday\"}]", "h.json")).hasMessageContaining("\"yesterday\"");
        assertThatThrownBy(() -> StackHistory.parse("[] []", "h.json")).isInstanceOf(HistoryFormatException.class);
    }

    @Test
    void theFixturesAreRealCliOutput() throws IOException {
        JsonNode manifest = JSON.readTree(FIXTURES.resolve("steps.json").toFile());

        assertThat(manifest.path("pulumi_version").asText()).isEqualTo("v3.274.1");
        assertThat(Files.readString(FIXTURES.resolve("history.json"))).contains("\"pulumi.version\": \"v3.274.1\"")
                .contains("\"pulumi.flag.exclude-protected\": \"true\"");
    }
}
