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
 * @param relationsKnown whether the source tells where values came from (dependencies): a per-resource
 *                       {@code Analyze} call of the Pulumi engine does not, so a rule that needs a relation to clear a
 *                       resource must leave the judgment to the stack-level call, which has them
 */
public record ResourceView(String urn, String type, String name, String layer, ObjectNode inputs, ObjectNode outputs,
                           boolean protect, String parentUrn, List<String> dependencies,
                           Map<String, List<String>> propertyDependencies, String provider, boolean relationsKnown) {

    public ResourceView {
        dependencies = List.copyOf(dependencies);
        propertyDependencies = Map.copyOf(propertyDependencies);
    }

    public ResourceView(String urn, String type, String name, String layer, ObjectNode inputs, ObjectNode outputs,
                        boolean protect, String parentUrn, List<String> dependencies,
                        Map<String, List<String>> propertyDependencies, String provider) {
        this(urn, type, name, layer, inputs, outputs, protect, parentUrn, dependencies, propertyDependencies, provider,
                true);
    }

    public static ResourceView of(String urn, String type, String name, String layer, ObjectNode inputs) {
        return new ResourceView(urn, type, name, layer, inputs, JsonNodeFactory.instance.objectNode(), false, "",
                List.of(), Map.of(), "");
    }

    /** The URNs a property's value came from (empty when unknown or plain). */
    public List<String> dependenciesOf(String property) {
        return propertyDependencies.getOrDefault(property, List.of());
    }

    /**
     * A property as the resource has it: outputs win over inputs when both hold a known value (outputs are what
     * exists), an absent value ({@code ""}, {@code []}, {@code [{}]}, see {@link Values#isAbsent}) never hides the other
     * side, and an unknown value is returned only when neither side knows better.
     */
    public Optional<JsonNode> property(String name) {
        JsonNode out = outputs.get(name);
        JsonNode in = inputs.get(name);
        boolean hasOut = !Values.isAbsent(out);
        boolean hasIn = !Values.isAbsent(in);
        if (hasOut && !WireValues.isUnknown(out)) {
            return Optional.of(out);
        }
        if (hasIn && !WireValues.isUnknown(in)) {
            return Optional.of(in);
        }
        return hasOut ? Optional.of(out) : hasIn ? Optional.of(in) : Optional.empty();
    }

    /**
     * Every recorded value of a property: the inputs' and the outputs' (when present), so that a rule can judge both
     * — what was asked and what exists after an update that may have failed part-way.
     */
    public List<JsonNode> recorded(String name) {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode side : List.of(inputs, outputs)) {
            JsonNode value = side.get(name);
            if (!Values.isAbsent(value)) {
                out.add(value);
            }
        }
        return out;
    }

    /** A nested property by dotted path ({@code executionRole.roleArn}); absent members are empty. */
    public Optional<JsonNode> path(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        Optional<JsonNode> value = property(parts[0]);
        for (int i = 1; i < parts.length && value.isPresent(); i++) {
            JsonNode next = value.get().get(parts[i]);
            value = Values.isAbsent(next) ? Optional.empty() : Optional.of(next);
        }
        return value;
    }

    public Optional<String> text(String name) {
        return property(name).filter(JsonNode::isValueNode).map(JsonNode::asText);
    }

    /** The URNs a dotted path's value came from: the engine records them for the top-level property. */
    public List<String> dependenciesOfPath(String dotted) {
        int dot = dotted.indexOf('.');
        return dependenciesOf(dot < 0 ? dotted : dotted.substring(0, dot));
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
                parentUrn, dependencies, propertyDependencies, provider, relationsKnown);
    }

    public ResourceView withProtect(boolean newProtect) {
        return new ResourceView(urn, type, name, layer, inputs, outputs, newProtect,
                parentUrn, dependencies, propertyDependencies, provider, relationsKnown);
    }

    public ResourceView withProvider(String newProvider) {
        return new ResourceView(urn, type, name, layer, inputs, outputs, protect, parentUrn, dependencies,
                propertyDependencies, newProvider, relationsKnown);
    }

    public ResourceView withPropertyDependencies(Map<String, List<String>> newPropertyDependencies) {
        return new ResourceView(urn, type, name, layer, inputs, outputs, protect, parentUrn, dependencies,
                newPropertyDependencies, provider, relationsKnown);
    }

    /** The same resource as a source that cannot tell where values came from sees it. */
    public ResourceView withoutRelations() {
        return new ResourceView(urn, type, name, layer, inputs, outputs, protect, parentUrn, List.of(), Map.of(),
                provider, false);
    }
}
