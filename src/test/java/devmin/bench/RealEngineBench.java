package devmin.bench;

import devmin.realengine.CliResult;
import devmin.realengine.PulumiWorkspace;
import devmin.realengine.RealEngine;
import devmin.realengine.StubRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pulumi preview} of the committed stack under the real engine: wall time, and the program phase — from the
 * moment the CLI starts the Java language host to the last resource registration (the last provider Check the stub
 * providers recorded). One warm-up run, then the median of N.
 *
 * <pre>java -cp target/devmin.jar:target/test-classes devmin.bench.RealEngineBench [runs]</pre>
 */
public final class RealEngineBench {

    private RealEngineBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        RealEngine engine = RealEngine.find().orElseThrow(() -> new IllegalStateException(
                "the real engine is unavailable: " + RealEngine.whyUnavailable()));
        try (PulumiWorkspace workspace = PulumiWorkspace.ofCommittedProject(engine)) {
            Path wrapper = Files.createTempDirectory("devmin-bench-host");
            Path starts = wrapper.resolve("host-starts.txt");
            Path script = wrapper.resolve("pulumi-language-java");
            Files.writeString(script, "#!/usr/bin/env bash\ndate +%s%N >> \"$DEVMIN_BENCH_HOST_STARTS\"\nexec \""
                    + engine.engineBin().resolve("pulumi-language-java") + "\" \"$@\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            workspace.withPathFirst(wrapper).withEnvironment("DEVMIN_BENCH_HOST_STARTS", starts.toString());
            check(workspace.pulumi("stack", "init", "dev-min"));
            check(workspace.pulumi("config", "set", "--secret", "devmin:igApiKey", "bench-only-value"));
            check(workspace.pulumi("preview")); // warm-up: also creates the class-data archive beside the jar

            List<Long> walls = new ArrayList<>();
            List<Long> phases = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Files.deleteIfExists(starts);
                int before = workspace.stubCalls().calls().size();
                CliResult preview = check(workspace.pulumi("preview"));
                long hostStart = Long.parseLong(Files.readAllLines(starts).get(0).trim());
                List<StubRecord.Call> calls = workspace.stubCalls().calls();
                long lastRegistration = calls.subList(before, calls.size()).stream()
                        .filter(c -> c.method().equals("Check")).mapToLong(StubRecord.Call::endNanos).max()
                        .orElseThrow();
                long phase = (lastRegistration - hostStart) / 1_000_000;
                walls.add(preview.millis());
                phases.add(phase);
                System.out.printf("run %d: preview wall %d ms, program phase %d ms%n", i + 1, preview.millis(), phase);
            }
            System.out.printf("median of %d: preview wall %d ms, program phase %d ms%n", runs, median(walls),
                    median(phases));
        }
    }

    private static CliResult check(CliResult result) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException(result.describe());
        }
        return result;
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
