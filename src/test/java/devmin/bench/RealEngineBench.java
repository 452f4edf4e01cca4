package devmin.bench;

import devmin.realengine.CliResult;
import devmin.realengine.PulumiWorkspace;
import devmin.realengine.RealEngine;
import devmin.realengine.StubRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The window's two engine commands under the real Pulumi CLI and Java language host, with the stub providers:
 * {@code pulumi preview --policy-pack policies/devmin-policy-pack} and {@code pulumi up} of the whole stack from an
 * empty state, the latter also with {@code PULUMI_SKIP_CHECKPOINTS=true} (the CLI writes the state once instead of
 * after every step: what an up costs apart from the file backend's checkpoints). For each checkout given (default:
 * this one) a throwaway project is made from its Pulumi files, its {@code policies/} and its built jar; the checkouts
 * take turns, run by run, so a change of machine load hits each alike. One warm-up of each command (it also makes
 * the class-data archives beside the jar), then N measured runs.
 *
 * <p>Each run prints the wall time, the phases of the run ({@link EngineTimeline}: when the CLI started the language
 * host, plugin discovery, the pack and the program, and the first and last provider {@code Check}, from the stub
 * record) and the peak resident set of each process, sampled from {@code /proc} every 50 ms (a process's high-water
 * mark, so a peak is missed only if it is reached in the last 50 ms of the process). Then the medians.
 *
 * <pre>mvn -B -DskipTests package &amp;&amp; mvn -B -q test-compile
 * java -cp target/devmin.jar:target/test-classes devmin.bench.RealEngineBench 5 [checkout ...]</pre>
 */
public final class RealEngineBench {

    /** The CLI then saves the state once, at the end, instead of after every step (the floor of an up here). */
    private static final String SKIP_CHECKPOINTS = "PULUMI_SKIP_CHECKPOINTS";
    private static final Pattern DURATION = Pattern.compile("Duration: (?:(\\d+)m)?(\\d+)s");

    private RealEngineBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Path> trees = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            trees.add(Path.of(args[i]).toAbsolutePath());
        }
        if (trees.isEmpty()) {
            trees.add(Path.of("").toAbsolutePath());
        }
        RealEngine engine = RealEngine.find().orElseThrow(() -> new IllegalStateException(
                "the real engine is unavailable: " + RealEngine.whyUnavailable()));
        System.out.println("load average before: " + PlanBench.loadAverage());
        List<Checkout> checkouts = new ArrayList<>();
        try {
            for (Path tree : trees) {
                checkouts.add(Checkout.warmedUp(tree, PulumiWorkspace.ofProject(engine, tree)));
            }
            for (int run = 1; run <= runs; run++) {
                for (Checkout checkout : checkouts) {
                    checkout.measureOnce(run);
                }
            }
            System.out.printf("medians of %d runs:%n", runs);
            checkouts.forEach(Checkout::printMedians);
            System.out.println("load average after: " + PlanBench.loadAverage());
        } finally {
            checkouts.forEach(c -> c.workspace().close());
        }
    }

    /** One checkout's throwaway project and its figures so far. */
    private record Checkout(Path tree, PulumiWorkspace workspace, List<Figures> previews, List<Figures> ups,
                            List<Figures> upsFinalCheckpoint) {

        /** After one preview and one up, unmeasured: they also make the class-data archives beside the jar. */
        static Checkout warmedUp(Path tree, PulumiWorkspace workspace) {
            initStack(workspace);
            check(workspace.pulumi("preview", "--policy-pack", "policies/devmin-policy-pack"));
            check(workspace.pulumi("up", "--yes", "--skip-preview"));
            recreateStack(workspace);
            return new Checkout(tree, workspace, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        void measureOnce(int run) throws Exception {
            Figures preview = measure(workspace, "preview", "--policy-pack", "policies/devmin-policy-pack");
            Figures up = measure(workspace, "up", "--yes", "--skip-preview");
            recreateStack(workspace);
            workspace.withEnvironment(SKIP_CHECKPOINTS, "true");
            Figures upFinalCheckpoint = measure(workspace, "up", "--yes", "--skip-preview");
            workspace.withoutEnvironment(SKIP_CHECKPOINTS);
            recreateStack(workspace);
            previews.add(preview);
            ups.add(up);
            upsFinalCheckpoint.add(upFinalCheckpoint);
            System.out.printf("%s run %d%n  preview: %s%n  up:      %s%n  up, %s: %s%n", tree, run, preview, up,
                    SKIP_CHECKPOINTS, upFinalCheckpoint);
        }

        void printMedians() {
            System.out.printf("%s%n  preview with the pack: %s%n  up of the whole stack: %s%n  up, %s: %s%n", tree,
                    Figures.median(previews), Figures.median(ups), SKIP_CHECKPOINTS,
                    Figures.median(upsFinalCheckpoint));
        }
    }

    private static void initStack(PulumiWorkspace workspace) {
        check(workspace.pulumi("stack", "init", "dev-min"));
        check(workspace.pulumi("config", "set", "--secret", "devmin:igApiKey", "bench-only-value"));
    }

    /** The next {@code up} starts from an empty state: the stack goes (its resources only in the stub providers). */
    private static void recreateStack(PulumiWorkspace workspace) {
        check(workspace.pulumi("stack", "rm", "dev-min", "--force", "--yes", "--preserve-config"));
        check(workspace.pulumi("stack", "init", "dev-min"));
    }

    private static Figures measure(PulumiWorkspace workspace, String... command) throws Exception {
        int callsBefore = workspace.stubCalls().calls().size();
        ProcessSampler sampler = ProcessSampler.start();
        CliResult result;
        try {
            result = check(workspace.pulumi(command));
        } finally {
            sampler.stop();
        }
        List<StubRecord.Call> calls = workspace.stubCalls().calls();
        EngineTimeline timeline = EngineTimeline.of(sampler.processes(), calls.subList(callsBefore, calls.size()));
        return new Figures(result.millis(), pulumiDurationMillis(result.stdout()), timeline);
    }

    private static long pulumiDurationMillis(String stdout) {
        Matcher m = DURATION.matcher(stdout);
        if (!m.find()) {
            return -1;
        }
        return ((m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 60) + Long.parseLong(m.group(2))) * 1000;
    }

    private static CliResult check(CliResult result) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException(result.describe());
        }
        return result;
    }

    /** One command's figures: its wall time, Pulumi's own duration (whole seconds; -1 when none) and its timeline. */
    record Figures(long wallMillis, long pulumiDurationMillis, EngineTimeline timeline) {

        static String median(List<Figures> runs) {
            return "wall " + PlanBench.median(runs.stream().map(Figures::wallMillis).toList()) + " ms, "
                    + EngineTimeline.medians(runs.stream().map(Figures::timeline).toList());
        }

        @Override
        public String toString() {
            return "wall " + wallMillis + " ms" + (pulumiDurationMillis < 0 ? "" : " (Pulumi: "
                    + pulumiDurationMillis / 1000 + " s)") + ", " + timeline;
        }
    }
}
