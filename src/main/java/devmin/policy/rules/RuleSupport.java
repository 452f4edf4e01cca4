package devmin.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceView;
import devmin.policy.Values;

import java.util.Optional;

/** Property helpers the rules share, so each rule states only what it forbids. */
final class RuleSupport {

    private RuleSupport() {
    }

    /** A property that is JSON text or an object (policy documents, default tags) as a tree. */
    static Optional<JsonNode> jsonProperty(ResourceView resource, String property) {
        return resource.property(property).flatMap(Values::tree);
    }

    static boolean isTrue(ResourceView resource, String property) {
        return resource.property(property).map(RuleSupport::isTrue).orElse(false);
    }

    static boolean isTrue(JsonNode node) {
        return node != null && (node.asBoolean(false) || "true".equals(node.asText()));
    }

    /** A nested object property, which Pulumi sometimes delivers as a one-element list (legacy blocks). */
    static JsonNode object(JsonNode value) {
        if (value != null && value.isArray() && value.size() > 0) {
            return value.get(0);
        }
        return value == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : value;
    }
}
