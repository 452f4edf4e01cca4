package devmin.policy.input;

import devmin.policy.ResourceView;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Gives each view its layer: the nearest layer-component ancestor by parent URN, else the URN's type chain. */
final class LayerAttribution {

    private LayerAttribution() {
    }

    static List<ResourceView> apply(List<ResourceView> views) {
        Map<String, ResourceView> byUrn = new HashMap<>();
        views.forEach(v -> byUrn.put(v.urn(), v));
        return views.stream().map(v -> v.withLayer(layerOf(v, byUrn))).toList();
    }

    private static String layerOf(ResourceView view, Map<String, ResourceView> byUrn) {
        ResourceView current = view;
        for (int depth = 0; current != null && depth < 64; depth++) {
            var layer = stacks.Layer.ofComponentType(current.type());
            if (layer.isPresent()) {
                return layer.get().tagValue();
            }
            current = byUrn.get(current.parentUrn());
        }
        return stacks.Layer.ofUrn(view.urn()).map(stacks.Layer::tagValue).orElse("");
    }
}
