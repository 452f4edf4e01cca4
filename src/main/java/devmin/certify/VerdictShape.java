package devmin.certify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a file found under a kind's name is a verdict of that kind that certify can read, before its result is
 * weighed: its schema is readable and is the kind's, in the version this certify reads; it says it is about what the
 * kind is about (the lane of a job run, the phase of a certificate); and it checked something. A preflight verdict
 * saved as {@code readiness_snapshot.json}, a verdict with no checks, or one that claims to pass while a check did not
 * is refused, naming the file and the reason.
 */
final class VerdictShape {

    private VerdictShape() {
    }

    /** Why {@code verdict} cannot stand as a {@code kind} verdict; empty when it can. */
    static Optional<String> refusal(VerdictKind kind, JsonNode verdict) {
        JsonNode schema = verdict.path("schema");
        if (!schema.isTextual()) {
            return Optional.of("has no schema (expected " + kind.schema() + ")");
        }
        Optional<SchemaId> found = SchemaId.parse(schema.asText());
        SchemaId expected = SchemaId.parse(kind.schema()).orElseThrow();
        if (found.isEmpty()) {
            return Optional.of("has an unreadable schema '" + schema.asText() + "' (expected " + expected + ")");
        }
        if (!found.get().name().equals(expected.name())) {
            return Optional.of("is a " + found.get() + " verdict" + VerdictKind.writing(found.get().name())
                    .map(k -> " (" + k + ")").orElse("") + ", not " + kind.name() + " (" + expected + ")");
        }
        if (found.get().version() != expected.version()) {
            return Optional.of("has schema version " + found.get() + ", which this certify does not read (it reads "
                    + expected + ")");
        }
        for (Map.Entry<String, String> claim : kind.claims().entrySet()) {
            String said = verdict.path(claim.getKey()).asText("");
            if (!said.equals(claim.getValue())) {
                return Optional.of("is about " + claim.getKey() + " '" + said + "', not " + claim.getValue());
            }
        }
        return checks(kind, verdict);
    }

    private static Optional<String> checks(VerdictKind kind, JsonNode verdict) {
        int listed = 0;
        for (String pointer : kind.checksAt()) {
            JsonNode list = verdict.at(pointer);
            if (!list.isArray()) {
                return Optional.of("has no " + pointer.substring(1).replace('/', '.') + " list");
            }
            listed += list.size();
        }
        if (listed == 0) {
            return Optional.of("has no checks (" + String.join(", ", kind.checksAt().stream()
                    .map(p -> p.substring(1).replace('/', '.')).toList()) + " empty)");
        }
        if (kind.checksAt().equals(VerdictKind.VERDICT_CHECKS) && verdict.path("overall_pass").asBoolean(false)) {
            List<String> notPassed = new ArrayList<>();
            verdict.path("checks").forEach(c -> {
                if (!c.path("status").asText("").equals("pass")) {
                    notPassed.add(c.path("name").asText("(unnamed)") + " " + c.path("status").asText("(no status)"));
                }
            });
            if (!notPassed.isEmpty()) {
                return Optional.of("claims overall_pass but its checks did not all pass: "
                        + String.join(", ", notPassed));
            }
        }
        return Optional.empty();
    }
}
