package devmin.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.graph.WireValues;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resource as policies see it, whatever it came from (the program, a stack export, a preview, the analyzer): no
 * Pulumi type leaks into rules. Unknown values are {@link WireValues#UNKNOWN}, secrets {@link WireValues#SECRET}.
 *
 * @param urn          the URN
 * @param type         type token
 * @param name         logical name
 * @param layer        core, confluent, demo, or empty when outside any layer
 * @param inputs       input properties
 * @param outputs      output properties where known (stack exports), otherwise empty
 * @param protect      the protect flag
 * @param parentUrn    parent URN or empty
 * @param dependencies URNs this resource depends on
 * @param propertyDependencies for each input property, the URNs its value came from
 * @param provider     provider reference ({@code urn::id}) or empty
 */
public record ResourceView(String urn, String type, String name, String layer, ObjectNode inputs, ObjectNode outputs,
                           boolean protect, String parentUrn, List<String> dependencies,
                           Map<String, List<String>> propertyDependencies, String provider) {

    public ResourceView {
        dependencies = List.copyOf(dependencies);
        propertyDependencies = Map.copyOf(propertyDependencies);
    }

    public static ResourceView of(String urn, String type, String name, String layer, ObjectNode inputs) {
        return new ResourceView(urn, type, name, layer, inputs, JsonNodeFactory.instance.objectNode(), false, "",
                List.of(), Map.of(), "");
    }

    /** The URNs a property's value came from (empty when unknown or plain). */
    public List<String> dependenciesOf(String property) {
        return propertyDependencies.getOrDefault(property, List.of());
    }

    /** A property from inputs, falling back to outputs (stack exports carry both). */
    public Optional<JsonNode> property(String name) {
        JsonNode value = inputs.get(name);
        if (value == null || value.isNull()) {
            value = outputs.get(name);
        }
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    public Optional<String> text(String name) {
        return property(name).filter(JsonNode::isValueNode).map(JsonNode::asText);
    }

    public boolean isProvider() {
        return type.startsWith("pulumi:providers:");
    }

    /** A cloud resource: not a component, not a provider, not the stack. */
    public boolean isCloudResource() {
        return !isProvider() && !type.startsWith("pulumi:pulumi:") && !type.startsWith("devmin:");
    }

    public boolean is(String... types) {
        return List.of(types).contains(type);
    }

    public ResourceView withLayer(String newLayer) {
        return new ResourceView(urn, type, name, newLayer, inputs, outputs, protect,
                parentUrn, dependencies, propertyDependencies, provider);
    }

    public ResourceView withProtect(boolean newProtect) {
        return new ResourceView(urn, type, name, layer, inputs, outputs, newProtect,
                parentUrn, dependencies, propertyDependencies, provider);
    }

    public ResourceView withProvider(String newProvider) {
        return new ResourceView(urn, type, name, layer, inputs, outputs, protect, parentUrn, dependencies,
                propertyDependencies, newProvider);
    }

    public ResourceView withPropertyDependencies(Map<String, List<String>> newPropertyDependencies) {
        return new ResourceView(urn, type, name, layer, inputs, outputs, protect, parentUrn, dependencies,
                newPropertyDependencies, provider);
    }
}
