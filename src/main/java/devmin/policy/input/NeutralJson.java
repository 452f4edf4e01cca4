package devmin.policy.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import devmin.graph.WireValues;

/**
 * Turns property JSON from Pulumi's documented formats (stack exports, preview JSON, analyzer structs) into neutral
 * values: secret envelopes become {@link WireValues#SECRET} (the ciphertext or plaintext is dropped), the unknown
 * sentinel becomes {@link WireValues#UNKNOWN}.
 */
public final class NeutralJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private NeutralJson() {
    }

    public static ObjectNode object(JsonNode node) {
        JsonNode neutral = of(node);
        return neutral != null && neutral.isObject() ? (ObjectNode) neutral : NODES.objectNode();
    }

    public static JsonNode of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NODES.nullNode();
        }
        if (node.isTextual()) {
            return WireValues.UNKNOWN_SENTINEL.equals(node.asText()) ? TextNode.valueOf(WireValues.UNKNOWN) : node;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(n -> out.add(of(n)));
            return out;
        }
        if (node.isObject()) {
            JsonNode sig = node.get(WireValues.SIG_KEY);
            if (sig != null && WireValues.SECRET_SIG.equals(sig.asText())) {
                return TextNode.valueOf(WireValues.SECRET);
            }
            ObjectNode out = NODES.objectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), of(e.getValue())));
            return out;
        }
        return node;
    }
}
