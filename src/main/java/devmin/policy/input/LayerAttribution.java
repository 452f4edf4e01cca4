package devmin.policy.input;

import devmin.policy.ResourceView;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Gives each view its layer: the nearest {@code devmin:stacks:<Layer>Stack} ancestor, by parent URN. */
final class LayerAttribution {

    private static final String PREFIX = "devmin:stacks:";

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
            if (current.type().startsWith(PREFIX) && current.type().endsWith("Stack")) {
                String component = current.type().substring(PREFIX.length());
                return component.substring(0, component.length() - "Stack".length()).toLowerCase(Locale.ROOT);
            }
            current = byUrn.get(current.parentUrn());
        }
        return "";
    }
}
