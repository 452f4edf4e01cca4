package devmin.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Evidence folders are never reused: a run in the same second takes the next suffix, up to a hundred of them. */
class EvidenceDirectoryTest {

    static final Instant AT = Instant.parse("2026-11-30T22:05:09Z");

    @Test
    void aHundredRunsInOneSecondEachGetTheirOwnFolderAndTheNextIsRefused(@TempDir Path root) throws IOException {
        for (int run = 0; run < 100; run++) {
            EvidenceDirectory folder = EvidenceDirectory.create(root, "dev_min", "teardown", AT);
            String expected = run == 0 ? "20261130T220509Z" : "20261130T220509Z-" + run;
            assertThat(folder.key()).isEqualTo("dev_min/teardown/" + expected);
            assertThat(folder.path()).isEqualTo(root.resolve("dev_min/teardown").resolve(expected)).isDirectory();
        }

        assertThatThrownBy(() -> EvidenceDirectory.create(root, "dev_min", "teardown", AT))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no free evidence folder")
                .hasMessageContaining("20261130T220509Z");
        try (var folders = Files.list(root.resolve("dev_min/teardown"))) {
            assertThat(folders.count()).isEqualTo(100);
        }
    }

    @Test
    void anotherSecondOrPhaseStartsItsOwnSequence(@TempDir Path root) throws IOException {
        EvidenceDirectory.create(root, "dev_min", "plan", AT);

        assertThat(EvidenceDirectory.create(root, "dev_min", "plan", AT.plusSeconds(1)).key())
                .isEqualTo("dev_min/plan/20261130T220510Z");
        assertThat(EvidenceDirectory.create(root, "dev_min", "verify-iam", AT).key())
                .isEqualTo("dev_min/verify-iam/20261130T220509Z");
    }
}
