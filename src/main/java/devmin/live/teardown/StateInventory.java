package devmin.live.teardown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.graph.WireValues;
import devmin.live.aws.ResourceArn;
import stacks.Layer;

import java.util.ArrayList;
import java.util.List;

/**
 * What the stack's own state says the demo layer holds, read from {@code pulumi stack export}: every custom resource
 * whose URN runs through the demo layer's component (whatever its type, so a kind added later is listed too), and the
 * names of the IAM roles the persistent layers hold (so the stray sweep can tell a core role from a leftover). Only
 * URN, type, id and ARN are read; a secret id or ARN is recorded as {@link InventoryEntry#SECRET}.
 *
 * @param stack              the stack the state belongs to
 * @param demo               the demo layer's resources
 * @param persistentRoleNames the IAM role names the core and confluent layers hold
 */
public record StateInventory(String stack, List<InventoryEntry> demo, List<String> persistentRoleNames) {

    public static final String IAM_ROLE = "aws:iam/role:Role";

    public StateInventory {
        demo = List.copyOf(demo);
        persistentRoleNames = List.copyOf(persistentRoleNames);
    }

    /**
     * @param homeRegion where a resource without a regional ARN lives (the stack's region)
     * @throws IllegalArgumentException naming the key, the value and what was expected, when the document is not an
     *                                  export of {@code stack}
     */
    public static StateInventory fromExport(JsonNode export, String stack, String homeRegion) {
        JsonNode resources = export.path("deployment").path("resources");
        if (!resources.isArray()) {
            throw new IllegalArgumentException("deployment.resources: got " + describe(resources) + ", expected the"
                    + " array 'pulumi stack export' writes");
        }
        List<InventoryEntry> demo = new ArrayList<>();
        List<String> persistentRoles = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            JsonNode resource = resources.get(i);
            String where = "deployment.resources[" + i + "]";
            String urn = resource.path("urn").asText("");
            String type = resource.path("type").asText("");
            if (urn.isEmpty() || type.isEmpty()) {
                throw new IllegalArgumentException(where + ": got no urn or type, expected both");
            }
            String urnStack = urn.startsWith("urn:pulumi:")
                    ? urn.substring("urn:pulumi:".length()).split("::", -1)[0] : "";
            if (!urnStack.equals(stack)) {
                throw new IllegalArgumentException(where + ".urn: got '" + urn + "', expected a resource of stack '"
                        + stack + "'");
            }
            if (!resource.path("custom").asBoolean(false) || type.startsWith("pulumi:providers:")
                    || resource.path("delete").asBoolean(false)) {
                continue;
            }
            var layer = Layer.ofUrn(urn);
            if (layer.isPresent() && layer.get() == Layer.DEMO) {
                demo.add(entry(resource, urn, type, homeRegion));
            } else if (layer.isPresent() && type.equals(IAM_ROLE)) {
                String name = plain(resource.path("outputs").path("name"));
                persistentRoles.add(name.isEmpty() ? plain(resource.path("id")) : name);
            }
        }
        return new StateInventory(stack, demo, persistentRoles);
    }

    private static InventoryEntry entry(JsonNode resource, String urn, String type, String homeRegion) {
        String id = plain(resource.path("id"));
        String arn = plain(resource.path("outputs").path("arn"));
        String region = homeRegion;
        if (!arn.isEmpty() && !arn.equals(InventoryEntry.SECRET)) {
            try {
                String arnRegion = ResourceArn.parse(arn).region();
                region = arnRegion.isEmpty() ? homeRegion : arnRegion;
            } catch (IllegalArgumentException e) {
                arn = "";
            }
        }
        return new InventoryEntry(urn, type, id, arn, region);
    }

    /** A plain string value; a Pulumi secret (the signature-keyed object) is never read, only marked. */
    static String plain(JsonNode value) {
        if (value.isObject() && WireValues.SECRET_SIG.equals(value.path(WireValues.SIG_KEY).asText())) {
            return InventoryEntry.SECRET;
        }
        return value.isTextual() ? value.asText() : "";
    }

    private static String describe(JsonNode node) {
        return node.isMissingNode() ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("stack", stack);
        ArrayNode entries = node.putArray("demo");
        demo.forEach(e -> entries.add(e.toJson()));
        ArrayNode roles = node.putArray("persistent_role_names");
        persistentRoleNames.forEach(roles::add);
        return node;
    }

    /** @throws IllegalArgumentException naming the key when {@code node} is not an inventory of {@code stack} */
    public static StateInventory fromJson(JsonNode node, String stack, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": got " + describe(node) + ", expected an object");
        }
        if (!stack.equals(node.path("stack").asText())) {
            throw new IllegalArgumentException(where + ".stack: got '" + node.path("stack").asText() + "', expected '"
                    + stack + "'");
        }
        if (!node.path("demo").isArray() || !node.path("persistent_role_names").isArray()) {
            throw new IllegalArgumentException(where + ": expected arrays 'demo' and 'persistent_role_names'");
        }
        List<InventoryEntry> demo = new ArrayList<>();
        for (int i = 0; i < node.get("demo").size(); i++) {
            demo.add(InventoryEntry.fromJson(node.get("demo").get(i), where + ".demo[" + i + "]"));
        }
        List<String> roles = new ArrayList<>();
        node.get("persistent_role_names").forEach(r -> roles.add(r.asText()));
        return new StateInventory(stack, demo, roles);
    }
}
