package devmin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyCheckCommandTest {

    static final String EXPORT = "src/test/resources/policy/stack-export-violations.json";
    static final String PREVIEW = "src/test/resources/policy/preview-clean.json";
    static final String NO_WAIVERS = "target/no-such-waivers.yaml";

    @Test
    void aStackExportWithANatGatewayFailsWithRuleIdUrnAndMessage() {
        CliRun run = CliRun.of("policy", "check", "--stack-export", EXPORT, "--waivers", NO_WAIVERS);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("MANDATORY DM-COST-001 urn:pulumi:dev-min::devmin::pulumi:pulumi:Stack"
                + "$devmin:stacks:DemoStack$aws:ec2/natGateway:NatGateway::sneaky-nat")
                .contains("NAT gateway 'sneaky-nat' is declared")
                .contains("DM-COST-002").contains("demo-alb");
    }

    @Test
    void secretsInTheExportNeverReachTheReport(@TempDir Path out) throws Exception {
        CliRun run = CliRun.of("policy", "check", "--stack-export", EXPORT, "--waivers", NO_WAIVERS, "--format", "json",
                "--out", out.toString());

        String everything = run.stdout() + run.stderr() + Files.readString(out.resolve("policy_report.json"))
                + Files.readString(out.resolve("policy_report.sarif")) + Files.readString(out.resolve("policy_report.md"));
        assertThat(everything).doesNotContain("export-canary-plaintext").doesNotContain("EXPORT_CIPHERTEXT");
    }

    @Test
    void aValidWaiverCoversTheLoadBalancerButNeverTheNat(@TempDir Path dir) throws Exception {
        Path waivers = dir.resolve("waivers.yaml");
        Files.writeString(waivers, """
                waivers:
                  - rule: DM-COST-002
                    resource: "urn:pulumi:dev-min::devmin::*::demo-alb"
                    reason: "Two-hour partner demo needs one public HTTPS endpoint"
                    owner: platform-team
                    expires: 2026-12-01
                """);
        CliRun run = CliRun.of("policy", "check", "--stack-export", EXPORT, "--waivers", waivers.toString(),
                "--as-of", "2026-11-22", "--format", "json");

        JsonNode report = new ObjectMapper().readTree(run.stdout());
        assertThat(report.get("waivers_used")).hasSize(1);
        assertThat(report.get("findings").findValuesAsText("rule_id")).doesNotContain("DM-COST-002").contains("DM-COST-001");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void anExpiredWaiverIsItselfABlocker(@TempDir Path dir) throws Exception {
        Path waivers = dir.resolve("waivers.yaml");
        Files.writeString(waivers, """
                waivers:
                  - rule: no-load-balancer
                    resource: "urn:pulumi:dev-min::devmin::*::demo-alb"
                    reason: "Two-hour partner demo needs one public HTTPS endpoint"
                    owner: platform-team
                    expires: 2026-11-01
                """);
        CliRun run = CliRun.of("policy", "check", "--stack-export", EXPORT, "--waivers", waivers.toString(),
                "--as-of", "2026-11-22");

        assertThat(run.stdout()).contains("DM-WAIVER-001").contains("expired on 2026-11-01").contains("DM-COST-002");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void aPreviewWithoutViolationsPassesAndIgnoresDeletedResources() {
        CliRun run = CliRun.of("policy", "check", "--preview", PREVIEW, "--waivers", NO_WAIVERS);

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).contains("policy: PASS").doesNotContain("old-nat");
    }

    @Test
    void sarifNamesEachResultByUrnAsALogicalLocation() throws Exception {
        CliRun run = CliRun.of("policy", "check", "--stack-export", EXPORT, "--waivers", NO_WAIVERS, "--format", "sarif");

        JsonNode sarif = new ObjectMapper().readTree(run.stdout());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode result = sarif.at("/runs/0/results/0");
        assertThat(result.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText()).startsWith("urn:pulumi:");
        assertThat(result.get("level").asText()).isEqualTo("error");
    }

    @Test
    void unreadableInputIsExitTwoWithAMessageNotAStackTrace(@TempDir Path dir) throws Exception {
        Path garbage = dir.resolve("x.json");
        Files.writeString(garbage, "{not json");
        CliRun notJson = CliRun.of("policy", "check", "--stack-export", garbage.toString());
        CliRun wrongShape = CliRun.of("policy", "check", "--stack-export", PREVIEW);
        CliRun missing = CliRun.of("policy", "check", "--preview", dir.resolve("nope.json").toString());

        assertThat(notJson.exitCode()).isEqualTo(2);
        assertThat(notJson.stderr()).contains("not valid JSON").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(wrongShape.exitCode()).isEqualTo(2);
        assertThat(wrongShape.stderr()).contains("not a Pulumi stack export");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("file not found");
    }

    @Test
    void aPartialPreviewIsRefusedWithExitTwoAndTheWayToMakeAComplete(@TempDir Path dir) {
        CliRun run = CliRun.of("policy", "check", "--preview", "src/test/resources/policy/preview/partial.json",
                "--waivers", NO_WAIVERS);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("partial preview").contains("pulumi preview --json --show-sames");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void aCompletePreviewIsJudgedWholeUnchangedResourcesIncluded() {
        CliRun run = CliRun.of("policy", "check", "--preview", "src/test/resources/policy/preview/show-sames-violations.json",
                "--waivers", NO_WAIVERS);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("MANDATORY DM-COST-001").contains("aws-native:ec2:NatGateway::egress")
                .contains("aws:ec2/routeTable:RouteTable::public");
    }

    @Test
    void contentAfterTheJsonDocumentIsExitTwo(@TempDir Path dir) throws Exception {
        Path doubled = dir.resolve("export.json");
        Files.writeString(doubled, Files.readString(Path.of(EXPORT)) + "\n" + Files.readString(Path.of(EXPORT)));

        CliRun run = CliRun.of("policy", "check", "--stack-export", doubled.toString(), "--waivers", NO_WAIVERS);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("content after the end of the JSON document").doesNotContain("\tat ");
    }

    // RFC 8259 section 4: with a name twice in one object, readers differ on which value counts
    @Test
    void aKeyTwiceInOneObjectOfTheExportIsExitTwoNamingTheKeyAndTheLine(@TempDir Path dir) throws Exception {
        Path doubled = dir.resolve("export.json");
        Files.writeString(doubled, "{\"version\": 3,\n \"deployment\": {\"resources\": []},\n \"deployment\": {}}");

        CliRun run = CliRun.of("policy", "check", "--stack-export", doubled.toString(), "--waivers", NO_WAIVERS);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("the key 'deployment' appears twice in one object at line 3");
    }

    @Test
    void aWaiversFileWithAKeyTwiceIsExitTwo(@TempDir Path dir) throws Exception {
        Path waivers = dir.resolve("waivers.yaml");
        Files.writeString(waivers, "waivers:\n  - rule: DM-COST-002\n    rule: DM-COST-003\n");

        CliRun run = CliRun.of("policy", "check", "--stack-export", EXPORT, "--waivers", waivers.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("the key 'rule' appears twice in one object at line 3");
    }

    @Test
    void aTrustDocumentWithoutStatementIsAFindingNotACrash(@TempDir Path dir) throws Exception {
        Path export = dir.resolve("export.json");
        Files.writeString(export, """
                {"version": 3, "deployment": {"resources": [
                  {"urn": "urn:pulumi:dev-min::devmin::devmin:stacks:CoreStack$aws:iam/role:Role::ci", "custom": true,
                   "type": "aws:iam/role:Role", "protect": true,
                   "inputs": {"name": "ci", "assumeRolePolicy":
                     "{\\"Version\\":\\"2012-10-17\\",\\"Id\\":\\"token.actions.githubusercontent.com\\"}"}}]}}
                """);

        CliRun run = CliRun.of("policy", "check", "--stack-export", export.toString(), "--waivers", NO_WAIVERS);

        assertThat(run.stderr()).doesNotContain("Exception");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("DM-IAM-004").contains("has no Statement to pin");
    }

    @Test
    void usageErrorsAreExit64() {
        assertThat(CliRun.of("policy", "check").exitCode()).isEqualTo(64);
        assertThat(CliRun.of("policy", "check", "--preview", PREVIEW, "--stack-export", EXPORT).exitCode()).isEqualTo(64);
        assertThat(CliRun.of("policy", "check", "--preview", PREVIEW, "--format", "pdf").exitCode()).isEqualTo(64);
    }
}
