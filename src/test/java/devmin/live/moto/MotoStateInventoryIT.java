package devmin.live.moto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.graph.DeclaredResource;
import devmin.graph.StackGraph;
import devmin.testing.AwsTestEndpoint;
import devmin.testing.Moto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static devmin.live.moto.MotoTeardownIT.Run;
import static devmin.live.moto.MotoTeardownIT.run;
import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.preview;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The teardown proof from the stack's own state, against moto with real resources created through the AWS API: every
 * demo-layer kind of the declared graph left behind is a blocker naming it (a kind without a moto leftover here fails
 * the build); the snapshot of a live demo layer lists every resource created, and once they are gone the proof passes
 * by id. What the proof finds beyond the inventory is in {@link MotoStraySweepsIT}.
 */
class MotoStateInventoryIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROJECT_URN = "urn:pulumi:dev-min::devmin::pulumi:pulumi:Stack$";
    static final String DEMO_URN = PROJECT_URN + "devmin:stacks:DemoStack$";
    static final String CORE_URN = PROJECT_URN + "devmin:stacks:CoreStack$";
    static final String CANARY = "canary-7f3e-never-in-evidence";

    static Moto moto;
    static AwsTestEndpoint endpoint;
    static EnvironmentSpec spec;
    MotoAccount account;

    @BeforeAll
    static void start() {
        moto = Moto.server();
        spec = SpecParser.parse(ConfigSource.of(committedConfig().values()), "devmin", "dev-min");
        endpoint = AwsTestEndpoint.pointAt(moto.endpoint().toString());
    }

    /** The SDK's endpoint and credentials as they were before this class. */
    @AfterAll
    static void stop() {
        endpoint.close();
    }

    @BeforeEach
    void intactCore() {
        moto.reset();
        account = new MotoAccount(moto.endpoint(), MotoAccount.REGION);
        seedCore(account);
    }

    static void seedCore(MotoAccount account) {
        account.evidenceBucket().repositoryWithImage(spec.image().tag(), spec.image().digest())
                .laneLogGroups(devmin.testing.CommittedHandles.LANES);
        MotoTeardownIT.HANDLES.forEach(path -> account.handle(path, "value-of-" + path));
    }

    @AfterEach
    void close() {
        account.close();
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
    }

    /** The demo layer's custom resources, as the program declares them (the committed config, and with RDS). */
    static List<DeclaredResource> declaredDemo(StackGraph graph) {
        return graph.resources().stream().filter(r -> r.custom() && !r.isProvider()
                && graph.layerOf(r).orElse("").equals("demo")).toList();
    }

    static Set<String> declaredDemoKinds() {
        Set<String> kinds = new TreeSet<>();
        declaredDemo(preview(committedConfig()).graph()).forEach(r -> kinds.add(r.type()));
        declaredDemo(preview(committedConfig().with("devmin:database", "{\"enabled\":true}")
                .with("devmin:dbUser", "app").with("devmin:dbPassword", "pw")).graph()).forEach(r -> kinds.add(r.type()));
        return kinds;
    }

    @Test
    void everyDemoKindOfTheDeclaredGraphHasAMotoLeftoverTest() {
        Set<String> kinds = declaredDemoKinds();

        assertThat(kinds).as("demo kinds of the declared graph").isNotEmpty();
        assertThat(MotoDemoKinds.KINDS.keySet()).as("a kind added to the demo layer needs a leftover in"
                + " MotoDemoKinds").containsAll(kinds);
    }

    /** One resource in the state's shape: URN, type, id and outputs. */
    record StateResource(String urn, String type, String id, String arn) {
    }

    static Path export(Path dir, List<StateResource> resources) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 3);
        ArrayNode list = root.putObject("deployment").putArray("resources");
        list.addObject().put("urn", "urn:pulumi:dev-min::devmin::pulumi:pulumi:Stack::devmin-dev-min")
                .put("type", "pulumi:pulumi:Stack").put("custom", false);
        list.addObject().put("urn", DEMO_URN + "pulumi:providers:aws::demo-aws").put("type", "pulumi:providers:aws")
                .put("custom", true).put("id", "provider-id");
        for (StateResource r : resources) {
            ObjectNode node = list.addObject().put("urn", r.urn()).put("type", r.type()).put("custom", true)
                    .put("id", r.id());
            ObjectNode outputs = node.putObject("outputs");
            if (!r.arn().isEmpty()) {
                outputs.put("arn", r.arn());
            }
            // what a stack export holds besides names: inputs in plain text, secrets as ciphertext; neither may
            // reach the evidence
            node.putObject("inputs").put("description", CANARY);
            outputs.putObject("password").put("4dabf18193072939515e22adb298388d", "1b47061264138c4ac30d75fd1eb44270")
                    .put("ciphertext", CANARY);
        }
        Path file = Files.createTempFile(dir, "state", ".json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    static Path evidence(Path out, String file) throws IOException {
        try (var files = Files.walk(out)) {
            return files.filter(p -> p.getFileName().toString().equals(file)).findFirst().orElseThrow();
        }
    }

    static Stream<String> kinds() {
        return MotoDemoKinds.KINDS.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void eachDemoKindLeftBehindIsABlockerNamingIt(String type, @TempDir Path dir) throws IOException {
        MotoDemoKinds.Kind kind = MotoDemoKinds.KINDS.get(type);
        MotoDemoKinds.Created leftover = kind.create().apply(account, "leftover");
        Path state = export(dir, List.of(new StateResource(DEMO_URN + type + "::leftover", type, leftover.id(),
                leftover.arn())));
        Path before = Files.createDirectory(dir.resolve("before"));
        Run snapshot = run(before, "pre_destroy_snapshot.json", "snapshot", "pre-destroy", "--state",
                state.toString());

        Run proof = run(Files.createDirectory(dir.resolve("after")), "teardown_proof.json", "verify-teardown",
                "--snapshot", evidence(before, "pre_destroy_snapshot.json").toString());

        JsonNode check = proof.check("inventory-gone");
        if (kind.motoReads()) {
            assertThat(snapshot.check("inventory-held").get("found").toString()).as(snapshot.stdout())
                    .contains(leftover.id());
            assertThat(proof.exitCode()).as(proof.stdout() + proof.stderr()).isEqualTo(1);
            assertThat(check.get("status").asText()).as(proof.stdout()).isEqualTo("blocker");
            assertThat(check.get("found").toString()).contains(leftover.id()).contains(type);
        } else {
            assertThat(check.get("status").asText()).as(kind.note()).isEqualTo("unverified");
        }
    }

    @Test
    void theSnapshotOfALiveDemoLayerListsEveryResourceAndOnceGoneTheProofPassesById(@TempDir Path dir)
            throws IOException {
        List<StateResource> created = new ArrayList<>();
        for (DeclaredResource r : declaredDemo(preview(committedConfig()).graph())) {
            MotoDemoKinds.Created c = MotoDemoKinds.KINDS.get(r.type()).create().apply(account, r.name());
            created.add(new StateResource(r.urn(), r.type(), c.id(), c.arn()));
        }
        String coreRole = "devmin-dev-min-gha-window";
        List<StateResource> state = new ArrayList<>(created);
        state.add(new StateResource(CORE_URN + "aws:iam/role:Role::gha-window-role", "aws:iam/role:Role", coreRole,
                "arn:aws:iam::123456789012:role/" + coreRole));
        createRole(account, coreRole, java.util.Map.of("devmin:layer", "core"));
        Path export = export(dir, state);
        Path before = Files.createDirectory(dir.resolve("before"));

        long started = System.nanoTime();
        Run snapshot = run(before, "pre_destroy_snapshot.json", "snapshot", "pre-destroy", "--state",
                export.toString());

        assertThat(snapshot.exitCode()).as(snapshot.stdout() + snapshot.stderr()).isZero();
        JsonNode inventory = snapshot.verdict().get("inventory");
        assertThat(inventory.get("demo")).hasSize(created.size());
        for (int i = 0; i < created.size(); i++) {
            JsonNode entry = inventory.get("demo").get(i);
            assertThat(entry.get("urn").asText()).isEqualTo(created.get(i).urn());
            assertThat(entry.get("id").asText()).isEqualTo(created.get(i).id());
        }
        assertThat(inventory.get("persistent_role_names")).extracting(JsonNode::asText).containsExactly(coreRole);
        String held = snapshot.check("inventory-held").get("found").toString();
        created.forEach(r -> assertThat(held).as(r.urn()).contains(r.id()));
        assertThat(snapshot.check("inventory-held").get("message").asText())
                .isEqualTo(created.size() + " in state, " + created.size() + " read present");
        assertThat(Files.readString(evidence(before, "pre_destroy_snapshot.json"))).doesNotContain(CANARY);
        assertThat(Files.readString(evidence(before, "pre_destroy_snapshot.md"))).doesNotContain(CANARY);

        moto.reset();
        seedCore(account);
        createRole(account, coreRole, java.util.Map.of("devmin:layer", "core"));
        Run proof = run(Files.createDirectory(dir.resolve("after")), "teardown_proof.json", "verify-teardown",
                "--snapshot", evidence(before, "pre_destroy_snapshot.json").toString());
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(proof.verdict().get("blockers")).as(proof.stdout()).isEmpty();
        assertThat(proof.exitCode()).isZero();
        assertThat(proof.check("inventory-gone").get("message").asText()).startsWith(created.size()
                + " resource(s) of the state's demo inventory, each read by id: all gone");
        assertThat(proof.check("core-roles").get("status").asText()).isEqualTo("pass");
        assertThat(proof.verdict().at("/inventory/proof").asText()).isEqualTo("by-id");
        System.out.printf("FIGURES kinds=%d demo-resources=%d snapshot-api-calls=%d proof-api-calls=%d"
                        + " proof-ms=%d snapshot+proof-ms=%d%n", MotoDemoKinds.KINDS.size(), created.size(),
                snapshot.verdict().get("api_calls").asInt(), proof.verdict().get("api_calls").asInt(),
                proof.verdict().get("duration_ms").asLong(), millis);
    }

    static void createRole(MotoAccount account, String name, java.util.Map<String, String> tags) {
        account.iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[]}").tags(tags.entrySet().stream().map(e -> software.amazon.awssdk.services.iam
                .model.Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
    }
}
