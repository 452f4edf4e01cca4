package devmin.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What ran is named: the commit from CI, else from git, else "unknown", never a guess. */
class ProvenanceTest {

    static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void ciNamesTheCommit() {
        assertThat(Provenance.gitCommit(Path.of("."), Map.of("GITHUB_SHA", SHA))).isEqualTo(SHA);
    }

    @Test
    void aMalformedCiShaIsIgnoredForGit() {
        assertThat(Provenance.gitCommit(Path.of("."), Map.of("GITHUB_SHA", "main"))).matches("[0-9a-f]{40}|unknown")
                .isNotEqualTo("main");
    }

    @Test
    void outsideARepositoryTheCommitIsUnknown(@TempDir Path notARepository) {
        assertThat(Provenance.gitCommit(notARepository, Map.of())).isEqualTo("unknown");
    }

    @Test
    void finishingKeepsTheStartAndEveryFieldIsWritten() throws Exception {
        Instant start = Instant.parse("2026-11-30T10:00:00Z");
        Provenance provenance = Provenance.start(Path.of("."), "dev-min", "git-1", "sha256:1", start);
        Thread.sleep(5);
        Provenance finished = provenance.finished();

        assertThat(finished.startedAt()).isEqualTo(start);
        assertThat(finished.finishedAt()).isAfter(start);
        var json = finished.toJson();
        assertThat(json.get("tool").asText()).isEqualTo("devmin");
        assertThat(json.get("stack").asText()).isEqualTo("dev-min");
        assertThat(json.get("image_tag").asText()).isEqualTo("git-1");
        assertThat(json.get("image_digest").asText()).isEqualTo("sha256:1");
        assertThat(json.get("started_at").asText()).isEqualTo("2026-11-30T10:00:00Z");
        assertThat(json.get("git_commit").asText()).isEqualTo(finished.gitCommit());
        assertThat(json.get("tool_version").asText()).isNotBlank();
    }
}
