package devmin.analyzer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import devmin.graph.WireValues;
import devmin.policy.ResourceView;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerProviderResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Analyzer requests as neutral resource views; the layer comes from the URN's type chain. */
final class AnalyzerViews {

    private AnalyzerViews() {
    }

    /** The engine's per-resource request carries no dependencies: the view says its relations are unknown. */
    static ResourceView of(AnalyzeRequest request) {
        require(request.getUrn(), request.getType());
        return new ResourceView(request.getUrn(), request.getType(), request.getName(), layerOf(request.getUrn()),
                WireValues.fromStruct(request.getProperties()), JsonNodeFactory.instance.objectNode(),
                request.getOptions().getProtect(), request.getOptions().getParent(), List.of(), Map.of(),
                providerRef(request.getProvider()), false);
    }

    static ResourceView of(AnalyzerResource resource) {
        require(resource.getUrn(), resource.getType());
        Map<String, List<String>> propertyDependencies = new TreeMap<>();
        resource.getPropertyDependenciesMap().forEach((property, urns) ->
                propertyDependencies.put(property, List.copyOf(urns.getUrnsList())));
        return new ResourceView(resource.getUrn(), resource.getType(), resource.getName(), layerOf(resource.getUrn()),
                WireValues.fromStruct(resource.getProperties()), JsonNodeFactory.instance.objectNode(),
                resource.getOptions().getProtect(), resource.getParent(), resource.getDependenciesList(),
                propertyDependencies, providerRef(resource.getProvider()));
    }

    /** The provider a resource uses, as a view of its own, so stack rules can read its default tags. */
    static ResourceView of(AnalyzerProviderResource provider) {
        return new ResourceView(provider.getUrn(), provider.getType(), provider.getName(), layerOf(provider.getUrn()),
                WireValues.fromStruct(provider.getProperties()), JsonNodeFactory.instance.objectNode(), false, "",
                List.of(), Map.of(), "");
    }

    private static String providerRef(AnalyzerProviderResource provider) {
        return provider.getUrn().isEmpty() ? "" : provider.getUrn() + "::" + WireValues.UNKNOWN;
    }

    static String layerOf(String urn) {
        return stacks.Layer.ofUrn(urn).map(stacks.Layer::tagValue).orElse("");
    }

    private static void require(String urn, String type) {
        if (urn.isBlank() || type.isBlank() || !urn.startsWith("urn:pulumi:")) {
            throw new IllegalArgumentException("malformed resource: urn '" + urn + "' and type '" + type
                    + "' are required");
        }
    }
}
