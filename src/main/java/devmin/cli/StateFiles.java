package devmin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a JSON file an option names, with an error that names the option, the file and what was expected. */
final class StateFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StateFiles() {
    }

    /** @throws IllegalArgumentException naming the option and the file when it cannot be read as a JSON object */
    static JsonNode readJson(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + ": got '" + file + "', expected a readable file");
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(option + ": " + file + " is not a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // the parser's own message quotes the file's text, which may hold a secret: give the place only
            var at = e.getLocation();
            throw new IllegalArgumentException(option + ": " + file + " is not JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new IllegalArgumentException(option + ": " + file + " cannot be read: " + e.getClass().getSimpleName());
        }
}
}
