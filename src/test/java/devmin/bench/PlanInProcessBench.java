package devmin.bench;

import devmin.cli.DevminCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code devmin plan} N times in one JVM: the first run pays for class loading and compilation, the later ones show
 * what the plan itself costs once warm — the floor under {@code ./devmin plan} that no start-up work can remove. Run it
 * with the wrapper's JVM options to compare like with like:
 * <pre>java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp target/devmin.jar:target/test-classes \
 *     devmin.bench.PlanInProcessBench 15</pre>
 */
public final class PlanInProcessBench {

    private PlanInProcessBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path out = Files.createTempDirectory("devmin-plan-in-process");
        List<Long> warm = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            long start = System.nanoTime();
            int exit = DevminCommand.commandLine().execute("plan", "--format", "json", "--out", out.toString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (exit != 0) {
                throw new IllegalStateException("devmin plan exited " + exit);
            }
            System.err.printf("run %d: %d ms%n", i, millis);
            if (i > runs / 2) {
                warm.add(millis);
            }
        }
        System.err.printf("median of the last %d runs: %d ms%n", warm.size(), PlanBench.median(warm));
    }
}
