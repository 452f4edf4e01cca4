package devmin.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
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
 * only in the steps that use them and only in jobs gated by a GitHub environment; no Confluent Cloud key in CI.
 */
class WorkflowHygieneTest {

    static final Pattern USES = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*(\\S+)(.*)$");
    static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w.-]+@[0-9a-f]{40}");
    static final Pattern TAG_COMMENT = Pattern.compile("\\s+#\\s+v\\d+\\.\\d+\\.\\d+\\s*");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Stream<Path> workflows() throws IOException {
        return Files.list(WorkflowJobs.WORKFLOWS).filter(f -> f.toString().endsWith(".yml")).sorted();
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

    static JsonNode jobNode(WorkflowJobs.Job job) throws IOException {
        return YAML.readTree(WorkflowJobs.WORKFLOWS.resolve(job.workflow()).toFile()).path("jobs").path(job.id());
    }
}
