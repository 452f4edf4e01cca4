package devmin.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.Map;

/**
 * Converts Pulumi wire property values into neutral JSON: unknown values become {@link #UNKNOWN}, secrets become
 * {@link #SECRET} (their plaintext never leaves this class), resource references become their URN.
 */
public final class WireValues {

    /** Pulumi's unknown-value sentinel, as the engine sends it during preview. */
    public static final String UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    /** The special-signature key Pulumi uses for secrets, resource references and assets. */
    public static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    public static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    public static final String RESOURCE_REFERENCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    public static final String OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

    /** What an unknown value looks like in a neutral view. */
    public static final String UNKNOWN = "[unknown]";
    /** What a secret looks like in a neutral view. */
    public static final String SECRET = "[secret]";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private WireValues() {
    }

    public static ObjectNode fromStruct(Struct struct) {
        ObjectNode out = NODES.objectNode();
        struct.getFieldsMap().forEach((key, value) -> out.set(key, fromValue(value)));
        return out;
    }

    public static JsonNode fromValue(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> NODES.nullNode();
            case BOOL_VALUE -> NODES.booleanNode(value.getBoolValue());
            case NUMBER_VALUE -> number(value.getNumberValue());
            case STRING_VALUE -> UNKNOWN_SENTINEL.equals(value.getStringValue())
                    ? NODES.textNode(UNKNOWN) : NODES.textNode(value.getStringValue());
            case LIST_VALUE -> list(value.getListValue());
            case STRUCT_VALUE -> struct(value.getStructValue());
        };
    }

    private static JsonNode struct(Struct struct) {
        Map<String, Value> fields = struct.getFieldsMap();
        Value sig = fields.get(SIG_KEY);
        if (sig != null && sig.hasStringValue()) {
            return special(sig.getStringValue(), fields);
        }
        return fromStruct(struct);
    }

    private static JsonNode special(String sig, Map<String, Value> fields) {
        if (SECRET_SIG.equals(sig)) {
            return NODES.textNode(SECRET);
        }
        if (RESOURCE_REFERENCE_SIG.equals(sig)) {
            Value urn = fields.get("urn");
            return urn == null ? NODES.textNode(UNKNOWN) : NODES.textNode(urn.getStringValue());
        }
        if (OUTPUT_VALUE_SIG.equals(sig)) {
            if (fields.containsKey("secret") && fields.get("secret").getBoolValue()) {
                return NODES.textNode(SECRET);
            }
            Value inner = fields.get("value");
            return inner == null ? NODES.textNode(UNKNOWN) : fromValue(inner);
        }
        ObjectNode other = NODES.objectNode();
        fields.forEach((key, value) -> other.set(key, fromValue(value)));
        return other;
    }

    private static ArrayNode list(ListValue list) {
        ArrayNode out = NODES.arrayNode();
        list.getValuesList().forEach(v -> out.add(fromValue(v)));
        return out;
    }

    private static JsonNode number(double n) {
        if (n == Math.rint(n) && Math.abs(n) < 1e15) {
            return NODES.numberNode((long) n);
        }
        return NODES.numberNode(n);
    }

    public static boolean isUnknown(JsonNode node) {
        return node != null && node.isTextual() && UNKNOWN.equals(node.asText());
    }

    public static boolean isSecret(JsonNode node) {
        return node != null && node.isTextual() && SECRET.equals(node.asText());
    }
}
