package devmin.bench;

import devmin.engine.StackConfig;
import devmin.testing.FakePulumiEngine;
import devmin.testing.Fixtures;
import devmin.testing.LanguageHost;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures the program phase as the Pulumi language host runs it — process start to exit, every registration of the
 * committed dev-min stack against the in-test engine — and prints each run and the median:
 * {@code java -cp target/devmin.jar:target/test-classes devmin.bench.ProgramStartupBench 5}.
 */
public final class ProgramStartupBench {

    private ProgramStartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean dryRun = args.length <= 1 || Boolean.parseBoolean(args[1]);
        StackConfig config = Fixtures.committedConfig().with("devmin:igApiKey", "bench-secret");
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            try (FakePulumiEngine engine = new FakePulumiEngine("devmin", "dev-min", dryRun)) {
                LanguageHost.Result result = LanguageHost.run(engine, config, dryRun);
                if (result.exitCode() != 0) {
                    throw new IllegalStateException("program failed: " + result.stderr());
                }
                String label = i == 0 ? "warm-up" : "run " + i;
                System.out.printf("%-8s %5d ms, %d registrations%n", label, result.millis(), engine.registrations.size());
                if (i > 0) {
                    millis.add(result.millis());
                }
            }
        }
        millis.sort(Long::compare);
        System.out.printf("median of %d (%s): %d ms%n", runs, dryRun ? "preview" : "update", millis.get(millis.size() / 2));
    }
}
