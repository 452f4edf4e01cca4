package devmin.plan.diagram;

import devmin.plan.PlannedResource;
import devmin.plan.diff.PlanDiff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The declared graph folded by kind (type within a layer): how many of each, the real dependency edges between kinds,
 * the policy findings on them, and with an earlier plan how each kind changed. This is what the diagram draws, so it
 * stays readable at hundreds of resources.
 *
 * @param kinds per layer, its kinds sorted by type
 * @param edges dependent kind key to the kind keys it depends on
 * @param removedEdges the same for dependencies only the earlier plan had
 */
public record KindGraph(Map<String, List<ResourceKind>> kinds, Map<String, Set<String>> edges,
                        Map<String, Set<String>> removedEdges) {

    static final List<String> LAYERS = List.of("core", "confluent", "demo");

    public static KindGraph of(Collection<PlannedResource> resources, Map<String, List<String>> findingsByUrn) {
        return build(resources, findingsByUrn, Map.of(), List.of());
    }

    /** With the changes against an earlier plan: added, changed and removed kinds, and the edges that went away. */
    public static KindGraph of(Collection<PlannedResource> resources, Map<String, List<String>> findingsByUrn,
                               PlanDiff diff) {
        Map<String, KindStatus> status = new HashMap<>();
        Map<String, int[]> counts = new HashMap<>();
        for (PlanDiff.TypeCount c : diff.types()) {
            if (!c.isLayerTotal()) {
                counts.put(ResourceKind.key(c.layer(), c.type()), new int[]{c.before(), c.after()});
                status.put(ResourceKind.key(c.layer(), c.type()), c.before() == 0 ? KindStatus.ADDED
                        : c.after() == 0 ? KindStatus.REMOVED : KindStatus.CHANGED);
            }
        }
        List<PlannedResource> touched = new ArrayList<>(diff.added());
        touched.addAll(diff.removed());
        diff.changed().forEach(c -> {
            touched.add(c.before());
            touched.add(c.after());
        });
        touched.forEach(r -> status.putIfAbsent(ResourceKind.key(r.layer(), r.type()), KindStatus.CHANGED));
        Map<String, Integer> before = new HashMap<>();
        counts.forEach((key, pair) -> before.put(key, pair[0]));
        KindGraph graph = build(resources, findingsByUrn, status, diff.removed());
        return graph.withRemovedKinds(counts, before, status);
    }

    private static KindGraph build(Collection<PlannedResource> resources, Map<String, List<String>> findingsByUrn,
                                   Map<String, KindStatus> status, List<PlannedResource> removed) {
        Map<String, String> kindOfUrn = new HashMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, TreeSet<String>> findings = new HashMap<>();
        for (PlannedResource r : drawn(resources)) {
            String key = ResourceKind.key(r.layer(), r.type());
            kindOfUrn.put(r.urn(), key);
            counts.merge(key, 1, Integer::sum);
            findings.computeIfAbsent(key, k -> new TreeSet<>()).addAll(findingsByUrn.getOrDefault(r.urn(), List.of()));
        }
        Map<String, List<ResourceKind>> kinds = new LinkedHashMap<>();
        LAYERS.forEach(layer -> kinds.put(layer, new ArrayList<>()));
        counts.forEach((key, count) -> {
            String layer = key.substring(0, key.indexOf('|'));
            kinds.get(layer).add(new ResourceKind(layer, key.substring(key.indexOf('|') + 1), count, count,
                    status.getOrDefault(key, KindStatus.UNCHANGED), List.copyOf(findings.get(key))));
        });
        Map<String, String> removedKindOfUrn = new HashMap<>(kindOfUrn);
        drawn(removed).forEach(r -> removedKindOfUrn.put(r.urn(), ResourceKind.key(r.layer(), r.type())));
        return new KindGraph(kinds, edges(drawn(resources), kindOfUrn), edges(drawn(removed), removedKindOfUrn));
    }

    /** Cloud resources of the three layers: providers, components and the stack are structure, not kinds. */
    private static List<PlannedResource> drawn(Collection<PlannedResource> resources) {
        return resources.stream().filter(r -> r.custom() && !r.isProvider() && LAYERS.contains(r.layer())).toList();
    }

    private static Map<String, Set<String>> edges(List<PlannedResource> resources, Map<String, String> kindOfUrn) {
        Map<String, Set<String>> edges = new TreeMap<>();
        for (PlannedResource r : resources) {
            String from = kindOfUrn.get(r.urn());
            for (String dependency : r.dependencies()) {
                String to = kindOfUrn.get(dependency);
                if (to != null && !to.equals(from)) {
                    edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
        return edges;
    }

    private KindGraph withRemovedKinds(Map<String, int[]> counts, Map<String, Integer> before,
                                       Map<String, KindStatus> status) {
        Map<String, List<ResourceKind>> all = new LinkedHashMap<>();
        kinds.forEach((layer, list) -> {
            List<ResourceKind> updated = new ArrayList<>();
            list.forEach(k -> updated.add(new ResourceKind(k.layer(), k.type(), k.count(),
                    before.getOrDefault(k.key(), k.count()), k.status(), k.findings())));
            all.put(layer, updated);
        });
        counts.forEach((key, pair) -> {
            boolean provider = key.contains("|pulumi:providers:");
            if (pair[1] == 0 && status.get(key) == KindStatus.REMOVED && !provider) {
                String layer = key.substring(0, key.indexOf('|'));
                if (all.containsKey(layer)) {
                    all.get(layer).add(new ResourceKind(layer, key.substring(key.indexOf('|') + 1), 0, pair[0],
                            KindStatus.REMOVED, List.of()));
                }
            }
        });
        all.values().forEach(list -> list.sort(java.util.Comparator.comparing(ResourceKind::type)));
        return new KindGraph(all, edges, removedEdges);
    }
}
