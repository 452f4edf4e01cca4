package devmin.policy.kinds;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the kind table says about one type token: its kinds and the shape of the properties rules read (the property
 * names differ between providers, e.g. {@code inlinePolicies[].policy} in pulumi-aws and
 * {@code policies[].policyDocument} in aws-native).
 *
 * @param type   the type token
 * @param kinds  what it is
 * @param shape  property names by role, as in the table
 * @param legacy a token the current provider no longer declares (older state still carries it)
 */
public record TypeFacts(String type, Set<Kind> kinds, JsonNode shape, boolean legacy) {

    public TypeFacts {
        kinds = Set.copyOf(kinds);
    }

    public boolean is(Kind kind) {
        return kinds.contains(kind);
    }

    /** A property name the shape gives for {@code role}, e.g. {@code name} → {@code roleName}. */
    public Optional<String> property(String role) {
        JsonNode value = shape.get(role);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** Property names the shape lists for {@code role} (a list, or a single name). */
    public List<String> properties(String role) {
        JsonNode value = shape.path(role);
        List<String> out = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> out.add(v.asText()));
        } else if (value.isTextual()) {
            out.add(value.asText());
        }
        return out;
    }

    /** A nested part of the shape, e.g. {@code inline} → {@code {list, name, document}}. */
    public JsonNode part(String role) {
        return shape.path(role);
    }

    /** For attachments and self-attaching policies: principal kind (role, user, group) → the property naming them. */
    public Map<String, String> targets() {
        Map<String, String> out = new LinkedHashMap<>();
        shape.path("targets").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
