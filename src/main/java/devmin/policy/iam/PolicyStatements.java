package devmin.policy.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import devmin.graph.WireValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses IAM policy documents — JSON text or objects, single statements or lists, strings or lists of actions —
 * into {@link IamStatement}s. A document that is unknown (preview) or unparseable is reported as such, never guessed.
 */
public final class PolicyStatements {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyStatements() {
    }

    /** The statements of a document; empty when the document is unknown or malformed (see {@link #isOpaque}). */
    public static List<IamStatement> parse(JsonNode document) {
        Optional<JsonNode> root = tree(document);
        if (root.isEmpty()) {
            return List.of();
        }
        JsonNode statements = root.get().get("Statement");
        List<IamStatement> out = new ArrayList<>();
        if (statements == null) {
            return out;
        }
        if (statements.isObject()) {
            out.add(IamStatement.of(statements));
        } else {
            statements.forEach(s -> out.add(IamStatement.of(s)));
        }
        return out;
    }

    /** A document whose content cannot be read: unknown at preview, a secret, or not JSON. */
    public static boolean isOpaque(JsonNode document) {
        return tree(document).isEmpty();
    }

    private static Optional<JsonNode> tree(JsonNode document) {
        if (document == null || document.isNull() || WireValues.isUnknown(document) || WireValues.isSecret(document)) {
            return Optional.empty();
        }
        if (document.isObject()) {
            return Optional.of(document);
        }
        if (document.isTextual()) {
            try {
                JsonNode parsed = JSON.readTree(document.asText());
                return parsed != null && parsed.isObject() ? Optional.of(parsed) : Optional.empty();
            } catch (Exception e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }
}
