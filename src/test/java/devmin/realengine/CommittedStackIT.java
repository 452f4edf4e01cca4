package devmin.realengine;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import stacks.Layer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed dev-min stack through the real Pulumi CLI, engine and Java language host, with the stub providers:
 * a demo window's whole life on one stack (preview with the policy pack, up, the state read back by devmin, a
 * refused plain destroy, a window close and re-open, the history), and the secret canary looked for everywhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommittedStackIT {

    static final String CANARY = "canary-ig-key-real-engine-5d3a9";
    static final List<String> POLICY_PACK = List.of("--policy-pack", "policies/devmin-policy-pack",
            "--policy-pack-config", "policies/policy-config.json");

    PulumiWorkspace workspace;

    @BeforeAll
    void initStack() {
        workspace = PulumiWorkspace.ofCommittedProject(RealEngine.require());
        succeeded(workspace.pulumi("stack", "init", "dev-min"));
        succeeded(workspace.pulumi("config", "set", "--secret", "devmin:igApiKey", CANARY));
    }

    @AfterAll
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    static CliResult succeeded(CliResult result) {
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return result;
    }

    static String[] args(List<String> first, String... more) {
        return Stream.concat(Stream.of(more), first.stream()).toArray(String[]::new);
    }

    @Test
    @Order(1)
    void aPreviewWithThePolicyPackPlansWhatDevminPlanPlansAndFindsNoViolation() {
        CliResult preview = succeeded(workspace.pulumi(args(POLICY_PACK, "preview", "--json")));
        JsonNode document = Json.parse(preview.stdout());
        List<JsonNode> created = Json.list(document.path("steps")).stream()
                .filter(step -> step.path("op").asText().equals("create")).map(step -> step.path("newState"))
                .toList();

        CliResult plan = succeeded(workspace.devmin("plan", "--format", "json", "--out",
                workspace.project().resolve("plan-out").toString()));
        assertThat(Json.countByLayerAndType(created)).isEqualTo(Json.planCounts(Json.parse(plan.stdout())));
        assertThat(Json.list(document.path("diagnostics")))
                .noneSatisfy(d -> assertThat(d.path("severity").asText()).isEqualTo("error"));
        assertThat(document.toString()).doesNotContain("DM-");
    }

    @Test
    @Order(2)
    void upCreatesEveryResourceOnlyAfterEverythingItDependsOn() {
        succeeded(workspace.pulumi(args(POLICY_PACK, "up", "--yes")));
        List<JsonNode> state = Json.resources(workspace.exportState());
        StubRecord calls = workspace.stubCalls();

        Map<String, StubRecord.Call> creates = calls.creates().stream()
                .collect(Collectors.toMap(StubRecord.Call::urn, Function.identity(), (a, b) -> b));
        List<String> customUrns = state.stream().filter(r -> r.path("custom").asBoolean())
                .filter(r -> !r.path("type").asText().startsWith("pulumi:providers:"))
                .map(r -> r.path("urn").asText()).toList();
        assertThat(creates.keySet()).containsExactlyInAnyOrderElementsOf(customUrns);
        assertThat(DependencyOrder.violations(state, creates)).isEmpty();
        assertThat(reportedVersions(calls, "aws")).containsExactly(declaredVersion("com/pulumi/aws/plugin.json"));
        assertThat(reportedVersions(calls, "confluentcloud"))
                .containsExactly(declaredVersion("com/devmin/confluentcloud/plugin.json"));
    }

    /** The versions a stub provider told the engine it is: it must play exactly the version the program asks for. */
    static Set<String> reportedVersions(StubRecord calls, String provider) {
        return calls.where(c -> c.method().equals("GetPluginInfo") && c.provider().equals(provider)).stream()
                .map(c -> c.property("version")).collect(Collectors.toSet());
    }

    static String declaredVersion(String pluginJson) {
        try (var in = CommittedStackIT.class.getClassLoader().getResourceAsStream(pluginJson)) {
            return Json.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .path("version").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Order(3)
    void theStackExportPassesThePolicyCheckWithEveryResourceEvaluated() throws Exception {
        CliResult export = succeeded(workspace.pulumi("stack", "export"));
        Path file = workspace.write("export.json", export.stdout());

        CliResult check = succeeded(workspace.devmin("policy", "check", "--stack-export", file.toString(),
                "--format", "json"));
        assertThat(Json.parse(check.stdout()).path("evaluated_resources").asInt())
                .isEqualTo(Json.resources(Json.parse(export.stdout())).size());
        assertThat(Files.readString(file)).doesNotContain(CANARY);
    }

    @Test
    @Order(4)
    void previewDocumentsWithAndWithoutChangesFeedThePolicyCheck() {
        CliResult same = succeeded(workspace.pulumi("preview", "--json", "--show-sames"));
        Path unchanged = workspace.write("preview-same.json", same.stdout());
        CliResult checkSame = succeeded(workspace.devmin("policy", "check", "--preview", unchanged.toString(),
                "--format", "json"));
        int everything = Json.resources(workspace.exportState()).size();
        assertThat(Json.parse(checkSame.stdout()).path("evaluated_resources").asInt()).isEqualTo(everything);

        // A default preview lists only what changes: judging the stack from it would be judging from absence.
        CliResult partial = succeeded(workspace.pulumi("preview", "--json"));
        Path partialFile = workspace.write("preview-partial.json", partial.stdout());
        CliResult refused = workspace.devmin("policy", "check", "--preview", partialFile.toString());
        assertThat(refused.exitCode()).as(refused.describe()).isEqualTo(2);
        assertThat(refused.output()).contains("--show-sames");

        succeeded(workspace.pulumi("config", "set", "--path", "devmin:logRetentionDays", "14"));
        try {
            CliResult changed = succeeded(workspace.pulumi("preview", "--json", "--show-sames"));
            JsonNode document = Json.parse(changed.stdout());
            assertThat(Json.list(document.path("steps")).stream().filter(s -> s.path("op").asText().equals("update"))
                    .map(s -> s.path("newState").path("type").asText()).collect(Collectors.toSet()))
                    .containsExactly("aws:cloudwatch/logGroup:LogGroup");
            Path file = workspace.write("preview-changed.json", changed.stdout());
            CliResult check = succeeded(workspace.devmin("policy", "check", "--preview", file.toString(),
                    "--format", "json"));
            assertThat(Json.parse(check.stdout()).path("evaluated_resources").asInt()).isEqualTo(everything);
        } finally {
            succeeded(workspace.pulumi("config", "set", "--path", "devmin:logRetentionDays", "7"));
        }
    }

    @Test
    @Order(5)
    void theStackOutputsAreWhatVerifyIamReadsItsRolesFrom() {
        CliResult outputs = succeeded(workspace.pulumi("stack", "output", "--json"));
        JsonNode handles = Json.parse(outputs.stdout()).path("handles");
        assertThat(handles.path("ROLE_ECS_TASK_EXECUTION").asText()).startsWith("arn:aws:iam::");
        Path file = workspace.write("outputs.json", outputs.stdout());

        // No AWS is reachable (test keys, a closed port): the simulation cannot run, but the roles it tries to prove
        // are the ones the outputs name.
        Map<String, String> unreachableAws = Map.of("AWS_ACCESS_KEY_ID", "AKIAREALENGINETEST", "AWS_SECRET_ACCESS_KEY",
                "real-engine-test", "AWS_REGION", "eu-west-2", "AWS_ENDPOINT_URL", "http://127.0.0.1:1");
        unreachableAws.forEach(workspace::withEnvironment);
        CliResult verify;
        try {
            verify = workspace.devmin("verify-iam", "--stack-outputs", file.toString(), "--deadline", "5s",
                    "--out", workspace.project().resolve("iam-out").toString());
        } finally {
            unreachableAws.keySet().forEach(workspace::withoutEnvironment);
        }
        assertThat(verify.exitCode()).as(verify.describe()).isEqualTo(2);
        assertThat(verify.output()).doesNotContain("expected the JSON of 'pulumi stack output --json'");
        handles.fieldNames().forEachRemaining(handle -> {
            if (handle.startsWith("ROLE_ECS_") || handle.startsWith("ROLE_LANE_")) {
                assertThat(verify.output()).as(handle).contains(handle);
            }
        });
    }

    @Test
    @Order(6)
    void aPlainDestroyIsRefusedBeforeDeletingAnything() {
        Set<String> before = urns(workspace.exportState());
        int deletesBefore = workspace.stubCalls().deletes().size();

        CliResult destroy = workspace.pulumi("destroy", "--yes");
        assertThat(destroy.exitCode()).as(destroy.describe()).isNotZero();
        assertThat(destroy.output()).contains("cannot be deleted").contains("because it is protected");
        assertThat(urns(workspace.exportState())).isEqualTo(before);
        assertThat(workspace.stubCalls().deletes()).hasSize(deletesBefore);
    }

    @Test
    @Order(7)
    void closingTheWindowDeletesExactlyTheDemoLayer() {
        List<JsonNode> before = Json.resources(workspace.exportState());
        succeeded(workspace.pulumi("destroy", "--exclude-protected", "--yes"));
        List<JsonNode> after = Json.resources(workspace.exportState());

        Set<String> expected = before.stream().filter(r -> !isDemo(r)).map(r -> r.path("urn").asText())
                .collect(Collectors.toSet());
        assertThat(urns(after)).isEqualTo(expected);
        assertThat(after).allSatisfy(r -> assertThat(isDemo(r)).isFalse());
        assertThat(after.stream().filter(r -> r.path("custom").asBoolean())
                .filter(r -> !r.path("type").asText().startsWith("pulumi:providers:")))
                .allSatisfy(r -> assertThat(r.path("protect").asBoolean()).as(r.path("urn").asText()).isTrue());
        Set<String> deleted = workspace.stubCalls().deletes().stream().map(StubRecord.Call::urn)
                .collect(Collectors.toSet());
        assertThat(deleted).containsExactlyInAnyOrderElementsOf(before.stream().filter(CommittedStackIT::isDemo)
                .filter(r -> r.path("custom").asBoolean())
                .filter(r -> !r.path("type").asText().startsWith("pulumi:providers:"))
                .map(r -> r.path("urn").asText()).toList());
    }

    @Test
    @Order(8)
    void reopeningTheWindowCreatesOnlyTheDemoLayerInDependencyOrder() {
        int createsBefore = workspace.stubCalls().creates().size();
        succeeded(workspace.pulumi(args(POLICY_PACK, "up", "--yes", "--skip-preview")));
        List<JsonNode> state = Json.resources(workspace.exportState());
        List<StubRecord.Call> reopened = workspace.stubCalls().creates().subList(createsBefore,
                workspace.stubCalls().creates().size());

        assertThat(reopened).isNotEmpty().allSatisfy(c -> assertThat(Layer.ofUrn(c.urn())).contains(Layer.DEMO));
        Map<String, StubRecord.Call> byUrn = reopened.stream()
                .collect(Collectors.toMap(StubRecord.Call::urn, Function.identity()));
        assertThat(DependencyOrder.violations(state, byUrn)).isEmpty();
    }

    @Test
    @Order(9)
    void theHistoryRecordsEachOperationWithItsKindAndResult() {
        CliResult history = succeeded(workspace.pulumi("stack", "history", "--json"));
        List<JsonNode> updates = Json.list(Json.parse(history.stdout()));
        assertThat(updates.stream().map(u -> u.path("kind").asText() + ":" + u.path("result").asText()).toList())
                .containsExactly("update:succeeded", "destroy:succeeded", "update:succeeded");
        assertThat(updates.get(1).path("environment").path("pulumi.flag.exclude-protected").asText())
                .isEqualTo("true");
        assertThat(history.stdout()).doesNotContain(CANARY);
        workspace.write("stack-history.json", history.stdout());
    }

    @Test
    @Order(10)
    void theCanaryNeverAppearsInOutputStateVerboseEngineLogsOrFilesWritten() throws Exception {
        CliResult verbose = workspace.pulumi("preview", "--logtostderr", "-v=9");
        succeeded(verbose);
        assertThat(verbose.stderr()).as("the verbose engine log is really verbose").contains("RegisterResource");

        List<String> everything = new ArrayList<>();
        workspace.results().forEach(r -> everything.add(r.output()));
        everything.add(workspace.backendContents());
        try (Stream<Path> files = Files.walk(workspace.project())) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".jar")).toList()) {
                // bytes as Latin-1: binary files too (the pack's class-data archive) are searched for the canary
                everything.add(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(everything).noneSatisfy(text -> assertThat(text).contains(CANARY));
        assertThat(workspace.stubCalls().where(c -> c.method().equals("Create")
                && c.urn().endsWith("::ssm-ig-api-key"))).isNotEmpty()
                .allSatisfy(c -> assertThat(c.property("value")).isEqualTo("[secret]"));
    }

    static boolean isDemo(JsonNode resource) {
        return Layer.ofUrn(resource.path("urn").asText()).equals(Optional.of(Layer.DEMO));
    }

    static Set<String> urns(JsonNode export) {
        return urns(Json.resources(export));
    }

    static Set<String> urns(List<JsonNode> resources) {
        return resources.stream().map(r -> r.path("urn").asText()).collect(Collectors.toSet());
    }
}
