package stacks.spec;

import devmin.cli.CliRun;
import devmin.engine.StackConfig;
import devmin.engine.StackFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.editLane;
import static devmin.testing.Fixtures.laneIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A value error read from a stack file points at its line and names a lane or topic by its name, not by its index;
 * one that came from no file (the Pulumi engine's config) names the key the same way, without a line.
 */
class ConfigPositionsTest {

    private static Path project(Path dir, UnaryOperator<String> edit) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        String committed = Files.readString(Path.of("Pulumi.dev-min.yaml"));
        String edited = edit.apply(committed);
        assertThat(edited).as("the edit applies to the committed file").isNotEqualTo(committed);
        Files.writeString(dir.resolve("Pulumi.dev-min.yaml"), edited);
        return dir;
    }

    /** The line (from 1) of the first line of the file that contains {@code text}. */
    private static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + text);
    }

    private static List<SpecError> errorsOf(Path dir) throws Exception {
        StackConfig config = StackFiles.load(dir, "dev-min")
                .with("devmin:igApiKey", StackFiles.placeholder("ciphertext"));
        return catchThrowableOfType(InvalidSpecException.class,
                () -> SpecParser.parse(config.source(), "devmin", "dev-min")).errors();
    }

    @Test
    void planPointsAMisspeltLaneFieldAtItsLineAndNamesTheLane(@TempDir Path dir) throws Exception {
        Path project = project(dir, s -> s.replace("ingressPort: 8080", "ingresPort: 8080"));
        Path file = project.resolve("Pulumi.dev-min.yaml");

        CliRun plan = CliRun.of("plan", "--project-dir", project.toString(), "--out", dir.resolve("runs").toString());

        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.stderr()).contains(file.normalize() + ":" + lineOf(file, "ingresPort: 8080")
                + ": devmin:lanes[ig].ingresPort: got <unknown key>, expected a field of devmin:lanes[ig]; did you mean"
                + " ingressPort?");
        assertThat(plan.stderr()).doesNotContain("lanes[" + laneIndex(committedConfig(), "ig") + "]");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void aValueErrorIsAtTheLineOfItsKey(@TempDir Path dir) throws Exception {
        Path file = project(dir, s -> s.replace("ingressPort: 8081", "ingressPort: 80810")).resolve("Pulumi.dev-min.yaml");

        assertThat(errorsOf(dir)).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("devmin:lanes[cm].ingressPort");
            assertThat(e.position()).isEqualTo(file.normalize() + ":" + lineOf(file, "ingressPort: 80810"));
            assertThat(e.describe()).isEqualTo(file.normalize() + ":" + lineOf(file, "ingressPort: 80810")
                    + ": devmin:lanes[cm].ingressPort: got '80810', expected a whole number from 1 to 65535");
        });
    }

    @Test
    void aMissingFieldIsAtTheLineOfItsObject(@TempDir Path dir) throws Exception {
        Path file = project(dir, s -> s.replace("      command: [\"python\", \"-m\", \"fraud_platform.ingress.gateway\"]\n",
                "")).resolve("Pulumi.dev-min.yaml");

        assertThat(errorsOf(dir)).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("devmin:lanes[ig].command");
            assertThat(e.position()).isEqualTo(file.normalize() + ":" + lineOf(file, "- name: ig"));
        });
    }

    @Test
    void aTopicInFlowStyleIsNamedAndAtItsLine(@TempDir Path dir) throws Exception {
        Path file = project(dir, s -> s.replace("{name: rtdl.features.v1, partitions: 3",
                "{name: rtdl.features.v1, partitions: 0")).resolve("Pulumi.dev-min.yaml");

        assertThat(errorsOf(dir)).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("devmin:topics[rtdl.features.v1].partitions");
            assertThat(e.position()).isEqualTo(file.normalize() + ":" + lineOf(file, "rtdl.features.v1, partitions: 0"));
        });
    }

    @Test
    void anElementWithoutAValidNameKeepsItsIndex(@TempDir Path dir) throws Exception {
        Path file = project(dir, s -> s.replace("- name: ig\n", "- name: Ig\n")).resolve("Pulumi.dev-min.yaml");
        int ig = laneIndex(committedConfig(), "ig");

        assertThat(errorsOf(dir)).extracting(SpecError::describe).contains(file.normalize() + ":"
                + lineOf(file, "- name: Ig") + ": devmin:lanes[" + ig + "].name: got 'Ig', expected "
                + Patterns.LANE_NAME_TEXT);
    }

    @Test
    void configFromNoFileNamesTheLaneWithoutALine() {
        StackConfig fromEngine = editLane(committedConfig(), laneIndex(committedConfig(), "ig"),
                l -> l.put("cpu", 300));

        InvalidSpecException error = catchThrowableOfType(InvalidSpecException.class, () -> SpecParser.parse(
                ConfigSource.of(fromEngine.values(), fromEngine.secretKeys()), "devmin", "dev-min"));

        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.position()).isEmpty();
            assertThat(e.describe()).startsWith("devmin:lanes[ig].cpu: got '300', expected Fargate cpu units");
        });
    }
}
