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

    /** A source for a document: its statements, or why it cannot be read. */
    static PolicySource source(String description, String urn, JsonNode document) {
        Optional<String> opacity = opacity(document);
        return opacity.isPresent() ? PolicySource.unreadable(description, urn, opacity.get())
                : PolicySource.readable(description, urn, parse(document));
    }

    /** The statements of a document; empty when it cannot be read (see {@link #opacity}) or has none. */
    public static List<IamStatement> parse(JsonNode document) {
        if (opacity(document).isPresent()) {
            return List.of();
        }
        List<IamStatement> out = new ArrayList<>();
        Values.elements(Values.tree(document).orElseThrow().get("Statement")).forEach(s -> out.add(IamStatement.of(s)));
        return out;
    }

    /** Why a document cannot be read: unknown until the update runs, a secret, not JSON, or not a policy. */
    public static Optional<String> opacity(JsonNode document) {
        if (WireValues.isUnknown(document)) {
            return Optional.of("its content is unknown until the update runs");
        }
        if (WireValues.isSecret(document)) {
            return Optional.of("it is a secret");
        }
        Optional<JsonNode> tree = Values.tree(document);
        if (tree.isEmpty() || !tree.get().isObject()) {
            return Optional.of("it is not a JSON policy document");
        }
        JsonNode statements = tree.get().get("Statement");
        boolean wellFormed = Values.isAbsent(statements) || statements.isObject()
                || statements.isArray() && Values.elements(statements).stream().allMatch(JsonNode::isObject);
        return wellFormed ? Optional.empty() : Optional.of("its Statement is not a statement or a list of them");
    }

    /** Whether a document cannot be read (see {@link #opacity}). */
    public static boolean isOpaque(JsonNode document) {
        return opacity(document).isPresent();
    }

    static List<String> strings(JsonNode node) {
        return Values.texts(node);
    }
}
