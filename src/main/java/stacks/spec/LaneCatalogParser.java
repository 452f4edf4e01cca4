package stacks.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses {@code devmin:lanes}: names, kinds, entrypoints, Fargate sizes, counts, reads, topics and grants. */
final class LaneCatalogParser {

    static final int MAX_SERVICE_DESIRED_COUNT = 10;
    /** The longest run a job's {@code runMinutes} may state: a day. */
    static final int MAX_RUN_MINUTES = 1440;
    private static final Pattern HANDLE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern ANY_TOPIC = Pattern.compile(".+");

    /** Stands in for an element that is not a lane at all (already reported): no name, nothing it refers to. */
    private static final LaneSpec UNREADABLE = new LaneSpec("", LaneKind.JOB, List.of(), 256, 512, 0, List.of(),
            List.of(), List.of(), 0, false, List.of(), true, List.of(), 0, false);

    private final Problems problems;

    LaneCatalogParser(Problems problems) {
        this.problems = problems;
    }

    List<LaneSpec> parse(JsonNode list) {
        List<LaneSpec> lanes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = ConfigKeys.LANES + "[" + i + "]";
            JsonFields fields = new JsonFields(list.get(i), path, problems);
            if (!fields.rejectUnlessObject("a lane, a YAML object {name, kind, command, …}")) {
                lanes.add(UNREADABLE); // keeps the later lanes at their index, which their problems are reported under
                continue;
            }
            LaneSpec lane = lane(fields);
            if (lane.name().isEmpty()) {
                fields.given("name").ifPresent(given -> problems.rejectedName(ConfigKeys.LANES, given));
            }
            if (!lane.name().isEmpty() && !seen.add(lane.name())) {
                problems.invalid(path + ".name", lane.name(), "a lane name not already used");
            } else if (!lane.name().isEmpty()) {
                problems.name(path, lane.name());
            }
            lanes.add(lane);
        }
        if (list.isArray() && list.isEmpty()) {
            problems.invalid(ConfigKeys.LANES, "[]", "at least one lane");
        }
        return lanes;
    }

    private LaneSpec lane(JsonFields f) {
        f.rejectUnknown(ConfigKeys.LANE_FIELDS);
        String name = f.requiredText("name", Patterns.LANE_NAME, Patterns.LANE_NAME_TEXT);
        LaneKind kind = kind(f);
        List<String> command = f.textList("command", Patterns.COMMAND_PART, "a non-blank command argument");
        if (f.list("command").isEmpty()) {
            problems.missing(f.key("command"), "the lane's entrypoint command into the image, as a list of arguments");
        }
        int cpu = (int) f.integer("cpu", 256, 0, Integer.MAX_VALUE);
        int memory = (int) f.integer("memory", 512, 0, Integer.MAX_VALUE);
        if (!FargateSizes.isValidCpu(cpu)) {
            problems.invalid(f.key("cpu"), String.valueOf(cpu), "Fargate cpu units, one of " + FargateSizes.cpuChoices());
        } else if (!FargateSizes.isValid(cpu, memory)) {
            problems.invalid(f.key("memory"), String.valueOf(memory), FargateSizes.memoryChoices(cpu));
        }
        int desired = desiredCount(f, kind);
        List<String> reads = f.textList("reads", HANDLE, "an SSM handle name such as SSM_CONFLUENT_BOOTSTRAP_PATH");
        List<String> produces = f.textList("produces", ANY_TOPIC, "a topic name from devmin:topics");
        List<String> consumes = f.textList("consumes", ANY_TOPIC, "a topic name from devmin:topics");
        int port = (int) f.integer("ingressPort", 0, 1, 65535);
        boolean spot = f.bool("spot", kind == LaneKind.SERVICE);
        List<String> calls = f.textList("calls", Patterns.LANE_NAME, "the name of an ingress lane this lane calls");
        return new LaneSpec(name, kind, command, cpu, memory, desired, reads, produces, consumes, port, spot,
                s3Grants(f), f.bool("readOnlyRootFilesystem", true), calls, onDemandBase(f, kind, spot, desired),
                probe(f, kind), runMinutes(f, kind));
    }

    /**
     * How long one run of a job takes, in whole minutes (Fargate bills a task by the second with a one-minute
     * minimum): the cost estimate prices a run from it. A service runs all the time and is priced per window hour.
     */
    private int runMinutes(JsonFields f, LaneKind kind) {
        if (!f.has("runMinutes")) {
            return 0;
        }
        if (kind == LaneKind.SERVICE) {
            problems.invalid(f.key("runMinutes"), f.shown("runMinutes"), "no runMinutes on a service (a service runs"
                    + " all the time and is priced per window hour; runMinutes is how long one run of a job takes)");
            return 0;
        }
        return (int) f.integer("runMinutes", 0, 1, MAX_RUN_MINUTES);
    }

    /** A probe is run once by readiness with RunTask: only a job lane can be one. */
    private boolean probe(JsonFields f, LaneKind kind) {
        boolean probe = f.bool("probe", false);
        if (probe && kind == LaneKind.SERVICE) {
            problems.invalid(f.key("probe"), "true", "probe: true only on a lane of kind job (devmin readiness runs a"
                    + " probe once with RunTask and judges its exit; a service runs all the time)");
        }
        return probe;
    }

    /**
     * Tasks of a Spot service that always run on FARGATE (ECS's capacity provider strategy {@code base}): only a
     * service on Spot has a choice to make, and a base above the desired count would ask for tasks that never run.
     */
    private int onDemandBase(JsonFields f, LaneKind kind, boolean spot, int desired) {
        if (!f.has("onDemandBase")) {
            return 0;
        }
        int base = (int) f.integer("onDemandBase", 0, 0, MAX_SERVICE_DESIRED_COUNT);
        String given = String.valueOf(base);
        if (kind == LaneKind.JOB) {
            problems.invalid(f.key("onDemandBase"), given, "no onDemandBase on a job (a job runs once, on FARGATE,"
                    + " with RunTask)");
        } else if (!spot && base > 0) {
            problems.invalid(f.key("onDemandBase"), given, "an onDemandBase only with spot: true (off Spot every task"
                    + " already runs on FARGATE)");
        } else if (base > desired) {
            problems.invalid(f.key("onDemandBase"), given, "at most the lane's desiredCount (" + desired + "): the"
                    + " base counts tasks that always run on FARGATE");
        }
        return base;
    }

    private LaneKind kind(JsonFields f) {
        String text = f.requiredText("kind", Pattern.compile("service|job"), "service or job");
        return text.isEmpty() ? LaneKind.SERVICE : LaneKind.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private int desiredCount(JsonFields f, LaneKind kind) {
        if (kind == LaneKind.JOB) {
            if (f.has("desiredCount")) {
                problems.invalid(f.key("desiredCount"), String.valueOf(f.integer("desiredCount", 0, 0, Long.MAX_VALUE)),
                        "no desiredCount on a job (jobs run on demand; only services keep tasks running)");
            }
            return 0;
        }
        return (int) f.integer("desiredCount", 1, 0, MAX_SERVICE_DESIRED_COUNT);
    }

    private List<S3Grant> s3Grants(JsonFields f) {
        List<S3Grant> grants = new ArrayList<>();
        List<JsonNode> items = f.list("s3Access");
        for (int i = 0; i < items.size(); i++) {
            JsonFields g = new JsonFields(items.get(i), f.key("s3Access") + "[" + i + "]", problems);
            if (!g.rejectUnlessObject("a grant, a YAML object {access: read|write, prefix: some/prefix/}")) {
                continue;
            }
            g.rejectUnknown(ConfigKeys.S3_GRANT_FIELDS);
            String access = g.requiredText("access", Pattern.compile("read|write"), "read or write");
            String prefix = g.requiredText("prefix", Patterns.S3_PREFIX,
                    "an S3 key prefix ending in '/', such as evidence/ (no wildcards)");
            if (!access.isEmpty() && !prefix.isEmpty()) {
                grants.add(new S3Grant(S3Grant.Access.valueOf(access.toUpperCase(Locale.ROOT)), prefix));
            }
        }
        return grants;
    }
}
