package devmin.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad --state and --snapshot files: a message naming the option, the file and what was expected; nothing written. */
class TeardownInputsTest {

    @Test
    void aStateFileThatDoesNotExistStopsTheSnapshotBeforeAnyCall(@TempDir Path out) throws Exception {
        CliRun run = CliRun.of("snapshot", "pre-destroy", "--state", out.resolve("missing.json").toString(), "--out",
                out.resolve("runs").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--state: got '" + out.resolve("missing.json") + "', expected a readable file");
        assertThat(Files.exists(out.resolve("runs"))).isFalse();
    }

    @Test
    void aStateThatIsNotJsonIsNamedByPlaceWithoutQuotingItsText(@TempDir Path out) throws Exception {
        Path state = Files.writeString(out.resolve("state.json"), "{\"deployment\": secret-looking-text}");

        CliRun run = CliRun.of("snapshot", "pre-destroy", "--state", state.toString(), "--out",
                out.resolve("runs").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--state: " + state + " is not JSON (line 1").doesNotContain("secret-looking");
        assertThat(Files.exists(out.resolve("runs"))).isFalse();
    }

    @Test
    void aSnapshotOfTheWrongKindStopsTheProofNamingTheKey(@TempDir Path out) throws Exception {
        Path snapshot = Files.writeString(out.resolve("proof.json"), "{\"schema\":\"devmin.teardown-proof/v1\"}");

        CliRun run = CliRun.of("verify-teardown", "--snapshot", snapshot.toString(), "--out",
                out.resolve("runs").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("schema: got 'devmin.teardown-proof/v1', expected"
                + " 'devmin.pre-destroy-snapshot/v1'");
        assertThat(Files.exists(out.resolve("runs"))).isFalse();
    }
}
