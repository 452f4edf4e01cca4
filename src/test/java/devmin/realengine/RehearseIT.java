package devmin.realengine;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code devmin rehearse} as a new user runs it, from the built jar on the repository's project: the whole window
 * cycle under the real CLI with each step and its time printed, nothing left in the user's home or the temporary
 * directory; and a config the program rejects stops the rehearsal at the step that met it, named.
 */
class RehearseIT {

    static final List<String> STEPS = List.of("tools", "stack init", "preview with the policy pack", "up",
            "window status (open)", "policy check on the stack export", "destroy --exclude-protected",
            "window status (closed)");
    static final String CANARY = "canary-aws-secret-rehearse-5d1e";

    @Test
    void aFreshRehearsalOpensAndClosesTheWindowAndPrintsEveryStepWithItsTime() throws IOException {
        RealEngine.require();
        Path home = Files.createTempDirectory("devmin-rehearse-home");
        Path tmp = Files.createTempDirectory("devmin-rehearse-tmp");

        CliResult result = rehearse(PulumiWorkspace.REPOSITORY, home, tmp);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        for (String step : STEPS) {
            assertThat(result.stdout()).as(step).containsPattern("(?m)^  " + Pattern.quote(step)
                    + " +\\d+\\.\\d s  \\S");
        }
        assertThat(result.stdout()).containsPattern("(?m)^  up +\\d+\\.\\d s  \\+ \\d+ created$")
                .contains("window open, decision none").contains("window closed, decision none")
                .contains("17/17 rules passed").contains("No cloud was touched");
        assertThat(home.resolve(".pulumi")).as("the user's ~/.pulumi").doesNotExist();
        assertThat(listed(tmp)).as("the throwaway directory is deleted").isEmpty();
        assertThat(result.output()).doesNotContain(CANARY);
    }

    @Test
    void aConfigTheProgramRejectsStopsAtThePreviewNamingIt() throws IOException {
        RealEngine.require();
        Path project = Files.createTempDirectory("devmin-rehearse-project");
        for (String file : List.of("Pulumi.yaml", "policies", "tools")) {
            Files.createSymbolicLink(project.resolve(file), PulumiWorkspace.REPOSITORY.resolve(file));
        }
        Files.createDirectories(project.resolve("target"));
        Files.createSymbolicLink(project.resolve("target").resolve("devmin.jar"), PulumiWorkspace.JAR);
        Files.createSymbolicLink(project.resolve("target").resolve("tools"),
                PulumiWorkspace.REPOSITORY.resolve("target").resolve("tools"));
        Files.writeString(project.resolve("Pulumi.dev-min.yaml"), Files.readString(PulumiWorkspace.REPOSITORY
                .resolve("Pulumi.dev-min.yaml")).replace("aws:region: eu-west-2", "aws:region: London"));

        CliResult result = rehearse(project, Files.createTempDirectory("devmin-rehearse-home"),
                Files.createTempDirectory("devmin-rehearse-tmp"));

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stderr()).contains("step 'preview with the policy pack' failed")
                .contains("aws:region: got 'London'").contains("No cloud was touched");
        assertThat(result.stdout()).doesNotContainPattern("(?m)^  up ");
    }

    /**
     * The pack's directory, as Pulumi users pass it, starts the pack through the Java language host (before
     * {@code policies/pack-via-mvn-executor} it failed with "could not find ./sbt, sbt on the $PATH").
     */
    @Test
    void thePolicyPackDirectoryWorksAsWellAsItsExecutable() {
        try (PulumiWorkspace workspace = PulumiWorkspace.ofCommittedProject(RealEngine.require())) {
            CommittedStackIT.succeeded(workspace.pulumi("stack", "init", "dev-min"));
            CommittedStackIT.succeeded(workspace.pulumi("config", "set", "--secret", "devmin:igApiKey", CANARY));

            CliResult preview = workspace.pulumi("preview", "--policy-pack", "policies", "--policy-pack-config",
                    "policies/policy-config.json");

            assertThat(preview.exitCode()).as(preview.describe()).isZero();
            assertThat(preview.stdout()).contains("devmin-policies@v1.0.0 (local: policies)")
                    .doesNotContain(CANARY);
        }
    }

    /** The built jar's {@code rehearse}, with a home and temporary directory of the test's own and a canary key set. */
    static CliResult rehearse(Path project, Path home, Path tmp) {
        List<String> command = new ArrayList<>(List.of(PulumiWorkspace.javaBinary(), "-Djava.io.tmpdir=" + tmp,
                "-jar", PulumiWorkspace.JAR.toString(), "rehearse", "--project-dir", project.toString()));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
            Map<String, String> env = builder.environment();
            env.put("HOME", home.toString());
            env.put("AWS_ACCESS_KEY_ID", "AKIAREHEARSECANARY01");
            env.put("AWS_SECRET_ACCESS_KEY", CANARY);
            Path out = tmp.resolveSibling(tmp.getFileName() + ".out");
            Path err = tmp.resolveSibling(tmp.getFileName() + ".err");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            long started = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(20, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("devmin rehearse did not finish within 20 minutes");
            }
            return new CliResult(command, process.exitValue(), Files.readString(out), Files.readString(err),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<Path> listed(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
