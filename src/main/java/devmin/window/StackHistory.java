package devmin.window;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A stack's history as {@code pulumi stack history --json} prints it: a JSON array, most recent first, of
 * {@code {version, kind, startTime, message, environment, config, result, endTime, resourceChanges}} (CLI 3.274.1,
 * {@code updateInfoJSON}). Every entry is read or the whole history is refused: an operation kind or result devmin does
 * not know, a missing or unreadable time, or content after the array is never skipped.
 */
public record StackHistory(List<Operation> operations) {

    /** {@code apitype.UpdateKind} and {@code apitype.UpdateResult} of the Pulumi SDK. */
    static final Set<String> KINDS = Set.of("update", "preview", "refresh", "rename", "destroy", "import");
    static final Set<String> RESULTS = Set.of("not-started", "in-progress", "succeeded", "failed");
    static final String DEMO_WINDOW = "devmin:demoWindow";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public StackHistory {
        operations = List.copyOf(operations);
    }

    public static StackHistory parse(String text, String source) throws HistoryFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new HistoryFormatException(source + ": not valid JSON; expected the output of 'pulumi stack history"
                    + " --json' (a JSON array)");
        }
        if (root == null || !root.isArray()) {
            throw new HistoryFormatException(source + ": expected the output of 'pulumi stack history --json' (a JSON"
                    + " array, most recent first), got " + (root == null ? "nothing" : root.getNodeType()
                    .toString().toLowerCase(java.util.Locale.ROOT)));
        }
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            operations.add(operation(root.get(i), source + "[" + i + "]"));
        }
        return new StackHistory(operations);
    }

    private static Operation operation(JsonNode entry, String where) throws HistoryFormatException {
        if (!entry.isObject()) {
            throw new HistoryFormatException(where + ": expected an update object, got " + entry);
        }
        String kind = known(entry, "kind", KINDS, where);
        String result = known(entry, "result", RESULTS, where);
        Instant start = time(entry, "startTime", where)
                .orElseThrow(() -> new HistoryFormatException(where + ".startTime: got <missing>, expected an RFC 3339"
                        + " time such as 2026-11-30T16:54:41.000Z"));
        Optional<Instant> end = time(entry, "endTime", where);
        JsonNode window = entry.path("config").path(DEMO_WINDOW).path("value");
        return new Operation(kind, result, start, end, window.isTextual() ? Optional.of(window.asText())
                : Optional.empty());
    }

    private static String known(JsonNode entry, String field, Set<String> values, String where)
            throws HistoryFormatException {
        JsonNode value = entry.get(field);
        if (value == null || !value.isTextual() || !values.contains(value.asText())) {
            throw new HistoryFormatException(where + "." + field + ": got " + (value == null ? "<missing>" : value)
                    + ", expected one of " + new java.util.TreeSet<>(values) + " (pulumi stack history --json)");
        }
        return value.asText();
    }

    private static Optional<Instant> time(JsonNode entry, String field, String where) throws HistoryFormatException {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.asText()));
        } catch (DateTimeParseException e) {
            throw new HistoryFormatException(where + "." + field + ": got " + value + ", expected an RFC 3339 time"
                    + " such as 2026-11-30T16:54:41.000Z");
        }
    }
}
