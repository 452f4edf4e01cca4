package devmin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the handle registry from the JSON of {@code pulumi stack output --json}: its {@code handles} object. */
final class StackOutputs {

    private StackOutputs() {
    }

    /** @throws IllegalArgumentException naming the file and what was expected when it is not such a document */
    static Map<String, String> handles(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            JsonNode handles = root == null ? null : root.get("handles");
            if (handles == null || !handles.isObject()) {
                throw new IllegalArgumentException(file + ": expected the JSON of 'pulumi stack output --json' with a"
                        + " 'handles' object");
            }
            Map<String, String> out = new LinkedHashMap<>();
            handles.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            return out;
        } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": file not found (write it with 'pulumi stack output --json >"
                    + " FILE', or pass <(pulumi stack output --json))");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not readable JSON");
        }
    }
}
