package devmin.live.teardown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One resource the stack's state holds, as the pre-destroy snapshot records it: never an input or output value, only
 * what names the resource. A value Pulumi keeps as a secret is recorded as {@link #SECRET}, never decrypted or copied.
 *
 * @param urn    the Pulumi URN
 * @param type   the Pulumi type token, e.g. {@code aws:ec2/vpc:Vpc}
 * @param id     the physical id the provider gave it (empty when the state has none)
 * @param arn    its ARN when the state's outputs carry one, else empty
 * @param region the region it lives in: the ARN's, else the stack's
 */
public record InventoryEntry(String urn, String type, String id, String arn, String region) {

    /** What a secret id or ARN is recorded as. */
    public static final String SECRET = "[secret]";

    /** The URN's last segment, the name the program gave the resource. */
    public String logicalName() {
        int at = urn.lastIndexOf("::");
        return at < 0 ? urn : urn.substring(at + 2);
    }

    /** How a verdict names it, e.g. {@code vpc (aws:ec2/vpc:Vpc) vpc-0abc}. */
    public String describe() {
        return logicalName() + " (" + type + ") " + (id.isEmpty() ? "without id" : id);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("urn", urn);
        node.put("type", type);
        node.put("id", id);
        node.put("arn", arn);
        node.put("region", region);
        return node;
    }

    /** @throws IllegalArgumentException naming the field when the entry lacks one */
    static InventoryEntry fromJson(JsonNode node, String where) {
        return new InventoryEntry(text(node, "urn", where), text(node, "type", where), text(node, "id", where),
                text(node, "arn", where), text(node, "region", where));
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(where + "." + field + ": got " + (value == null ? "nothing" : value)
                    + ", expected a string");
        }
        return value.asText();
    }
}
