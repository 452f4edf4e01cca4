package devmin.realengine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the stub providers were asked, one entry per call, as they recorded it (tools/engine/stub-provider). Secret
 * property values are recorded as {@code "[secret]"}, unknown ones as {@code "[unknown]"}; a create or update carries
 * the timeout the engine sent with it ({@code timeoutSeconds}, 0 when the program set none).
 */
public record StubRecord(List<Call> calls) {

    private static final ObjectMapper JSON = new ObjectMapper();

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Call(String provider, int pid, String method, String urn, String type, String id, boolean preview,
                       long startNanos, long endNanos, JsonNode properties, String error, double timeoutSeconds) {

        public String property(String name) {
            return properties == null || !properties.has(name) ? "" : properties.get(name).asText();
        }
    }

    public static StubRecord read(Path file) {
        if (!Files.exists(file)) {
            return new StubRecord(List.of());
        }
        try (var lines = Files.lines(file)) {
            return new StubRecord(lines.filter(l -> !l.isBlank()).map(StubRecord::parse).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Call parse(String line) {
        try {
            return JSON.readValue(line, Call.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable stub record line: " + line, e);
        }
    }

    public List<Call> where(Predicate<Call> filter) {
        return calls.stream().filter(filter).toList();
    }

    /** Creates that really happened (not preview), in the order they started. */
    public List<Call> creates() {
        return calls.stream().filter(c -> c.method().equals("Create") && !c.preview())
                .sorted(java.util.Comparator.comparingLong(Call::startNanos)).toList();
    }

    public List<Call> deletes() {
        return where(c -> c.method().equals("Delete"));
    }
}
