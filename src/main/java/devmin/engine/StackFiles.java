package devmin.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code Pulumi.yaml} (project name, config defaults) and {@code Pulumi.<stack>.yaml} (stack config) the way the
 * Pulumi CLI resolves them for the program. {@code secure:} values are never decrypted: the program receives
 * {@link #SECRET_PLACEHOLDER}, marked secret, so a plan shows their shape and never their value.
 */
public final class StackFiles {

    public static final String SECRET_PLACEHOLDER = "devmin-plan-secret-placeholder";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private StackFiles() {
    }

    /** Thrown when a project or stack file is missing or malformed; the message names the file and the problem. */
    public static final class StackFileException extends Exception {
        public StackFileException(String message) {
            super(message);
        }
    }

    public static StackConfig load(Path projectDir, String stack) throws StackFileException {
        JsonNode project = read(projectDir.resolve("Pulumi.yaml"));
        String projectName = project.path("name").asText("");
        if (projectName.isEmpty()) {
            throw new StackFileException(projectDir.resolve("Pulumi.yaml") + ": 'name' is missing");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> secrets = new HashSet<>();
        project.path("config").fields().forEachRemaining(entry -> {
            JsonNode declaration = entry.getValue();
            JsonNode value = declaration.isObject()
                    ? (declaration.has("value") ? declaration.get("value") : declaration.get("default"))
                    : declaration;
            if (value != null && !value.isNull()) {
                values.put(qualify(projectName, entry.getKey()), text(value));
            }
        });
        Path stackFile = projectDir.resolve("Pulumi." + stack + ".yaml");
        JsonNode stackConfig = read(stackFile).path("config");
        for (Iterator<Map.Entry<String, JsonNode>> it = stackConfig.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = qualify(projectName, entry.getKey());
            JsonNode value = entry.getValue();
            if (value.isObject() && value.size() == 1 && value.has("secure")) {
                values.put(key, SECRET_PLACEHOLDER);
                secrets.add(key);
            } else {
                values.put(key, text(value));
            }
        }
        return new StackConfig(projectName, stack, values, secrets);
    }

    private static JsonNode read(Path file) throws StackFileException {
        if (!Files.isRegularFile(file)) {
            throw new StackFileException(file + ": file not found");
        }
        try {
            JsonNode node = YAML.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new StackFileException(file + ": expected a YAML mapping at the top level");
            }
            return node;
        } catch (IOException e) {
            throw new StackFileException(file + ": not valid YAML (" + firstLine(e.getMessage()) + ")");
        }
    }

    private static String qualify(String project, String key) {
        return key.contains(":") ? key : project + ":" + key;
    }

    /** Scalars as their text, structures as JSON: what the language host passes in PULUMI_CONFIG. */
    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}
