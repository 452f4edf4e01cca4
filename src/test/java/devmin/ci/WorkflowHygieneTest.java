package devmin.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflows keep what the README promises: every action pinned by a commit SHA with its tag beside it; every
 * Pulumi CLI pinned to the version the real-engine suite runs; an OIDC token only for jobs that assume a role; secrets
 * only in the steps that use them and only in jobs gated by a GitHub environment; no Confluent Cloud key in CI; no
 * checkout leaves the token in {@code .git/config}; no secret in a workflow a pull request can edit, and a pull
 * request's code meets a secret only at a head commit the approval gate ({@code .github/scripts/approved-head.sh})
 * confirmed.
 */
class WorkflowHygieneTest {

    static final Pattern USES = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*(\\S+)(.*)$");
    static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w.-]+@[0-9a-f]{40}");
    static final Pattern TAG_COMMENT = Pattern.compile("\\s+#\\s+v\\d+\\.\\d+\\.\\d+\\s*");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Stream<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(WorkflowJobs.WORKFLOWS)) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList().stream();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyActionIsPinnedByCommitShaWithItsTagInAComment() throws IOException {
        return workflows().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            for (String line : Files.readAllLines(file)) {
                Matcher uses = USES.matcher(line);
                if (uses.matches()) {
                    assertThat(uses.group(1)).as(line).matches(PINNED);
                    assertThat(uses.group(2)).as(line).matches(TAG_COMMENT);
                }
            }
        }));
    }

    @Test
    void everyPulumiCliIsTheVersionTheRealEngineSuiteRuns() throws IOException {
        Matcher engine = Pattern.compile("github.com/pulumi/pulumi/pkg/v3 v(\\d+\\.\\d+\\.\\d+)")
                .matcher(Files.readString(Path.of("tools", "engine", "go.mod")));
        assertThat(engine.find()).isTrue();
        List<String> steps = new ArrayList<>();
        for (Path file : workflows().toList()) {
            for (JsonNode job : YAML.readTree(file.toFile()).path("jobs")) {
                for (JsonNode step : job.path("steps")) {
                    if (step.path("uses").asText().startsWith("pulumi/actions@")) {
                        steps.add(file.getFileName() + ": " + step.path("with").path("pulumi-version").asText());
                    }
                }
            }
        }
        assertThat(steps).isNotEmpty().allSatisfy(s -> assertThat(s).endsWith(": " + engine.group(1)));
        assertThat(engine.group(1)).as(">= 3.255 runs an executable policy pack").isGreaterThanOrEqualTo("3.255.0");
    }

    @TestFactory
    Stream<DynamicTest> onlyJobsThatAssumeARoleHoldAnOidcToken() {
        return WorkflowJobs.all().stream().map(job -> DynamicTest.dynamicTest(job.name(), () -> {
            JsonNode permissions = jobNode(job).path("permissions");
            boolean idToken = permissions.path("id-token").asText("").equals("write");
            assertThat(idToken).as(job.name() + " holds id-token: write iff it assumes a role")
                    .isEqualTo(job.roleVariable().isPresent());
        }));
    }

    @TestFactory
    Stream<DynamicTest> secretsLiveOnlyInTheStepsThatUseThemInJobsGatedByAnEnvironment() throws IOException {
        return workflows().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            JsonNode workflow = YAML.readTree(file.toFile());
            assertThat(workflow.path("env").toString()).as("workflow-level env").doesNotContain("secrets.");
            assertThat(Files.readString(file)).doesNotContain("CONFLUENT_CLOUD_API");
            for (Map.Entry<String, JsonNode> job : (Iterable<Map.Entry<String, JsonNode>>) workflow.path("jobs")::fields) {
                assertThat(job.getValue().path("env").toString()).as(job.getKey() + " job-level env")
                        .doesNotContain("secrets.");
                String steps = job.getValue().path("steps").toString().replace("secrets.GITHUB_TOKEN", "");
                if (steps.contains("secrets.")) {
                    assertThat(job.getValue().path("environment").isMissingNode()).as(job.getKey()
                            + " uses secrets outside a GitHub environment").isFalse();
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> noCheckoutPersistsTheToken() throws IOException {
        return workflows().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            for (Map.Entry<String, JsonNode> job : jobs(file)) {
                for (JsonNode step : job.getValue().path("steps")) {
                    if (step.path("uses").asText().startsWith("actions/checkout@")) {
                        assertThat(step.path("with").path("persist-credentials").asText())
                                .as(job.getKey() + ": a checkout that keeps the token lets every later step read it")
                                .isEqualTo("false");
                    }
                }
            }
        }));
    }

    /** On {@code pull_request} the workflow file is the PR's own: a branch pusher can rewrite it to print anything. */
    @TestFactory
    Stream<DynamicTest> aWorkflowThePullRequestCanEditHoldsNoSecret() throws IOException {
        return workflows().filter(file -> triggers(file).contains("pull_request"))
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    String text = Files.readString(file).replace("secrets.GITHUB_TOKEN", "");
                    assertThat(text).doesNotContain("secrets.");
                    for (Map.Entry<String, JsonNode> job : jobs(file)) {
                        assertThat(job.getValue().has("environment")).as(job.getKey() + " runs in an environment")
                                .isFalse();
                        assertThat(job.getValue().path("permissions").path("id-token").asText())
                                .as(job.getKey()).isNotEqualTo("write");
                    }
                }));
    }

    /**
     * On {@code pull_request_target} the workflow comes from the base branch and may hold secrets, so every job that
     * checks out anything but the base, uses a secret or runs in an environment waits for the approval job, runs only
     * when it approved, checks out exactly the SHA it approved, and restores no cache the PR's code could poison.
     */
    @TestFactory
    Stream<DynamicTest> aPullRequestsCodeMeetsASecretOnlyAtAnApprovedHead() throws IOException {
        List<Path> targets = workflows().filter(file -> triggers(file).contains("pull_request_target")).toList();
        assertThat(targets).as("the approved preview").isNotEmpty();
        return targets.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            JsonNode approval = YAML.readTree(file.toFile()).path("jobs").path("approval");
            assertThat(approval.path("steps").toString()).contains("bash .github/scripts/approved-head.sh");
            assertThat(approval.path("permissions").toString()).isEqualTo("{\"pull-requests\":\"read\"}");
            for (JsonNode step : approval.path("steps")) {
                if (step.path("uses").asText().startsWith("actions/checkout@")) {
                    assertThat(step.path("with").path("ref").asText())
                            .as("the gate runs the script of the commit the workflow runs from, never a branch"
                                    + " the PR names")
                            .isEqualTo("${{ github.sha }}");
                }
            }
            for (Map.Entry<String, JsonNode> entry : jobs(file)) {
                JsonNode job = entry.getValue();
                if (entry.getKey().equals("approval")) {
                    continue;
                }
                String steps = job.path("steps").toString().replace("secrets.GITHUB_TOKEN", "");
                boolean checksOut = steps.contains("actions/checkout@");
                if (checksOut || steps.contains("secrets.") || job.has("environment")) {
                    assertThat(job.path("needs").toString()).as(entry.getKey()).contains("approval");
                    assertThat(job.path("if").asText()).as(entry.getKey())
                            .isEqualTo("needs.approval.outputs.approved == 'true'");
                }
                for (JsonNode step : job.path("steps")) {
                    String uses = step.path("uses").asText();
                    if (uses.startsWith("actions/checkout@")) {
                        assertThat(step.path("with").path("ref").asText()).as(entry.getKey())
                                .isEqualTo("${{ needs.approval.outputs.sha }}");
                    }
                    assertThat(step.path("with").has("cache")).as(entry.getKey() + ": " + uses
                            + " restores a cache the base branch's jobs share").isFalse();
                }
                if (checksOut) {
                    assertThat(steps).as(entry.getKey() + " compares HEAD with the approved SHA")
                            .contains("git rev-parse HEAD").contains("needs.approval.outputs.sha");
                }
            }
        }));
    }

    static List<String> triggers(Path file) {
        JsonNode on;
        try {
            on = YAML.readTree(file.toFile()).path("on");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> names = new ArrayList<>();
        if (on.isTextual()) {
            names.add(on.asText());
        } else if (on.isArray()) {
            on.forEach(n -> names.add(n.asText()));
        } else {
            on.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    static Iterable<Map.Entry<String, JsonNode>> jobs(Path file) throws IOException {
        return YAML.readTree(file.toFile()).path("jobs")::fields;
    }

    static JsonNode jobNode(WorkflowJobs.Job job) throws IOException {
        return YAML.readTree(WorkflowJobs.WORKFLOWS.resolve(job.workflow()).toFile()).path("jobs").path(job.id());
    }
}
