package devmin.realengine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes the window-history fixtures ({@code src/test/resources/devmin/window/}) from the real Pulumi CLI: runs
 * {@link WindowLife} on a fresh workspace and keeps what the CLI printed. The history is append-only (most recent
 * first), so the final {@code history.json} holds every step's history as its last N entries; {@code steps.json}
 * records, per step, N, what {@code pulumi stack ls --json} printed, and how {@code pulumi stack history} ended.
 * Run after {@code mvn -B test-compile} and {@code bash tools/pulumi-tools}, from the repository root:
 * {@code java -cp target/devmin.jar:target/test-classes:<test classpath> devmin.realengine.HistoryFixtureGenerator}
 * (the classpath from {@code mvn -q dependency:build-classpath -Dmdep.includeScope=test}).
 */
public final class HistoryFixtureGenerator {

    static final Path FIXTURES = Path.of("src", "test", "resources", "devmin", "window");

    private HistoryFixtureGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = args.length > 0 ? Path.of(args[0]) : FIXTURES;
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode manifest = json.createObjectNode();
        manifest.put("generated_at", Instant.now().toString());
        manifest.put("generator", HistoryFixtureGenerator.class.getName());
        ArrayNode steps = manifest.putArray("steps");
        String[] lastHistory = {"[]"};
        RealEngine engine = RealEngine.find().orElseThrow(() -> new IllegalStateException(RealEngine.whyUnavailable()));
        try (PulumiWorkspace workspace = PulumiWorkspace.ofCommittedProject(engine)) {
            WindowLife.live(workspace, step -> {
                ObjectNode entry = steps.addObject();
                entry.put("name", step.name());
                entry.put("description", step.description());
                entry.set("stack_ls", Json.parse(step.stackList().stdout()));
                entry.put("history_exit_code", step.history().exitCode());
                if (step.history().exitCode() == 0) {
                    entry.put("history_entries", Json.parse(step.history().stdout()).size());
                    lastHistory[0] = step.history().stdout();
                } else {
                    entry.put("history_stderr", step.history().stderr().strip());
                }
            });
            manifest.put("pulumi_version", workspace.pulumi("version").stdout().strip());
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("history.json"), lastHistory[0].strip() + "\n");
        Files.writeString(out.resolve("steps.json"), json.writeValueAsString(manifest) + "\n");
        System.out.println("wrote " + out.resolve("history.json") + " and " + out.resolve("steps.json"));
    }
}
