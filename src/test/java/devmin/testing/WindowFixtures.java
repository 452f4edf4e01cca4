package devmin.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.certify.CertifyPhase;
import devmin.certify.VerdictKind;
import devmin.engine.StackConfig;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An open window of a small dev-min stack for the window commands: the committed config with three lanes, the
 * service {@code ig} and the jobs {@code seed-pack} (which produces to Kafka, so it reads the bootstrap and its own
 * key and secret, and a run has secrets to redact) and {@code checker}; and the stack outputs {@code pulumi up} would leave.
 */
public final class WindowFixtures {

    public static final String ACCOUNT = "123456789012";
    public static final String ECS = "arn:aws:ecs:eu-west-2:" + ACCOUNT + ":";
    public static final String CLUSTER = ECS + "cluster/devmin-dev-min";
    public static final String SUBNET_A = "subnet-0a1b2c3d";
    public static final String SUBNET_B = "subnet-0e1f2a3b";
    public static final String SECURITY_GROUP = "sg-0123abcd";
    public static final List<String> LANES = List.of("ig", "seed-pack", "checker");
    public static final List<String> SEED_PACK_READS = List.of("SSM_CONFLUENT_BOOTSTRAP_PATH",
            "SSM_CONFLUENT_API_KEY_PATH", "SSM_CONFLUENT_API_SECRET_PATH");

    public static final String REPOSITORY = "123456789012.dkr.ecr.eu-west-2.amazonaws.com/fraud-platform";
    /** The run stamp of the window's published verdicts, and where each kind lies under its environment. */
    public static final String STAMP = "20261130T120000Z";
    public static final List<String> PHASE_FILES = List.of("plan/plan_snapshot.json",
            "budget/budget_posture_snapshot.json", "preflight/preflight_snapshot.json",
            "iam/secret_surface_check.json", "readiness/readiness_snapshot.json",
            "snapshot/pre_destroy_snapshot.json", "teardown/teardown_proof.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A passing verdict of the dev-min stack for the image {@code digest}, of the kind whose command writes
     * {@code file} (e.g. {@code readiness_snapshot.json}), as that command writes one.
     */
    public static String passingVerdict(String file, String digest) {
        return verdict(file, true, "dev-min", digest);
    }

    /**
     * A verdict of the kind whose command writes {@code file}: its schema, what it is about (a job run's lane, a
     * certificate's phase), one check (passed, or a blocker when it failed) and the given result and provenance.
     */
    public static String verdict(String file, boolean pass, String stack, String digest, String... blockers) {
        VerdictKind kind = kindWriting(file);
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", kind.schema());
        root.put("overall_pass", pass);
        ArrayNode list = root.putArray("blockers");
        for (String blocker : blockers) {
            list.add(blocker);
        }
        kind.claims().forEach(root::put);
        if (kind.equals(VerdictKind.PLAN)) {
            root.putObject("policy").put("overall_pass", pass).putArray("passed_rules").add("DM-NET-001");
            root.withObject("/policy").putArray("findings");
        } else {
            root.putArray("checks").addObject().put("name", "the-check").put("status", pass ? "pass" : "blocker");
        }
        root.putObject("provenance").put("stack", stack).put("image_digest", digest);
        return root.toString();
    }

    /** The verdict kind whose command writes {@code file}. */
    public static VerdictKind kindWriting(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        if (name.startsWith("job_run_")) {
            return VerdictKind.jobRun(name.substring("job_run_".length(), name.length() - ".json".length()));
        }
        for (CertifyPhase phase : CertifyPhase.values()) {
            if (VerdictKind.certificate(phase).fileName().equals(name)) {
                return VerdictKind.certificate(phase);
            }
        }
        return java.util.stream.Stream.concat(VerdictKind.OPEN.stream(), VerdictKind.CLOSE.stream())
                .filter(k -> k.fileName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no verdict kind writes " + file));
    }

    private WindowFixtures() {
    }

    /** The revision {@code pulumi up} declared for a lane: 7 for ig, 2 for the jobs. */
    public static String taskDefinition(String lane) {
        return ECS + "task-definition/devmin-dev-min-" + lane + ":" + (lane.equals("ig") ? 7 : 2);
    }

    public static StackConfig config() {
        return Fixtures.editJson(Fixtures.committedConfig(), "devmin:lanes", lanes -> {
            ArrayNode array = (ArrayNode) lanes;
            for (int i = array.size() - 1; i >= 0; i--) {
                if (!LANES.contains(array.get(i).path("name").asText())) {
                    array.remove(i);
                }
            }
            array.forEach(lane -> {
                if (lane.path("name").asText().equals("seed-pack")) {
                    ArrayNode reads = ((ObjectNode) lane).putArray("reads");
                    SEED_PACK_READS.forEach(reads::add);
                    ((ObjectNode) lane).putArray("produces").add("control.run-commands.v1");
                }
            });
        });
    }

    public static EnvironmentSpec spec() {
        StackConfig config = config();
        return SpecParser.parse(ConfigSource.of(config.values(), config.secretKeys()), "devmin", "dev-min");
    }

    /** The window's config with one of its job lanes declared a readiness probe ({@code probe: true}). */
    public static StackConfig configWithProbe(String jobLane) {
        return Fixtures.editJson(config(), "devmin:lanes", lanes -> lanes.forEach(lane -> {
            if (lane.path("name").asText().equals(jobLane)) {
                ((ObjectNode) lane).put("probe", true);
            }
        }));
    }

    /** A project like {@link #project(Path)} whose lane {@code jobLane} is a readiness probe. */
    public static Path projectWithProbe(Path dir, String jobLane) throws IOException {
        return project(dir, configWithProbe(jobLane));
    }

    /** The stack output {@code handles} of the open window. */
    public static Map<String, String> handles() {
        Map<String, String> handles = new LinkedHashMap<>();
        handles.put("ECS_CLUSTER_ARN", CLUSTER);
        handles.put("ECS_SUBNET_IDS", SUBNET_A + "," + SUBNET_B);
        handles.put("ECS_SECURITY_GROUP_ID", SECURITY_GROUP);
        LANES.forEach(lane -> handles.put("TASK_DEFINITION_" + lane.toUpperCase(Locale.ROOT).replace('-', '_'),
                taskDefinition(lane)));
        return handles;
    }

    /** {@code pulumi stack output --json} of the window, written to {@code file}. */
    public static Path stackOutputs(Path file, Map<String, String> handles) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode node = root.putObject("handles");
        handles.forEach(node::put);
        return Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    /** A project directory holding Pulumi.yaml and a Pulumi.dev-min.yaml with this window's three lanes. */
    public static Path project(Path dir) throws IOException {
        return project(dir, config());
    }

    private static Path project(Path dir, StackConfig config) throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        String stack = Files.readString(Path.of("Pulumi.dev-min.yaml"));
        int lanes = stack.indexOf("  devmin:lanes:");
        if (lanes < 0) {
            throw new IllegalStateException("Pulumi.dev-min.yaml has no devmin:lanes block to replace");
        }
        Files.writeString(dir.resolve("Pulumi.dev-min.yaml"), stack.substring(0, lanes) + "  devmin:lanes: "
                + config.values().get("devmin:lanes") + "\n");
        return dir;
    }
}
