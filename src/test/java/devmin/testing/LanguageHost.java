package devmin.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import devmin.engine.StackConfig;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts the built jar as the Pulumi Java language host does: {@code java -jar target/devmin.jar}, engine env set. */
public final class LanguageHost {

    public static final Path JAR = Path.of("target", "devmin.jar");

    public record Result(int exitCode, String stdout, String stderr, long millis) {
    }

    private LanguageHost() {
    }

    public static Result run(FakePulumiEngine engine, StackConfig config, boolean dryRun) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", JAR.toString());
        Map<String, String> env = builder.environment();
        env.put("PULUMI_MONITOR", engine.address());
        env.put("PULUMI_ENGINE", engine.address());
        env.put("PULUMI_PROJECT", config.project());
        env.put("PULUMI_STACK", config.stack());
        env.put("PULUMI_ORGANIZATION", "organization");
        env.put("PULUMI_DRY_RUN", String.valueOf(dryRun));
        env.put("PULUMI_CONFIG", json.writeValueAsString(config.values()));
        env.put("PULUMI_CONFIG_SECRET_KEYS", json.writeValueAsString(List.copyOf(config.secretKeys())));
        String childOptions = System.getProperty("devmin.bench.javaToolOptions", "");
        if (!childOptions.isBlank()) {
            env.put("JAVA_TOOL_OPTIONS", childOptions); // what a user can export where pulumi runs
        }
        File out = Files.createTempFile("devmin-stdout", ".txt").toFile();
        File err = Files.createTempFile("devmin-stderr", ".txt").toFile();
        builder.redirectOutput(out).redirectError(err);
        long started = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the program did not finish within 180 s");
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Result(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()), millis);
    }

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
