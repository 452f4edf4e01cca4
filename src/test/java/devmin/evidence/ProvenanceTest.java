package devmin.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What ran is named: the commit from CI, else from git, else "unknown", never a guess. */
class ProvenanceTest {

    static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    static final List<String> GIT = List.of("git", "rev-parse", "HEAD");

    static List<String> prints(String text, int exit) {
        return List.of("sh", "-c", "echo " + text + "; exit " + exit);
    }

    @Test
    void ciNamesTheCommit() {
        assertThat(Provenance.gitCommit(Path.of("."), Map.of("GITHUB_SHA", SHA), prints("x", 1))).isEqualTo(SHA);
    }

    @Test
    void aMalformedCiShaIsIgnoredForGit() {
        String other = "fedcba9876543210fedcba9876543210fedcba98";
        assertThat(Provenance.gitCommit(Path.of("."), Map.of("GITHUB_SHA", "main"), prints(other, 0))).isEqualTo(other);
    }

    @Test
    void onlyAFullShaFromASucceedingGitCounts() {
        assertThat(Provenance.gitCommit(Path.of("."), Map.of(), prints(SHA, 1))).isEqualTo("unknown");
        assertThat(Provenance.gitCommit(Path.of("."), Map.of(), prints("not-a-sha", 0))).isEqualTo("unknown");
        assertThat(Provenance.gitCommit(Path.of("."), Map.of(), List.of("/nonexistent/git"))).isEqualTo("unknown");
    }

    @Test
    void aGitThatHangsIsUnknownAfterTwoSeconds() {
        assertThat(Provenance.gitCommit(Path.of("."), Map.of(), List.of("sh", "-c", "sleep 10"))).isEqualTo("unknown");
    }

    @Test
    void outsideARepositoryTheCommitIsUnknown(@TempDir Path notARepository) {
        assertThat(Provenance.gitCommit(notARepository, Map.of(), GIT)).isEqualTo("unknown");
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

    @Test
    void theCommitIsReadFromTheEnvironmentOrGitNeverLeftBlank(@TempDir Path notARepository) {
        String commit = Provenance.start(notARepository, "dev-min", "git-1", "sha256:1").gitCommit();
        String ci = System.getenv("GITHUB_SHA");
        if (ci != null && ci.matches("[0-9a-f]{40}")) {
            assertThat(commit).isEqualTo(ci);
        } else {
            assertThat(commit).isEqualTo("unknown");
        }
    }

    @Test
    void startingNowStampsStartAndFinishAlike() {
        Instant before = Instant.now();
        Provenance provenance = Provenance.start(Path.of("."), "dev-min", "git-1", "sha256:1");

        assertThat(provenance.startedAt()).isBetween(before, Instant.now());
        assertThat(provenance.finishedAt()).isEqualTo(provenance.startedAt());
        assertThat(provenance.stack()).isEqualTo("dev-min");
    }

    @Test
    void anInterruptedWaitIsUnknownAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThat(Provenance.gitCommit(Path.of("."), Map.of(), List.of("sh", "-c", "sleep 10"))).isEqualTo("unknown");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
