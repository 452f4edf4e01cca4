package devmin.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Resource views built in code for rule tests. JSON is written with single quotes for readability. */
public final class Views {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Views() {
    }

    public static String urn(String type, String name) {
        return "urn:pulumi:dev-min::devmin::" + type + "::" + name;
    }

    /** JSON text from single-quoted JSON: {@code json("{'a':1}")}. */
    public static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    public static JsonNode tree(String singleQuoted) {
        try {
            return JSON.readTree(json(singleQuoted));
        } catch (Exception e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    /** An input object from alternating keys and values (String, Number, Boolean or JsonNode). */
    public static ObjectNode props(Object... keysAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.set((String) keysAndValues[i], JSON.valueToTree(keysAndValues[i + 1]));
        }
        return node;
    }

    public static ResourceView res(String type, String name, String layer, ObjectNode inputs) {
        return ResourceView.of(urn(type, name), type, name, layer, inputs)
                .withProtect(!"demo".equals(layer) && !layer.isEmpty());
    }

    public static ResourceView demo(String type, String name, ObjectNode inputs) {
        return res(type, name, "demo", inputs);
    }

    public static ResourceView core(String type, String name, ObjectNode inputs) {
        return res(type, name, "core", inputs);
    }

    /** {@code view} as a stack export records it after the update: with these outputs. */
    public static ResourceView withOutputs(ResourceView view, ObjectNode outputs) {
        return new ResourceView(view.urn(), view.type(), view.name(), view.layer(), view.inputs(), outputs,
                view.protect(), view.parentUrn(), view.dependencies(), view.propertyDependencies(), view.provider());
    }

    /** {@code view} whose {@code property} came from {@code target}, as the engine records property dependencies. */
    public static ResourceView from(ResourceView view, String property, ResourceView target) {
        Map<String, List<String>> deps = new HashMap<>(view.propertyDependencies());
        deps.put(property, List.of(target.urn()));
        return view.withPropertyDependencies(deps);
    }
}
