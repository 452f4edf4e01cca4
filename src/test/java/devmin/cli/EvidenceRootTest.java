package devmin.cli;

import devmin.testing.WindowFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command keeps its evidence under the project's {@code runs/} unless {@code --out} says otherwise, as
 * {@code plan} does: a window's verdicts and its certificate land in one tree wherever each command was started.
 */
class EvidenceRootTest {

    static final String STAMP = "20261130T120000Z";

    @Test
    void certifyWithoutOutReadsAndWritesTheProjectsRuns(@TempDir Path dir) throws IOException {
        Path project = WindowFixtures.project(Files.createDirectory(dir.resolve("project")));
        openedIn(project.resolve("runs"));

        CliRun run = CliRun.of("certify", "--phase", "open", "--project-dir", project.toString());

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(certificates(project.resolve("runs"))).hasSize(1);
    }

    @Test
    void outStillOverridesTheProjectsRuns(@TempDir Path dir) throws IOException {
        Path project = WindowFixtures.project(Files.createDirectory(dir.resolve("project")));
        Path elsewhere = dir.resolve("elsewhere");
        openedIn(elsewhere);

        CliRun run = CliRun.of("certify", "--phase", "open", "--project-dir", project.toString(), "--out",
                elsewhere.toString());

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(certificates(elsewhere)).hasSize(1);
        assertThat(project.resolve("runs")).doesNotExist();
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"plan", "preflight", "verify-iam", "readiness", "run", "budget-posture", "certify",
            "verify-teardown"})
    void everyCommandSaysWhereItsEvidenceGoes(String command) {
        CliRun help = CliRun.of(command, "--help");

        assertThat(help.stdout().replaceAll("\\s+", " "))
                .contains("Evidence root (default: <project-dir>/runs, whatever the current directory).");
    }

    @Test
    void snapshotPreDestroySaysWhereItsEvidenceGoes() {
        CliRun help = CliRun.of("snapshot", "pre-destroy", "--help");

        assertThat(help.stdout().replaceAll("\\s+", " ")).contains("default: <project-dir>/runs");
    }

    private static void openedIn(Path runs) throws IOException {
        for (String file : WindowFixtures.PHASE_FILES.subList(0, 5)) {
            Path folder = Files.createDirectories(runs.resolve("dev_min").resolve(file.substring(0, file.indexOf('/')))
                    .resolve(STAMP));
            String name = file.substring(file.indexOf('/') + 1);
            Files.writeString(folder.resolve(name), WindowFixtures.passingVerdict(name,
                    WindowFixtures.spec().image().digest()));
        }
    }

    private static java.util.List<Path> certificates(Path runs) throws IOException {
        try (Stream<Path> files = Files.walk(runs)) {
            return files.filter(f -> f.getFileName().toString().equals("certification_open.json")).toList();
        }
    }
}
