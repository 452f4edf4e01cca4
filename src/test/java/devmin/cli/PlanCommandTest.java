package devmin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code devmin plan} end to end in-process: committed stack, over-budget, invalid, and secret canaries. */
class PlanCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static CliRun committed;
    private static Path committedOut;

    @BeforeAll
    static void planTheCommittedStack(@TempDir Path out) {
        committedOut = out;
        committed = CliRun.of("plan", "--out", out.toString(), "--format", "json");
    }

    private static Path project(Path dir, String stackFileEdit) throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        String stack = Files.readString(Path.of("Pulumi.dev-min.yaml"));
        Files.writeString(dir.resolve("Pulumi.dev-min.yaml"), stack + stackFileEdit);
        return dir;
    }

    private static Path only(Path out, String file) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(p -> p.getFileName().toString().equals(file)).findFirst().orElseThrow();
        }
    }

    @Test
    void theCommittedStackPlansCleanWithCountsPerLayer() throws Exception {
        assertThat(committed.exitCode()).as(committed.stderr()).isZero();
        JsonNode plan = JSON.readTree(committed.stdout());
        assertThat(plan.get("overall_pass").asBoolean()).isTrue();
        assertThat(plan.get("layers")).extracting(l -> l.get("layer").asText() + "=" + l.get("resources").asInt())
                .containsExactly("core=37", "confluent=79", "demo=81");
        assertThat(plan.at("/layers/2/protected").asInt()).isZero();
        assertThat(plan.at("/policy/overall_pass").asBoolean()).isTrue();
        assertThat(plan.at("/cost/within_budget").asBoolean()).isTrue();
        assertThat(plan.at("/cost/window_hours_per_month").asDouble()).isEqualTo(20.0);
        assertThat(plan.at("/provenance/image_digest").asText()).startsWith("sha256:");
        assertThat(plan.at("/handles/SSM_IG_API_KEY_PATH").asText()).isEqualTo("/devmin/dev_min/ig/api_key");
    }

    @Test
    void theSnapshotOnDiskValidatesAgainstItsSchema() throws Exception {
        Path snapshot = only(committedOut, "plan_snapshot.json");
        assertThat(snapshot.toString()).contains("dev_min/plan/");
        try (InputStream schema = getClass().getResourceAsStream("/devmin/plan/plan_snapshot.schema.json")) {
            var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema)
                    .validate(JSON.readTree(snapshot.toFile()));
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void theMarkdownHasTheLayerTableTheDiagramAndTheCost() throws Exception {
        String md = Files.readString(only(committedOut, "plan.md"));
        assertThat(md).contains("| layer | resources | protected |").contains("| core | 37 | 36 |")
                .contains("```mermaid\nflowchart LR").contains("subgraph demo").contains("no NAT")
                .contains("**Cost** (USD)").contains("### Policy: PASS");
    }

    @Test
    void aWindowAboveTheBudgetFailsNamingTheBudget(@TempDir Path dir) throws Exception {
        Path project = project(dir, "");
        String stack = Files.readString(project.resolve("Pulumi.dev-min.yaml"))
                .replace("desiredCount: 1", "desiredCount: 10").replace("cpu: 256\n      memory: 512",
                        "cpu: 1024\n      memory: 2048");
        Files.writeString(project.resolve("Pulumi.dev-min.yaml"), stack);

        CliRun run = CliRun.of("plan", "--project-dir", project.toString(), "--out", dir.resolve("runs").toString(),
                "--window-hours", "100");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("exceeds the budget devmin:budget.monthlyLimit of 30");
    }

    @Test
    void aMandatoryPolicyFindingFailsThePlan(@TempDir Path dir) throws Exception {
        Path project = project(dir, "");
        Files.createDirectories(project.resolve("policies"));
        Files.writeString(project.resolve("policies/waivers.yaml"), """
                waivers:
                  - rule: DM-COST-002
                    resource: "urn:pulumi:dev-min::devmin::*::partner-alb"
                    reason: "A load balancer that no longer exists in the stack"
                    owner: platform-team
                    expires: 2030-01-01
                """);

        CliRun run = CliRun.of("plan", "--project-dir", project.toString(), "--out", dir.resolve("runs").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("DM-WAIVER-001").contains("matches no resource").contains("plan: FAIL");
    }

    @Test
    void anInvalidConfigIsExitTwoWithItsErrorsAndWritesNothing(@TempDir Path dir) throws Exception {
        Path project = project(dir, "");
        Files.writeString(project.resolve("Pulumi.dev-min.yaml"), Files.readString(project.resolve("Pulumi.dev-min.yaml"))
                .replace("aws:region: eu-west-2", "aws:region: London")
                .replace("\"123456789012\"", "\"42\""));
        Path out = dir.resolve("runs");

        CliRun run = CliRun.of("plan", "--project-dir", project.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("aws:region: got 'London'").contains("devmin:awsAccountId: got '42'")
                .contains("2 problem(s)");
        assertThat(out).doesNotExist();
    }

    @Test
    void secretCanariesNeverAppearInOutputOrFiles(@TempDir Path dir) throws Exception {
        String secureCanary = "v1:CANARY-CIPHERTEXT-5b2e";
        String plainCanary = "canary-plaintext-secret-77d1";
        Path project = project(dir, "");
        Files.writeString(project.resolve("Pulumi.dev-min.yaml"), Files.readString(project.resolve("Pulumi.dev-min.yaml"))
                .replace("secure: v1:REPLACE-ME:set-with-pulumi-config-set-secret-devmin-igApiKey",
                        "secure: " + secureCanary)
                + "  confluentcloud:cloudApiKey: " + plainCanary + "\n"
                + "  confluentcloud:cloudApiSecret:\n    secure: " + secureCanary + "\n");
        Path out = dir.resolve("runs");

        for (String format : new String[]{"text", "json", "markdown"}) {
            CliRun run = CliRun.of("plan", "--project-dir", project.toString(), "--out", out.toString(), "--format", format);
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stdout() + run.stderr()).doesNotContain(secureCanary).doesNotContain(plainCanary)
                    .doesNotContain("CANARY");
        }
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("CANARY")
                        .doesNotContain(plainCanary);
            }
        }
    }

    @Test
    void badUsageIsExit64() {
        assertThat(CliRun.of("plan", "--format", "pdf").exitCode()).isEqualTo(64);
        assertThat(CliRun.of("plan", "--window-hours", "-3").exitCode()).isEqualTo(64);
        assertThat(CliRun.of("plan", "--no-such-flag").exitCode()).isEqualTo(64);
    }
}
