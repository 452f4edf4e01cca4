package devmin.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import devmin.graph.WireValues;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How rules read property values, the same way everywhere: an empty string, an empty list and an object or list
 * whose members are all empty count as absent (providers write {@code natGatewayId: ""} and
 * {@code inlinePolicies: [{}]} to say "none"); JSON text is read as the document it holds, and one that repeats a key
 * in an object is ambiguous, so unreadable ({@link #ambiguity}); keys inside documents the
 * user wrote (container definitions) match in any casing.
 */
public final class Values {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(devmin.policy.input.DuplicateKeys.REFUSED);

    private Values() {
    }

    /** Null, missing, blank text, or a list or object with nothing but absent members. */
    public static boolean isAbsent(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return true;
        }
        if (value.isTextual()) {
            return value.asText().isBlank();
        }
        if (value.isContainerNode()) {
            for (JsonNode member : value) {
                if (!isAbsent(member)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Unknown until the update runs (preview), or a secret: present, but its content cannot be read. */
    public static boolean isOpaque(JsonNode value) {
        return WireValues.isUnknown(value) || WireValues.isSecret(value);
    }

    /** A member of an object by name in any casing ({@code secrets}, {@code Secrets}); absent members are empty. */
    public static Optional<JsonNode> field(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return Optional.empty();
        }
        JsonNode exact = object.get(name);
        if (!isAbsent(exact)) {
            return Optional.of(exact);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name) && !isAbsent(e.getValue())) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** A document given as JSON text or as a tree; empty when opaque, absent or not JSON. */
    public static Optional<JsonNode> tree(JsonNode value) {
        if (isAbsent(value) || isOpaque(value)) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            return Optional.of(value);
        }
        try {
            JsonNode parsed = JSON.readTree(value.asText());
            return parsed == null || parsed.isMissingNode() ? Optional.empty() : Optional.of(parsed);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /**
     * Why JSON text cannot be read as one unambiguous document, when the reason is a key given twice in one object
     * (see {@link devmin.policy.input.DuplicateKeys}); empty otherwise.
     */
    public static Optional<String> ambiguity(JsonNode value) {
        if (value == null || !value.isTextual() || isOpaque(value)) {
            return Optional.empty();
        }
        try {
            JSON.readTree(value.asText());
            return Optional.empty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return devmin.policy.input.DuplicateKeys.describe(e);
        }
    }

    /** The present elements of a list, or the value itself when it is a single present value. */
    public static List<JsonNode> elements(JsonNode value) {
        List<JsonNode> out = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(e -> {
                if (!isAbsent(e)) {
                    out.add(e);
                }
            });
        } else if (!isAbsent(value)) {
            out.add(value);
        }
        return out;
    }

    /** The present texts of a string or a list of strings. */
    public static List<String> texts(JsonNode value) {
        return elements(value).stream().filter(JsonNode::isValueNode).map(JsonNode::asText).toList();
    }
}
