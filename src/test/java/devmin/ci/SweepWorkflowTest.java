package devmin.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TTL sweep decides without a build and a failed close raises an alert instead of looping: the sweep job runs no
 * Maven, sets up no Java and starts no {@code ./devmin}; it decides with {@code .github/scripts/window-decision.jq}
 * (held to {@code devmin window status} by {@code WindowDecisionScriptTest}) over the open alerts, and asks for a
 * close only on {@code close} (a {@code held} window is reported, not closed again). The close job raises the alert
 * on any failure, with the least permission that can write an issue (GitHub, "Permissions required for GitHub Apps":
 * creating issues, comments and labels needs Issues write; listing them, Issues read).
 */
class SweepWorkflowTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static JsonNode job(String workflow, String id) throws IOException {
        return YAML.readTree(WorkflowJobs.WORKFLOWS.resolve(workflow).toFile()).path("jobs").path(id);
    }

    static List<String> runs(JsonNode job) {
        List<String> runs = new ArrayList<>();
        job.path("steps").forEach(step -> runs.add(step.path("run").asText("")));
        return runs;
    }

    @Test
    void theSweepBuildsNothingAndDecidesWithTheCheckedScript() throws IOException {
        JsonNode sweep = job("demo-window-sweep.yml", "sweep");

        assertThat(sweep.path("steps").toString()).doesNotContain("setup-java").doesNotContain("mvn ")
                .doesNotContain("./devmin");
        assertThat(String.join("\n", runs(sweep))).contains("jq -n -f .github/scripts/window-decision.jq")
                .contains("--slurpfile alerts").contains("--label \"$ALERT_LABEL\" --state open");
        assertThat(sweep.path("env").path("ALERT_LABEL").asText()).isEqualTo("devmin-close-failed");
    }

    @Test
    void theSweepAsksForACloseOnlyWhenTheDecisionIsCloseNeverWhenHeld() throws IOException {
        JsonNode dispatch = null;
        for (JsonNode step : job("demo-window-sweep.yml", "sweep").path("steps")) {
            if (step.path("run").asText("").contains("gh workflow run demo-window.yml")) {
                dispatch = step;
            }
        }
        assertThat(dispatch).as("the step that asks demo-window.yml to close").isNotNull();
        assertThat(dispatch.path("if").asText()).isEqualTo("steps.decide.outputs.decision == 'close'");
    }

    @Test
    void theSweepMayReadIssuesAndStartWorkflowsAndNothingMore() throws IOException {
        JsonNode permissions = job("demo-window-sweep.yml", "sweep").path("permissions");

        assertThat(permissions.properties()).extracting(e -> e.getKey() + ": " + e.getValue().asText())
                .containsExactlyInAnyOrder("contents: read", "actions: write", "issues: read");
    }

    @Test
    void aFailedCloseRaisesTheAlertTheSweepReads() throws IOException {
        JsonNode close = job("demo-window.yml", "close");
        JsonNode alert = null;
        for (JsonNode step : close.path("steps")) {
            if (step.path("name").asText().startsWith("Raise an alert")) {
                alert = step;
            }
        }
        assertThat(alert).as("the alert step of the close job").isNotNull();
        assertThat(alert.path("if").asText()).isEqualTo("failure()");
        assertThat(alert.path("env").path("ALERT_LABEL").asText())
                .isEqualTo(job("demo-window-sweep.yml", "sweep").path("env").path("ALERT_LABEL").asText());
        assertThat(alert.path("run").asText()).contains("gh issue create").contains("gh issue comment")
                .contains("--label \"$ALERT_LABEL\"");
        assertThat(close.path("permissions").path("issues").asText()).isEqualTo("write");
        assertThat(job("demo-window.yml", "open").path("permissions").has("issues")).as("only the close alerts")
                .isFalse();
    }
}
