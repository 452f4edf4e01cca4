package devmin.policy.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one JSON document from a file, strictly: exactly one JSON object and nothing after it (a second document or
 * stray text means the file is not what it claims to be, so it is refused rather than half-read), and no key twice in
 * one object ({@link DuplicateKeys}).
 */
public final class InputDocuments {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).enable(DuplicateKeys.REFUSED);

    private InputDocuments() {
    }

    public static JsonNode read(Path file) throws InputFormatException {
        if (!Files.isRegularFile(file)) {
            throw new InputFormatException(file + ": file not found");
        }
        JsonNode root;
        try {
            root = STRICT.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            java.util.Optional<String> duplicate = DuplicateKeys.describe(e);
            if (duplicate.isPresent()) {
                throw new InputFormatException(file + ": " + duplicate.get() + " (refused; expected each key once)");
            }
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            boolean trailing = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token");
            throw new InputFormatException(file + ": not valid JSON" + where + (trailing
                    ? " (content after the end of the JSON document; expected exactly one document)" : ""));
        } catch (IOException e) {
            throw new InputFormatException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InputFormatException(file + ": expected a JSON object");
        }
        return root;
    }
}
