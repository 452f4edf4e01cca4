package devmin.graph;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything a program run declared: the resources in registration order and the stack outputs.
 * Knows which layer each resource belongs to (its nearest layer-component ancestor).
 */
public final class StackGraph {

    private final List<DeclaredResource> resources;
    private final Map<String, JsonNode> outputs;
    private final Map<String, DeclaredResource> byUrn = new HashMap<>();

    public StackGraph(List<DeclaredResource> resources, Map<String, JsonNode> outputs) {
        this.resources = List.copyOf(resources);
        this.outputs = Map.copyOf(outputs);
        this.resources.forEach(r -> byUrn.put(r.urn(), r));
    }

    public List<DeclaredResource> resources() {
        return resources;
    }

    public Map<String, JsonNode> outputs() {
        return outputs;
    }

    public Optional<DeclaredResource> byUrn(String urn) {
        return Optional.ofNullable(byUrn.get(urn));
    }

    /** The layer name ({@code core}, {@code confluent}, {@code demo}) or empty for stack-level resources. */
    public Optional<String> layerOf(DeclaredResource resource) {
        DeclaredResource current = resource;
        for (int depth = 0; current != null && depth < 64; depth++) {
            var layer = stacks.Layer.ofComponentType(current.type());
            if (layer.isPresent()) {
                return Optional.of(layer.get().tagValue());
            }
            current = byUrn.get(current.parentUrn());
        }
        return Optional.empty();
    }

    /** Custom resources and providers (what the cloud will hold), grouped by layer, in registration order. */
    public Map<String, List<DeclaredResource>> customResourcesByLayer() {
        return resources.stream()
                .filter(DeclaredResource::custom)
                .collect(Collectors.groupingBy(r -> layerOf(r).orElse("stack"), LinkedHashMap::new,
                        Collectors.toList()));
    }
}
