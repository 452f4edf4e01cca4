package devmin.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import devmin.graph.WireValues;
import devmin.policy.ResourceView;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Property helpers the rules share, so each rule states only what it forbids. */
final class RuleSupport {

    static final String TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleSupport() {
    }

    /** A property that is JSON text or an object (policy documents, container definitions) as a tree. */
    static Optional<JsonNode> jsonProperty(ResourceView resource, String property) {
        Optional<JsonNode> value = resource.property(property);
        if (value.isEmpty() || WireValues.isUnknown(value.get()) || WireValues.isSecret(value.get())) {
            return Optional.empty();
        }
        if (!value.get().isTextual()) {
            return value;
        }
        try {
            return Optional.ofNullable(JSON.readTree(value.get().asText()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The container definitions of a task definition; empty when unknown at preview. */
    static List<JsonNode> containers(ResourceView taskDefinition) {
        List<JsonNode> out = new ArrayList<>();
        jsonProperty(taskDefinition, "containerDefinitions").ifPresent(defs -> defs.forEach(out::add));
        return out;
    }

    static boolean isTrue(ResourceView resource, String property) {
        return resource.property(property).map(v -> v.asBoolean(false) || "true".equals(v.asText())).orElse(false);
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
