package devmin.plan;

import devmin.graph.DeclaredResource;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one layer declares: resource counts by type token, and how many of them are protected.
 *
 * @param layer      core, confluent, demo (or stack for the providers outside any layer)
 * @param total      number of resources
 * @param protectedCount how many carry the protect flag
 * @param byType     type token to count, sorted
 */
public record LayerSummary(String layer, int total, int protectedCount, Map<String, Integer> byType) {

    public LayerSummary {
        byType = Map.copyOf(byType);
    }

    public static LayerSummary of(String layer, List<DeclaredResource> resources) {
        Map<String, Integer> byType = new TreeMap<>();
        resources.forEach(r -> byType.merge(r.type(), 1, Integer::sum));
        int protectedCount = (int) resources.stream().filter(DeclaredResource::protect).count();
        return new LayerSummary(layer, resources.size(), protectedCount, byType);
    }

    public Map<String, Integer> sortedByType() {
        return new TreeMap<>(byType);
    }
}
