package devmin.rehearse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Pulumi CLI, the Java language host and the stub providers, as {@code tools/pulumi-tools} builds (or finds)
 * them offline: it prints {@code engine <dir>} and {@code stubs <dir>} on stdout and says everything else on stderr.
 *
 * @param engineBin the directory holding {@code pulumi} and {@code pulumi-language-java}
 * @param stubsBin  the directory holding the stub providers as {@code pulumi-resource-aws} and
 *                  {@code pulumi-resource-confluentcloud}
 */
public record EngineTools(Path engineBin, Path stubsBin) {

    static final String STEP = "tools";
    static final Path SCRIPT = Path.of("tools", "pulumi-tools");

    /** Runs the script of the project in {@code projectDir}; its progress goes to this process's stderr. */
    public static EngineTools build(Path projectDir) throws RehearsalException {
        Path script = projectDir.resolve(SCRIPT);
        if (!Files.isRegularFile(script)) {
            throw new RehearsalException(STEP, script + ": file not found (run from a devmin clone, or pass"
                    + " --project-dir)");
        }
        try {
            Process process = new ProcessBuilder("bash", script.toString()).directory(projectDir.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).redirectInput(ProcessBuilder.Redirect.from(
                            Path.of("/dev/null").toFile())).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(45, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new RehearsalException(STEP, SCRIPT + " did not finish within 45 minutes");
            }
            if (process.exitValue() != 0) {
                throw new RehearsalException(STEP, SCRIPT + " exited " + process.exitValue()
                        + " (its messages are above; it needs Go, or pulumi >= 3.255 with pulumi-language-java on"
                        + " PATH)");
            }
            return new EngineTools(directory(out, "engine"), directory(out, "stubs"));
        } catch (IOException e) {
            throw new RehearsalException(STEP, "could not run bash " + script + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RehearsalException(STEP, "interrupted while " + SCRIPT + " ran");
        }
    }

    static Path directory(String out, String label) throws RehearsalException {
        List<Path> found = out.lines().filter(l -> l.startsWith(label + " "))
                .map(l -> Path.of(l.substring(label.length() + 1).trim())).toList();
        if (found.isEmpty()) {
            throw new RehearsalException(STEP, SCRIPT + " printed no '" + label + " <dir>' line");
        }
        return found.get(0);
    }
}
