package devmin.realengine;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TTL sweep's decision on live history: at every step of {@link WindowLife} the real CLI prints the stack list and
 * history exactly as the sweep in {@code demo-window-sweep.yml} reads them, and {@code devmin window status} (the built
 * jar) decides from them as the sweep would just after the step; five hours later is decided in-process.
 */
class WindowStatusIT {

    /** Step to the decision now and five hours after the step's newest operation started. */
    record Expected(String window, String now, String fiveHoursLater) {
    }

    static final Map<String, Expected> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("no-stack", new Expected("no-stack", "none", "none"));
        EXPECTED.put("new-stack", new Expected("never-opened", "none", "none"));
        EXPECTED.put("core-only", new Expected("closed", "none", "none"));
        EXPECTED.put("opened", new Expected("open", "none", "close"));
        EXPECTED.put("refreshed", new Expected("open", "none", "close"));
        EXPECTED.put("close-failed", new Expected("open", "close", "close"));
        EXPECTED.put("closed", new Expected("closed", "none", "none"));
        EXPECTED.put("plain-destroy-refused", new Expected("closed", "none", "none"));
    }

    @Test
    void theSweepDecidesRightAtEveryStepOfAWindowsLife() {
        List<String> seen = new ArrayList<>();
        try (PulumiWorkspace workspace = PulumiWorkspace.ofCommittedProject(RealEngine.require())) {
            WindowLife.live(workspace, step -> {
                seen.add(step.name());
                Path stacks = workspace.write("sweep/" + step.name() + "-stacks.json", step.stackList().stdout());
                Path history = workspace.write("sweep/" + step.name() + "-history.json", step.history().stdout());
                Expected expected = EXPECTED.get(step.name());
                Instant newest = newestStart(step).orElse(Instant.now());

                JsonNode now = decide(workspace, stacks, history, newest.plus(Duration.ofMinutes(5)));
                assertThat(now.path("window").asText()).as(step.name()).isEqualTo(expected.window());
                assertThat(now.path("decision").asText()).as(step.name() + " now").isEqualTo(expected.now());
                assertThat(decideInProcess(step, newest.plus(Duration.ofHours(5)))).as(step.name() + " 5 h later")
                        .isEqualTo(expected.fiveHoursLater());
            });
        }
        assertThat(seen).containsExactlyElementsOf(EXPECTED.keySet());
    }

    static java.util.Optional<Instant> newestStart(WindowLife.Step step) {
        if (step.history().exitCode() != 0) {
            return java.util.Optional.empty();
        }
        JsonNode entries = Json.parse(step.history().stdout());
        return entries.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(Instant.parse(entries.get(0).path("startTime").asText()));
    }

    /** The same decision, in this JVM (the jar's path is proven by {@link #decide} at every step). */
    static String decideInProcess(WindowLife.Step step, Instant now) {
        try {
            if (!devmin.window.StackList.parse(step.stackList().stdout(), "stack ls").holds("dev-min")) {
                return devmin.window.WindowTtl.noStack("dev-min", 4, now).decision();
            }
            return devmin.window.WindowTtl.decide("dev-min", devmin.window.StackHistory.parse(step.history().stdout(),
                    "history"), 4, now).decision();
        } catch (devmin.window.HistoryFormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static JsonNode decide(PulumiWorkspace workspace, Path stacks, Path history, Instant now) {
        CliResult result = workspace.devmin("window", "status", "--stack", "dev-min", "--stacks", stacks.toString(),
                "--history", history.toString(), "--ttl-hours", "4", "--now", now.toString());
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return Json.parse(result.stdout());
    }
}
