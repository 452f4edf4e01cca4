package devmin.realengine;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Where the real Pulumi engine comes from: {@code tools/pulumi-tools} builds the Pulumi CLI and the Java language
 * host from their Go modules (or finds a suitable {@code pulumi} on PATH) and builds the stub providers. Without
 * them the real-engine suite cannot run: outside CI it is skipped, loudly; in CI ({@code CI=true}) it fails.
 *
 * @param engineBin the directory holding {@code pulumi} and {@code pulumi-language-java}
 * @param stubsBin  the directory holding the stub providers as {@code pulumi-resource-aws} and
 *                  {@code pulumi-resource-confluentcloud}
 */
public record RealEngine(Path engineBin, Path stubsBin) {

    static final Path SCRIPT = Path.of("tools", "pulumi-tools");

    private static RealEngine found;
    private static String unavailable;

    /** The tools, built once per JVM, or empty when they cannot be had ({@link #whyUnavailable()} says why). */
    public static synchronized java.util.Optional<RealEngine> find() {
        if (found == null && unavailable == null) {
            locate();
        }
        return java.util.Optional.ofNullable(found);
    }

    public static synchronized String whyUnavailable() {
        return unavailable == null ? "" : unavailable;
    }

    /** The tools; skips (or in CI fails) the calling test when they cannot be had. */
    public static RealEngine require() {
        java.util.Optional<RealEngine> engine = find();
        if (engine.isPresent()) {
            return engine.get();
        }
        String message = "REAL-ENGINE SUITE NOT RUN: " + whyUnavailable() + " — install Go 1.26 (and run `bash "
                + SCRIPT + "`), or put pulumi >= 3.255 with pulumi-language-java on PATH and install Go for the stub"
                + " providers";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + " (CI=true: the real-engine suite may never be skipped)");
        }
        System.err.println("\n" + "!".repeat(100) + "\n" + message + "\n" + "!".repeat(100) + "\n");
        Assumptions.abort(message);
        throw new IllegalStateException("unreachable");
    }

    private static void locate() {
        try {
            Process process = new ProcessBuilder("bash", SCRIPT.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(45, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                unavailable = SCRIPT + " did not finish within 45 minutes";
                return;
            }
            if (process.exitValue() != 0) {
                unavailable = SCRIPT + " exited " + process.exitValue() + " (see its messages above)";
                return;
            }
            found = new RealEngine(directory(out, "engine"), directory(out, "stubs"));
        } catch (IOException e) {
            unavailable = "could not run " + SCRIPT + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable = "interrupted while building the tools";
        }
    }

    private static Path directory(String out, String label) {
        return out.lines().filter(l -> l.startsWith(label + " ")).map(l -> Path.of(l.substring(label.length() + 1)))
                .findFirst().orElseThrow(() -> new IllegalStateException(SCRIPT + " printed no '" + label
                        + " <dir>' line: " + out));
    }
}
