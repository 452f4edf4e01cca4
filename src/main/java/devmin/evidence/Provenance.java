package devmin.evidence;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What every verdict carries so that what ran can be named: tool version, git commit, stack, the pinned image, and
 * when the check started and finished.
 */
public record Provenance(String toolVersion, String gitCommit, String stack, String imageTag, String imageDigest,
                         Instant startedAt, Instant finishedAt) {

    public static Provenance start(Path projectDir, String stack, String imageTag, String imageDigest) {
        return start(projectDir, stack, imageTag, imageDigest, Instant.now());
    }

    /** Provenance of a run that began at {@code startedAt} (before its inputs were read). */
    public static Provenance start(Path projectDir, String stack, String imageTag, String imageDigest,
                                   Instant startedAt) {
        return new Provenance(ToolVersion.current(), gitCommit(projectDir), stack, imageTag, imageDigest,
                startedAt, startedAt);
    }

    public Provenance finished() {
        return new Provenance(toolVersion, gitCommit, stack, imageTag, imageDigest, startedAt, Instant.now());
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("tool", "devmin");
        node.put("tool_version", toolVersion);
        node.put("git_commit", gitCommit);
        node.put("stack", stack);
        node.put("image_tag", imageTag);
        node.put("image_digest", imageDigest);
        node.put("started_at", startedAt.toString());
        node.put("finished_at", finishedAt.toString());
        return node;
    }

    /** {@code GITHUB_SHA} in CI, else {@code git rev-parse HEAD}, else {@code unknown}. */
    static String gitCommit(Path projectDir) {
        return gitCommit(projectDir, System.getenv(), List.of("git", "rev-parse", "HEAD"));
    }

    /** @param git the command that prints the commit ({@code git rev-parse HEAD}) */
    static String gitCommit(Path projectDir, java.util.Map<String, String> env, List<String> git) {
        String ci = env.get("GITHUB_SHA");
        if (ci != null && ci.matches("[0-9a-f]{40}")) {
            return ci;
        }
        try {
            Process process = new ProcessBuilder(git).directory(projectDir.toFile()).redirectErrorStream(true).start();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "unknown";
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
