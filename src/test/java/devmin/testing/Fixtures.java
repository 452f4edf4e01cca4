package devmin.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.engine.EmbeddedEngine;
import devmin.engine.EngineRun;
import devmin.engine.StackConfig;
import devmin.engine.StackFiles;
import stacks.DevminProgram;

import java.nio.file.Path;
import java.util.function.Consumer;

/** The committed dev-min stack config, and ways to bend it for a test. */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StackConfig committed;

    private Fixtures() {
    }

    /**
     * The committed stack as a user has it after {@code pulumi config set --secret devmin:igApiKey}: the committed
     * file is a template that holds no secret, so the plan placeholder of a set secret stands in for it.
     */
    public static synchronized StackConfig committedConfig() {
        if (committed == null) {
            try {
                StackConfig template = StackFiles.load(Path.of("."), "dev-min");
                committed = template.with("devmin:igApiKey", StackFiles.placeholder("ciphertext-of-the-ig-api-key"));
            } catch (StackFiles.StackFileException e) {
                throw new IllegalStateException(e);
            }
        }
        return committed;
    }

    /**
     * The committed config with every example value of the file (its {@code # REPLACE} lines, see
     * {@code stacks.spec.Placeholders}) replaced, as a user has it after filling it in.
     */
    public static StackConfig filledIn(StackConfig config) {
        StackConfig account = config.with("devmin:awsAccountId", "210987654321");
        StackConfig budget = editObject(account, "devmin:budget", b -> b.set("recipients",
                array("platform-alerts@fraud-team.io")));
        return editObject(budget, "devmin:ci", ci -> ci.put("repository", "fraud-team/fraud-platform")
                .put("githubOwnerId", 4711).put("githubRepoId", 815));
    }

    /** The committed stack file's text with every example value replaced, as {@link #filledIn} does to the config. */
    public static String filledInFile(String committed) {
        return committed.replace("\"123456789012\"", "\"210987654321\"")
                .replace("platform-alerts@example.com", "platform-alerts@fraud-team.io")
                .replace("example-org/fraud-platform", "fraud-team/fraud-platform")
                .replace("githubOwnerId: 10000001", "githubOwnerId: 4711")
                .replace("githubRepoId: 20000002", "githubRepoId: 815");
    }

    /** A copy of the config with the JSON value at {@code key} changed by {@code edit}. */
    public static StackConfig editJson(StackConfig config, String key, Consumer<JsonNode> edit) {
        try {
            JsonNode node = JSON.readTree(config.values().get(key));
            edit.accept(node);
            return config.with(key, JSON.writeValueAsString(node));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Edit the lane at {@code index} of {@code devmin:lanes}. */
    public static StackConfig editLane(StackConfig config, int index, Consumer<ObjectNode> edit) {
        return editJson(config, "devmin:lanes", lanes -> edit.accept((ObjectNode) lanes.get(index)));
    }

    public static StackConfig editTopic(StackConfig config, int index, Consumer<ObjectNode> edit) {
        return editJson(config, "devmin:topics", topics -> edit.accept((ObjectNode) topics.get(index)));
    }

    public static StackConfig editObject(StackConfig config, String key, Consumer<ObjectNode> edit) {
        return editJson(config, key, node -> edit.accept((ObjectNode) node));
    }

    public static ArrayNode array(String... values) {
        ArrayNode array = JSON.createArrayNode();
        for (String v : values) {
            array.add(v);
        }
        return array;
    }

    public static int laneIndex(StackConfig config, String name) {
        try {
            JsonNode lanes = JSON.readTree(config.values().get("devmin:lanes"));
            for (int i = 0; i < lanes.size(); i++) {
                if (lanes.get(i).path("name").asText().equals(name)) {
                    return i;
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException("no lane " + name);
    }

    public static EngineRun preview(StackConfig config) {
        return EmbeddedEngine.run(config, true, DevminProgram::define);
    }
}
