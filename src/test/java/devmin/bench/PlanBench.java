package devmin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures {@code ./devmin plan} and {@code ./devmin plan --against} as a user runs them — the wrapper, process start
 * to exit, N runs each after a warm-up, alternating so that a change of load hits both alike — and prints each run,
 * the medians and the machine's load average (the figures mean little on a busy machine):
 * {@code java -cp target/test-classes devmin.bench.PlanBench 7} from the project root after
 * {@code mvn -B -DskipTests package}.
 */
public final class PlanBench {

    private PlanBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path out = Files.createTempDirectory("devmin-plan-bench");
        System.out.println("load average before: " + loadAverage());
        run("plan", "warm-up", out, List.of());
        List<String> against = List.of("--against", firstSnapshot(out).toString());
        run("plan --against", "warm-up", out, against);
        List<Long> plain = new ArrayList<>();
        List<Long> diffed = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            plain.add(run("plan", "run " + i, out, List.of()));
            diffed.add(run("plan --against", "run " + i, out, against));
        }
        long plainMedian = median(plain);
        long againstMedian = median(diffed);
        System.out.printf("median of %d: plan %d ms; plan --against %d ms (%+d ms)%n", runs, plainMedian,
                againstMedian, againstMedian - plainMedian);
        System.out.println("load average after: " + loadAverage());
    }

    private static long run(String label, String which, Path out, List<String> extra) throws Exception {
        List<String> command = new ArrayList<>(List.of("./devmin", "plan", "--out", out.toString()));
        command.addAll(extra);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int exit = process.waitFor();
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit);
        }
        System.out.printf("%-15s %-8s %5d ms%n", label, which, elapsed);
        return elapsed;
    }

    private static Path firstSnapshot(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(p -> p.getFileName().toString().equals("plan_snapshot.json")).sorted().findFirst()
                    .orElseThrow();
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? Files.readString(loadavg).trim() : "unknown";
    }
}
