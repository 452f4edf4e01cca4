package devmin.policy.iam;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.graph.WireValues;
import devmin.policy.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses IAM policy documents — JSON text or objects, single statements or lists, strings or lists of actions —
 * into {@link IamStatement}s. A document that is unknown (preview), secret or malformed is never guessed at:
 * {@link #opacity} says why it cannot be read.
 */
public final class PolicyStatements {

    private PolicyStatements() {
    }

    /** A document read once: its tree, or why it cannot be read. */
    private record Reading(JsonNode tree, String opacity) {
    }

    /** A source for a document: its statements, or why it cannot be read. */
    static PolicySource source(String description, String urn, JsonNode document) {
        Reading reading = read(document);
        return reading.opacity().isEmpty() ? PolicySource.readable(description, urn, statements(reading.tree()))
                : PolicySource.unreadable(description, urn, reading.opacity());
    }

    /** The statements of a document; empty when it cannot be read (see {@link #opacity}) or has none. */
    public static List<IamStatement> parse(JsonNode document) {
        Reading reading = read(document);
        return reading.opacity().isEmpty() ? statements(reading.tree()) : List.of();
    }

    /** Why a document cannot be read: unknown until the update runs, a secret, ambiguous, not JSON, or not a policy. */
    public static Optional<String> opacity(JsonNode document) {
        String opacity = read(document).opacity();
        return opacity.isEmpty() ? Optional.empty() : Optional.of(opacity);
    }

    private static List<IamStatement> statements(JsonNode tree) {
        List<IamStatement> out = new ArrayList<>();
        Values.elements(tree.get("Statement")).forEach(s -> out.add(IamStatement.of(s)));
        return out;
    }

    private static Reading read(JsonNode document) {
        if (WireValues.isUnknown(document)) {
            return new Reading(null, "its content is unknown until the update runs");
        }
        if (WireValues.isSecret(document)) {
            return new Reading(null, "it is a secret");
        }
        Optional<String> ambiguity = Values.ambiguity(document);
        if (ambiguity.isPresent()) {
            return new Reading(null, ambiguity.get());
        }
        Optional<JsonNode> tree = Values.tree(document);
        if (tree.isEmpty() || !tree.get().isObject()) {
            return new Reading(null, "it is not a JSON policy document");
        }
        JsonNode statements = tree.get().get("Statement");
        boolean wellFormed = Values.isAbsent(statements) || statements.isObject()
                || (statements.isArray() && Values.elements(statements).stream().allMatch(JsonNode::isObject));
        return wellFormed ? new Reading(tree.get(), "")
                : new Reading(null, "its Statement is not a statement or a list of them");
    }

    static List<String> strings(JsonNode node) {
        return Values.texts(node);
    }
}
