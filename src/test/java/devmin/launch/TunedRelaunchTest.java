package devmin.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TunedRelaunchTest {

    @Test
    void neverRelaunchesTheAnalyzerTheProgramOrWhenTurnedOff() {
        assertThat(TunedRelaunch.relaunch(new String[]{"analyzer"}, Map.of())).isEmpty();
        assertThat(TunedRelaunch.relaunch(new String[]{}, Map.of())).isEmpty();
        assertThat(TunedRelaunch.relaunch(new String[]{"plan"}, Map.of("DEVMIN_NO_RELAUNCH", "1"))).isEmpty();
    }

    @Test
    void aStaleArchiveIsRecreatedAndAFreshOneUsed(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("devmin.jar"), "jar");
        Path archive = Files.writeString(dir.resolve("devmin.jsa"), "old");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-02-01T00:00:00Z")));

        assertThat(TunedRelaunch.archiveOption(jar)).isEqualTo("-XX:ArchiveClassesAtExit=" + archive);
        assertThat(archive).doesNotExist();

        Files.writeString(archive, "new");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-03-01T00:00:00Z")));
        assertThat(TunedRelaunch.archiveOption(jar)).isEqualTo("-XX:SharedArchiveFile=" + archive);
    }
}
