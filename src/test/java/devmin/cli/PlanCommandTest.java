package devmin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import devmin.plan.diff.PlanDiffMarkdown;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    void theCommittedStackPlansCleanWithCountsPerLayerThatAddUpFromItsResources() throws Exception {
        assertThat(committed.exitCode()).as(committed.stderr()).isZero();
        JsonNode plan = JSON.readTree(committed.stdout());
        assertThat(plan.get("overall_pass").asBoolean()).isTrue();
        assertThat(plan.get("schema").asText()).isEqualTo("devmin.plan-snapshot/v2");
        for (JsonNode layer : plan.get("layers")) {
            List<JsonNode> listed = new ArrayList<>();
            plan.get("resources").forEach(r -> {
                if (r.get("custom").asBoolean() && r.get("layer").asText().equals(layer.get("layer").asText())) {
                    listed.add(r);
                }
            });
            assertThat(layer.get("resources").asInt()).as(layer.toString()).isEqualTo(listed.size()).isPositive();
            long protectedCount = listed.stream().filter(r -> r.get("protect").asBoolean()).count();
            assertThat(layer.get("protected").asLong()).isEqualTo(protectedCount);
            long providers = listed.stream().filter(r -> r.get("type").asText().startsWith("pulumi:providers:")).count();
            // the design's partition: persistent layers protect everything but their providers, demo nothing
            assertThat(protectedCount).isEqualTo(layer.get("layer").asText().equals("demo") ? 0 : listed.size() - providers);
        }
        assertThat(plan.at("/policy/overall_pass").asBoolean()).isTrue();
        assertThat(plan.at("/cost/within_budget").asBoolean()).isTrue();
        assertThat(plan.at("/cost/window_hours_per_month").asDouble()).isEqualTo(20.0);
        assertThat(plan.at("/provenance/image_digest").asText()).startsWith("sha256:");
        assertThat(plan.at("/handles/SSM_IG_API_KEY_PATH").asText()).isEqualTo("/devmin/dev_min/ig/api_key");
        // the committed file is a template: its secret is set with pulumi config set --secret, never committed
        assertThat(plan.get("warnings")).extracting(JsonNode::asText).filteredOn(w -> !w.startsWith("placeholder: "))
                .containsExactly("devmin:igApiKey is not set in this stack: pulumi refuses the stack until it is"
                        + " (pulumi config set --secret devmin:igApiKey)");
        // and its example values (the # REPLACE lines, see stacks.spec.Placeholders) are warnings, not failures
        assertThat(plan.get("warnings")).extracting(JsonNode::asText).filteredOn(w -> w.startsWith("placeholder: "))
                .hasSize(5);
    }

    @Test
    void aSecretSetInTheStackIsMaskedAndFingerprintedNeverShown(@TempDir Path dir) throws Exception {
        Path project = project(dir, "  devmin:igApiKey:\n    secure: v1:c2FsdA==:Y2lwaGVydGV4dC1vZi10aGUta2V5\n");
        CliRun run = CliRun.of("plan", "--project-dir", project.toString(), "--out",
                dir.resolve("out").toString(), "--format", "json");
        JsonNode plan = JSON.readTree(run.stdout());

        assertThat(plan.get("warnings")).extracting(JsonNode::asText)
                .filteredOn(w -> !w.startsWith("placeholder: ")).isEmpty();
        JsonNode igKey = find(plan.get("resources"), r -> r.at("/inputs/name").asText()
                .equals("/devmin/dev_min/ig/api_key"));
        assertThat(igKey.at("/inputs/value").asText()).isEqualTo("[secret]");
        assertThat(igKey.at("/secret_fingerprints/value").asText()).matches("[0-9a-f]{16}");
    }

    @Test
    void theSnapshotHoldsEveryResourceWithInputsSecretsMaskedAndUnknownsMarked() throws Exception {
        JsonNode plan = JSON.readTree(committed.stdout());
        JsonNode resources = plan.get("resources");
        List<String> urns = new ArrayList<>();
        resources.forEach(r -> urns.add(r.get("urn").asText()));
        assertThat(urns).doesNotHaveDuplicates().anyMatch(u -> u.endsWith("::devmin-dev-min"));
        JsonNode igKey = find(resources, r -> r.at("/inputs/name").asText().equals("/devmin/dev_min/ig/api_key"));
        assertThat(igKey.at("/inputs/value").asText()).isEqualTo("[secret]");
        JsonNode accessBlock = find(resources,
                r -> r.get("type").asText().equals("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"));
        // the bucket's name is an output: unknown until apply, and the block depends on the bucket
        assertThat(accessBlock.at("/inputs/bucket").asText()).isEqualTo("[unknown]");
        assertThat(accessBlock.get("dependencies")).anySatisfy(d -> assertThat(d.asText()).contains("bucketV2"));
        assertThat(accessBlock.get("provider").asText()).startsWith("urn:pulumi:").endsWith("::core-aws");
    }

    private static JsonNode find(JsonNode resources, java.util.function.Predicate<JsonNode> which) {
        for (JsonNode r : resources) {
            if (which.test(r)) {
                return r;
            }
        }
        throw new AssertionError("no such resource");
    }

    @Test
    void theSnapshotOnDiskValidatesAgainstItsSchema() throws Exception {
        Path snapshot = only(committedOut, "plan_snapshot.json");
        assertThat(snapshot.toString()).contains("dev_min/plan/");
        assertThat(validate("plan_snapshot.schema.json", JSON.readTree(snapshot.toFile()))).isEmpty();
    }

    @Test
    void theSchemaRejectsAResourceWithoutItsUrnAndAV1Snapshot() throws Exception {
        ObjectNode snapshot = (ObjectNode) JSON.readTree(only(committedOut, "plan_snapshot.json").toFile());
        ((ObjectNode) snapshot.get("resources").get(1)).remove("urn");
        assertThat(validate("plan_snapshot.schema.json", snapshot)).isNotEmpty();

        JsonNode v1 = JSON.readTree(Path.of("src/test/resources/devmin/plan/plan_snapshot_v1.json").toFile());
        assertThat(validate("plan_snapshot.schema.json", v1)).isNotEmpty();
    }

    static java.util.Set<?> validate(String schemaFile, JsonNode document) throws IOException {
        try (InputStream schema = PlanCommandTest.class.getResourceAsStream("/devmin/plan/" + schemaFile)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema).validate(document);
        }
    }

    @Test
    void theMarkdownHasTheLayersADiagramOfTheGraphTheCostAndEveryResource() throws Exception {
        String md = Files.readString(only(committedOut, "plan.md"));
        JsonNode plan = JSON.readTree(committed.stdout());
        assertThat(md).contains("| layer | resources | protected |")
                .contains("```mermaid\nflowchart LR").contains("subgraph demo").contains("subgraph core")
                .contains(" × Service<br/>aws:ecs").contains(" × BucketV2<br/>aws:s3").contains(" --> ")
                .contains("NAT gateways (DM-COST-001): **0**").doesNotContain("no NAT")
                .contains("**Cost** (USD)").contains("no alert threshold reached").contains("### Policy: PASS")
                .contains("<details><summary>core: ").contains("<details><summary>demo: ");
        for (JsonNode r : plan.get("resources")) {
            if (r.get("custom").asBoolean()) {
                assertThat(md).contains("| `" + r.get("name").asText() + "` |");
            }
        }
    }

    @Test
    void resourcesListsEveryResourceOnItsOwnLineWithItsKeyProperties(@TempDir Path out) throws Exception {
        CliRun run = CliRun.of("plan", "--out", out.toString(), "--resources");
        JsonNode plan = JSON.readTree(committed.stdout());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> lines = run.stdout().lines().toList();
        for (JsonNode r : plan.get("resources")) {
            if (r.get("custom").asBoolean()) {
                String name = r.get("name").asText();
                assertThat(lines).filteredOn(l -> l.matches("  [P ] " + java.util.regex.Pattern.quote(name) + " .*"))
                        .as(name).hasSize(1);
            }
        }
        assertThat(run.stdout()).contains("partitionsCount=").contains("retentionInDays=")
                .contains("value=[secret]").doesNotContain(devmin.engine.StackFiles.SECRET_PLACEHOLDER);
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
        assertThat(run.stdout()).contains("DM-WAIVER-001").contains("matches no resource").contains("plan: FAIL")
                .contains("rules passed; 1 problem(s) with the waivers themselves (DM-WAIVER-001)");
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
    void againstAnEarlierPlanItPrintsAndWritesTheDiffAndKeepsTheExitCode(@TempDir Path dir) throws Exception {
        Path project = project(dir, "");
        Path out = dir.resolve("runs");
        assertThat(CliRun.of("plan", "--project-dir", project.toString(), "--out", out.toString()).exitCode()).isZero();
        Path earlier = only(out, "plan_snapshot.json");
        Files.writeString(project.resolve("Pulumi.dev-min.yaml"), Files.readString(project.resolve("Pulumi.dev-min.yaml"))
                .replace("{name: ingress.traffic.v1, partitions: 3", "{name: ingress.traffic.v1, partitions: 6"));

        CliRun text = CliRun.of("plan", "--project-dir", project.toString(), "--out", out.toString(),
                "--against", earlier.toString());
        CliRun json = CliRun.of("plan", "--project-dir", project.toString(), "--out", out.toString(),
                "--against", earlier.toString(), "--format", "json");
        CliRun markdown = CliRun.of("plan", "--project-dir", project.toString(), "--out", out.toString(),
                "--against", earlier.toString(), "--format", "markdown");

        assertThat(List.of(text, json, markdown)).allSatisfy(run -> assertThat(run.exitCode()).as(run.stderr()).isZero());
        assertThat(text.stdout()).contains("resources: 0 to add, 1 to change, 0 to remove")
                .contains("partitionsCount: 3 → 6").contains("plan: PASS");
        JsonNode diff = JSON.readTree(json.stdout());
        assertThat(validate("plan_diff.schema.json", diff)).isEmpty();
        assertThat(diff.at("/changed/0/properties/0/path").asText()).isEqualTo("partitionsCount");
        assertThat(diff.at("/changed/0/properties/0/before").asText()).isEqualTo("3");
        assertThat(diff.at("/changed/0/properties/0/after").asText()).isEqualTo("6");
        assertThat(markdown.stdout()).startsWith(PlanDiffMarkdown.MARKER)
                .contains("## devmin plan diff — 0 to add, 1 to change, 0 to remove").contains("```mermaid")
                .contains("class ").contains("```diff").contains("partitionsCount: 3 → 6");
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("plan_diff")))
                    .hasSize(6);
        }
    }

    @Test
    void anUnreadableEarlierPlanIsExitTwoAndWritesNothing(@TempDir Path dir) throws Exception {
        Path notAPlan = dir.resolve("policy_report.json");
        Files.writeString(notAPlan, "{\"schema\": \"devmin.policy-report/v1\"}");
        Path out = dir.resolve("runs");

        CliRun run = CliRun.of("plan", "--out", out.toString(), "--against", notAPlan.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains(notAPlan.toString()).contains("'schema' is 'devmin.policy-report/v1'")
                .contains("devmin.plan-snapshot/v2");
        assertThat(out).doesNotExist();
    }

    @Test
    void aRegionTheTableDoesNotPriceIsAWarningNamingTheNearestPricedRegion(@TempDir Path dir) throws Exception {
        Path project = project(dir, "");
        Files.writeString(project.resolve("Pulumi.dev-min.yaml"), Files.readString(project.resolve("Pulumi.dev-min.yaml"))
                .replace("aws:region: eu-west-2", "aws:region: eu-west-3"));

        CliRun run = CliRun.of("plan", "--project-dir", project.toString(), "--out", dir.resolve("runs").toString());

        assertThat(run.exitCode()).as(run.stdout()).isZero();
        assertThat(run.stdout()).contains("plan: PASS").contains("warning: cost: no estimate")
                .contains("has no prices for region eu-west-3")
                .contains("src/main/resources/devmin/plan/prices.json")
                .contains("the nearest priced region is eu-west-1");
    }

    /** Issue #31: us-east-1 is priced, save what no first-party source gave offline (Cloud Map, 2026-12-07). */
    @Test
    void virginiaGetsAnEstimateNamingWhatItCouldNotPrice(@TempDir Path dir) throws Exception {
        Path project = project(dir, "");
        Files.writeString(project.resolve("Pulumi.dev-min.yaml"), Files.readString(project.resolve("Pulumi.dev-min.yaml"))
                .replace("aws:region: eu-west-2", "aws:region: us-east-1"));
        Path out = dir.resolve("runs");

        CliRun run = CliRun.of("plan", "--project-dir", project.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).contains("cost (USD): idle ").contains("plan: PASS")
                .contains("incomplete: 1 line not priced")
                .contains("Cloud Map names: no price cloud_map_instance_month for us-east-1")
                .contains("upper bound: Fargate Spot: ").contains("(on-demand price; no Spot price for us-east-1)")
                .contains("warning: cost: incomplete estimate, no budget check")
                .doesNotContain("cost: no estimate");
        JsonNode snapshot = JSON.readTree(only(out, "plan_snapshot.json").toFile());
        assertThat(snapshot.at("/cost/available").asBoolean()).isTrue();
        assertThat(snapshot.at("/cost/complete").asBoolean(true)).isFalse();
        assertThat(snapshot.at("/cost/unpriced_lines/0/key").asText()).isEqualTo("cloud_map_instance_month");
        assertThat(validate("plan_snapshot.schema.json", snapshot)).isEmpty();
    }

    @Test
    void badUsageIsExit64() {
        assertThat(CliRun.of("plan", "--format", "pdf").exitCode()).isEqualTo(64);
        assertThat(CliRun.of("plan", "--window-hours", "-3").exitCode()).isEqualTo(64);
        assertThat(CliRun.of("plan", "--no-such-flag").exitCode()).isEqualTo(64);
        CliRun misspelt = CliRun.of("plna");
        assertThat(misspelt.exitCode()).isEqualTo(64);
        assertThat(misspelt.stderr()).contains("'plna'").contains("Did you mean: devmin plan");
    }
}
