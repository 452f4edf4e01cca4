package devmin.window;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code .github/scripts/window-decision.jq}, the sweep's decision without a JVM, run with the jq binary on the real
 * CLI fixtures and on edge cases: it must give the window, decision, opening time and last change that
 * {@link WindowTtl} gives, refuse what is not what pulumi prints (jq exits 5 on {@code error}, jq manual, "error"),
 * and hold a close whose failure already raised an alert. GitHub's ubuntu-24.04 image ships jq 1.7 (actions/runner-
 * images, Ubuntu2404-Readme.md); the script uses only builtins jq 1.6 already has.
 */
class WindowDecisionScriptTest {

    static final Path SCRIPT = Path.of(".github", "scripts", "window-decision.jq");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String LISTED = "[{\"name\":\"organization/devmin/dev-min\",\"current\":false}]";
    static final String NO_ALERTS = "[]";

    @TempDir
    Path dir;

    record Run(int exit, JsonNode out, String stderr) {
    }

    Run jq(String stacks, String history, String alerts, String ttl, String now) throws Exception {
        Path stacksFile = Files.writeString(dir.resolve("stacks.json"), stacks);
        Path historyFile = Files.writeString(dir.resolve("history.json"), history);
        Path alertsFile = Files.writeString(dir.resolve("alerts.json"), alerts);
        Process process = new ProcessBuilder("jq", "-n", "-f", SCRIPT.toString(), "--arg", "stack", "dev-min",
                "--arg", "ttl", ttl, "--arg", "now", now, "--slurpfile", "stacks", stacksFile.toString(),
                "--slurpfile", "history", historyFile.toString(), "--slurpfile", "alerts", alertsFile.toString())
                .redirectErrorStream(false).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("jq finished").isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.exitValue(), out.isBlank() ? JSON.nullNode() : JSON.readTree(out), err);
    }

    JsonNode decide(String history, Instant now) throws Exception {
        Run run = jq(LISTED, history, NO_ALERTS, "4", now.toString());
        assertThat(run.exit()).as(run.stderr()).isZero();
        return run.out();
    }

    static String slice(int entries) throws IOException {
        JsonNode full = JSON.readTree(WindowTtlTest.FIXTURES.resolve("history.json").toFile());
        ArrayNode slice = JSON.createArrayNode();
        for (int i = full.size() - entries; i < full.size(); i++) {
            slice.add(full.get(i));
        }
        return slice.toString();
    }

    static void assertSameAsJava(JsonNode script, WindowStatus java) {
        assertThat(script.path("window").asText()).isEqualTo(java.window());
        assertThat(script.path("decision").asText()).isEqualTo(java.decision());
        assertThat(script.path("opened_at").isMissingNode() ? null : Instant.parse(script.path("opened_at").asText()))
                .isEqualTo(java.openedAt().orElse(null));
        assertThat(script.path("last_change").path("kind").asText(null))
                .isEqualTo(java.window().equals("open") ? java.lastChange().orElseThrow().kind() : null);
        assertThat(script.path("last_change").path("result").asText(null))
                .isEqualTo(java.window().equals("open") ? java.lastChange().orElseThrow().result() : null);
        assertThat(script.path("schema").asText()).isEqualTo(WindowStatus.SCHEMA);
    }

    @TestFactory
    Stream<DynamicTest> onEveryStepOfTheRealWindowLifeTheScriptDecidesAsWindowTtl() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode step : JSON.readTree(WindowTtlTest.FIXTURES.resolve("steps.json").toFile()).path("steps")) {
            if (!step.has("history_entries")) {
                continue;
            }
            String history = slice(step.path("history_entries").asInt());
            StackHistory parsed;
            try {
                parsed = StackHistory.parse(history, step.path("name").asText());
            } catch (HistoryFormatException e) {
                throw new IllegalStateException(e);
            }
            Instant base = parsed.operations().isEmpty() ? Instant.parse("2026-11-30T00:00:00Z")
                    : parsed.operations().get(parsed.operations().size() - 1).startTime();
            for (Duration after : List.of(Duration.ofMinutes(1), Duration.ofMinutes(239), Duration.ofHours(4),
                    Duration.ofDays(30))) {
                Instant now = base.plus(after);
                tests.add(DynamicTest.dynamicTest(step.path("name").asText() + " at +" + after, () ->
                        assertSameAsJava(decide(history, now), WindowTtl.decide("dev-min", parsed, 4, now))));
            }
        }
        return tests.stream();
    }

    @Test
    void anUpdateThatFailedOrIsStillRunningMayHaveLeftTheLayerStanding() throws Exception {
        String history = "[{\"kind\":\"update\",\"result\":\"in-progress\",\"startTime\":\"2026-11-30T10:00:00.000Z\"},"
                + "{\"kind\":\"update\",\"result\":\"failed\",\"startTime\":\"2026-11-30T08:00:00.000Z\","
                + "\"config\":{\"devmin:demoWindow\":{\"value\":\"closed\",\"secret\":false}}},"
                + "{\"kind\":\"destroy\",\"result\":\"succeeded\",\"startTime\":\"2026-11-29T08:00:00.000Z\"}]";
        Instant now = Instant.parse("2026-11-30T12:30:00Z");

        JsonNode script = decide(history, now);
        assertThat(script.path("decision").asText()).isEqualTo("close");
        assertSameAsJava(script, WindowTtl.decide("dev-min", StackHistory.parse(history, "h"), 4, now));
    }

    @Test
    void theTtlIsCountedInWholeSecondsFromTheMillisecondsPulumiPrintsAsJavaCountsThem() throws Exception {
        String history = "[{\"kind\":\"update\",\"result\":\"succeeded\",\"startTime\":\"2026-11-30T10:00:00.500Z\"}]";
        Instant justBefore = Instant.parse("2026-11-30T14:00:00Z");
        Instant atTtl = Instant.parse("2026-11-30T14:00:01Z");

        assertThat(decide(history, justBefore).path("decision").asText()).isEqualTo("none");
        assertThat(decide(history, atTtl).path("decision").asText()).isEqualTo("close");
        assertSameAsJava(decide(history, justBefore),
                WindowTtl.decide("dev-min", StackHistory.parse(history, "h"), 4, justBefore));
    }

    @Test
    void aStackTheBackendDoesNotListHasNothingToCloseAndItsHistoryIsNotRead() throws Exception {
        Run run = jq("[{\"name\":\"acme/devmin/dev-max\"}]", "", NO_ALERTS, "4", "2026-11-30T12:00:00Z");

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.out().path("window").asText()).isEqualTo("no-stack");
        assertThat(run.out().path("decision").asText()).isEqualTo("none");
    }

    @Test
    void whatIsNotWhatPulumiPrintsIsRefusedNamingWhereAndWhatNeverNothingToClose() throws Exception {
        String now = "2026-11-30T12:00:00Z";
        List<String[]> cases = List.of(
                new String[]{"", "history: expected exactly one JSON value"},
                new String[]{"[] []", "history: expected exactly one JSON value"},
                new String[]{"{\"kind\":\"update\"}", "a JSON array"},
                new String[]{"[{\"kind\":\"upgrade\",\"result\":\"succeeded\",\"startTime\":\"2026-11-30T10:00:00Z\"}]",
                        "history[0].kind: got \"upgrade\""},
                new String[]{"[{\"kind\":\"update\",\"result\":\"done\",\"startTime\":\"2026-11-30T10:00:00Z\"}]",
                        "history[0].result: got \"done\""},
                new String[]{"[{\"kind\":\"update\",\"result\":\"succeeded\"}]", "history[0].startTime: got <missing>"},
                new String[]{"[{\"kind\":\"update\",\"result\":\"succeeded\",\"startTime\":\"yesterday\"}]",
                        "\"yesterday\""});
        for (String[] bad : cases) {
            Run run = jq(LISTED, bad[0], NO_ALERTS, "4", now);
            assertThat(run.exit()).as(bad[0]).isEqualTo(5);
            assertThat(run.stderr()).as(bad[0]).contains(bad[1]);
            assertThat(run.out().isNull()).as("nothing printed for " + bad[0]).isTrue();
        }
        Run badTtl = jq(LISTED, "[]", NO_ALERTS, "four", now);
        assertThat(badTtl.exit()).isEqualTo(5);
        assertThat(badTtl.stderr()).contains("ttl: got \"four\"").contains("greater than 0");
        Run foreignList = jq("{\"stacks\":[]}", "[]", NO_ALERTS, "4", now);
        assertThat(foreignList.exit()).isEqualTo(5);
        assertThat(foreignList.stderr()).contains("stacks: expected the output of pulumi stack ls --json");
    }

    @Test
    void aCloseWhoseFailureRaisedAnAlertSinceTheWindowOpenedIsHeldNotStartedAgain() throws Exception {
        String failedClose = "[{\"kind\":\"destroy\",\"result\":\"failed\",\"startTime\":\"2026-11-30T14:05:00.000Z\"},"
                + "{\"kind\":\"update\",\"result\":\"succeeded\",\"startTime\":\"2026-11-30T10:00:00.000Z\"}]";
        String alert = "[{\"url\":\"https://github.com/example-org/fraud-platform/issues/41\","
                + "\"updatedAt\":\"2026-11-30T14:20:00Z\"}]";

        Run held = jq(LISTED, failedClose, alert, "4", "2026-11-30T14:30:00Z");
        Run unalerted = jq(LISTED, failedClose, NO_ALERTS, "4", "2026-11-30T14:30:00Z");
        assertThat(held.out().path("decision").asText()).isEqualTo("held");
        assertThat(held.out().path("reason").asText()).contains("issues/41").contains("until that issue is closed");
        assertThat(unalerted.out().path("decision").asText()).isEqualTo("close");
    }

    @Test
    void anAlertOlderThanTheWindowDoesNotHoldItsClose() throws Exception {
        String reopened = "[{\"kind\":\"update\",\"result\":\"succeeded\",\"startTime\":\"2026-12-02T10:00:00.000Z\"},"
                + "{\"kind\":\"destroy\",\"result\":\"succeeded\",\"startTime\":\"2026-12-01T09:00:00.000Z\"}]";
        String staleAlert = "[{\"url\":\"https://github.com/example-org/fraud-platform/issues/41\","
                + "\"updatedAt\":\"2026-11-30T14:20:00Z\"}]";

        Run run = jq(LISTED, reopened, staleAlert, "4", "2026-12-02T15:00:00Z");
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.out().path("decision").asText()).isEqualTo("close");
    }

    @Test
    void anAlertDoesNotTurnAWindowWithinItsTtlIntoAnything() throws Exception {
        String young = "[{\"kind\":\"update\",\"result\":\"succeeded\",\"startTime\":\"2026-12-02T10:00:00.000Z\"}]";
        String alert = "[{\"url\":\"https://github.com/example-org/fraud-platform/issues/41\","
                + "\"updatedAt\":\"2026-12-02T11:00:00Z\"}]";

        assertThat(jq(LISTED, young, alert, "4", "2026-12-02T12:00:00Z").out().path("decision").asText())
                .isEqualTo("none");
    }
}
