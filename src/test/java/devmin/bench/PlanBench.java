package devmin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures {@code ./devmin plan} and {@code ./devmin plan --against} as a user runs them — the wrapper, process start
 * to exit, N runs each after a warm-up (which also makes the wrapper's class-data archives), taking turns so that a
 * change of load hits each alike — and prints each run, the medians and the machine's load average (the figures mean
 * little on a busy machine). Given checkouts (each with its jar built), it runs each one's {@code ./devmin} in turn,
 * for a before/after comparison in one sitting:
 * {@code java -cp target/test-classes devmin.bench.PlanBench 7 [checkout ...]} after
 * {@code mvn -B -DskipTests package}.
 */
public final class PlanBench {

    private PlanBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        List<Path> trees = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            trees.add(Path.of(args[i]).toAbsolutePath());
        }
        if (trees.isEmpty()) {
            trees.add(Path.of("").toAbsolutePath());
        }
        Path out = Files.createTempDirectory("devmin-plan-bench");
        System.out.println("load average before: " + loadAverage());
        Map<Path, List<Long>> plain = new LinkedHashMap<>();
        Map<Path, List<Long>> diffed = new LinkedHashMap<>();
        List<String> against = null;
        for (Path tree : trees) {
            run(tree, "plan", "warm-up", out, List.of());
            against = against != null ? against : List.of("--against", firstSnapshot(out).toString());
            run(tree, "plan --against", "warm-up", out, against);
            plain.put(tree, new ArrayList<>());
            diffed.put(tree, new ArrayList<>());
        }
        for (int i = 1; i <= runs; i++) {
            for (Path tree : trees) {
                plain.get(tree).add(run(tree, "plan", "run " + i, out, List.of()));
                diffed.get(tree).add(run(tree, "plan --against", "run " + i, out, against));
            }
        }
        for (Path tree : trees) {
            long plainMedian = median(plain.get(tree));
            long againstMedian = median(diffed.get(tree));
            System.out.printf("%s: median of %d: plan %d ms; plan --against %d ms (%+d ms)%n", tree, runs,
                    plainMedian, againstMedian, againstMedian - plainMedian);
        }
        System.out.println("load average after: " + loadAverage());
    }

    private static long run(Path tree, String label, String which, Path out, List<String> extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(tree.resolve("devmin").toString(), "plan", "--out",
                out.toString()));
        command.addAll(extra);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(tree.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int exit = process.waitFor();
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit);
        }
        System.out.printf("%s %-15s %-8s %5d ms%n", tree.getFileName(), label, which, elapsed);
        return elapsed;
    }

    private static Path firstSnapshot(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(p -> p.getFileName().toString().equals("plan_snapshot.json")).sorted().findFirst()
                    .orElseThrow();
        }
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? Files.readString(loadavg).trim() : "unknown";
    }
}
