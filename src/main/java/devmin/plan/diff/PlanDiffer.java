package devmin.plan.diff;

import devmin.plan.PlannedResource;
import devmin.plan.diff.PlanDiff.CostDelta;
import devmin.plan.diff.PlanDiff.PolicyDelta;
import devmin.plan.diff.PlanDiff.PropertyChange;
import devmin.plan.diff.PlanDiff.ResourceChange;
import devmin.plan.diff.PlanDiff.Side;
import devmin.plan.diff.PlanDiff.TypeCount;
import devmin.plan.diff.PlanSnapshot.FindingRef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two plans. Resources are matched by URN; a resource whose URN changed but whose type and name are unique
 * in both plans is the same resource moved (another parent or layer), as Pulumi's aliases would treat it.
 */
public final class PlanDiffer {

    static final List<String> LAYER_ORDER = List.of("core", "confluent", "demo", "stack");
    static final Comparator<PlannedResource> READING_ORDER = Comparator
            .comparingInt((PlannedResource r) -> LAYER_ORDER.indexOf(r.layer()))
            .thenComparing(PlannedResource::type).thenComparing(PlannedResource::name);

    private PlanDiffer() {
    }

    public static PlanDiff diff(PlanSnapshot base, PlanSnapshot head) {
        boolean resourceLevel = base.hasResources() && head.hasResources();
        List<PlannedResource> added = new ArrayList<>();
        List<PlannedResource> removed = new ArrayList<>();
        List<ResourceChange> changed = new ArrayList<>();
        if (resourceLevel) {
            compareResources(base.resources(), head.resources(), added, removed, changed);
        }
        added.sort(READING_ORDER);
        removed.sort(READING_ORDER);
        changed.sort(Comparator.comparing(ResourceChange::after, READING_ORDER));
        return new PlanDiff(side(base), side(head), resourceLevel, added, removed, changed, typeCounts(base, head),
                policy(base, head), new CostDelta(base.cost(), head.cost()));
    }

    private static Side side(PlanSnapshot s) {
        return new Side(s.source(), s.version(), s.gitCommit(), s.finishedAt(), s.overallPass());
    }

    private static void compareResources(List<PlannedResource> before, List<PlannedResource> after,
                                         List<PlannedResource> added, List<PlannedResource> removed,
                                         List<ResourceChange> changed) {
        Map<String, PlannedResource> beforeByUrn = byUrn(before);
        Map<String, PlannedResource> afterByUrn = byUrn(after);
        List<PlannedResource> onlyBefore = before.stream().filter(r -> !afterByUrn.containsKey(r.urn())).toList();
        List<PlannedResource> onlyAfter = after.stream().filter(r -> !beforeByUrn.containsKey(r.urn())).toList();
        Map<String, PlannedResource> movedFrom = uniqueByTypeAndName(onlyBefore);
        Map<String, PlannedResource> movedTo = uniqueByTypeAndName(onlyAfter);
        for (PlannedResource r : onlyBefore) {
            PlannedResource target = movedTo.get(typeAndName(r));
            if (target != null && movedFrom.containsKey(typeAndName(r))) {
                changed.add(change(r, target));
            } else {
                removed.add(r);
            }
        }
        for (PlannedResource r : onlyAfter) {
            if (!(movedFrom.containsKey(typeAndName(r)) && movedTo.containsKey(typeAndName(r)))) {
                added.add(r);
            }
        }
        for (PlannedResource r : after) {
            PlannedResource old = beforeByUrn.get(r.urn());
            if (old != null) {
                ResourceChange change = change(old, r);
                if (differs(change)) {
                    changed.add(change);
                }
            }
        }
    }

    private static ResourceChange change(PlannedResource before, PlannedResource after) {
        List<PropertyChange> properties = InputChanges.between(before, after);
        TreeSet<String> gained = new TreeSet<>(after.dependencies());
        gained.removeAll(before.dependencies());
        TreeSet<String> lost = new TreeSet<>(before.dependencies());
        lost.removeAll(after.dependencies());
        return new ResourceChange(before, after, properties, List.copyOf(gained), List.copyOf(lost));
    }

    private static boolean differs(ResourceChange c) {
        return !c.properties().isEmpty() || c.protectChanged() || c.layerChanged() || c.urnChanged()
                || c.providerChanged() || !c.dependenciesAdded().isEmpty() || !c.dependenciesRemoved().isEmpty();
    }

    private static Map<String, PlannedResource> byUrn(List<PlannedResource> resources) {
        Map<String, PlannedResource> map = new HashMap<>();
        resources.forEach(r -> map.put(r.urn(), r));
        return map;
    }

    private static Map<String, PlannedResource> uniqueByTypeAndName(List<PlannedResource> resources) {
        Map<String, List<PlannedResource>> grouped = resources.stream()
                .collect(Collectors.groupingBy(PlanDiffer::typeAndName));
        Map<String, PlannedResource> unique = new HashMap<>();
        grouped.forEach((key, list) -> {
            if (list.size() == 1) {
                unique.put(key, list.get(0));
            }
        });
        return unique;
    }

    private static String typeAndName(PlannedResource r) {
        return r.type() + "::" + r.name();
    }

    /** Per layer: the total when it differs, then each type whose count differs. */
    private static List<TypeCount> typeCounts(PlanSnapshot base, PlanSnapshot head) {
        List<TypeCount> counts = new ArrayList<>();
        for (String layer : LAYER_ORDER.subList(0, 3)) {
            PlanSnapshot.LayerCounts before = base.layers().getOrDefault(layer, EMPTY);
            PlanSnapshot.LayerCounts after = head.layers().getOrDefault(layer, EMPTY);
            if (before.total() != after.total()) {
                counts.add(new TypeCount(layer, "", before.total(), after.total()));
            }
            TreeSet<String> types = new TreeSet<>(before.byType().keySet());
            types.addAll(after.byType().keySet());
            for (String type : types) {
                int b = before.byType().getOrDefault(type, 0);
                int a = after.byType().getOrDefault(type, 0);
                if (a != b) {
                    counts.add(new TypeCount(layer, type, b, a));
                }
            }
        }
        return counts;
    }

    private static final PlanSnapshot.LayerCounts EMPTY = new PlanSnapshot.LayerCounts(0, 0, Map.of());

    /** A finding that moved between counting and waived is reported as that move, not as gone or new. */
    private static PolicyDelta policy(PlanSnapshot base, PlanSnapshot head) {
        return new PolicyDelta(minus(head.findings(), base.findings(), base.waived()),
                minus(base.findings(), head.findings(), head.waived()),
                minus(head.waived(), base.waived(), List.of()), minus(base.waived(), head.waived(), List.of()));
    }

    private static List<FindingRef> minus(List<FindingRef> these, List<FindingRef> those, List<FindingRef> moved) {
        Set<String> known = new java.util.HashSet<>();
        those.forEach(f -> known.add(f.key()));
        moved.forEach(f -> known.add(f.key()));
        Map<String, FindingRef> distinct = these.stream().filter(f -> !known.contains(f.key()))
                .collect(Collectors.toMap(FindingRef::key, Function.identity(), (x, y) -> x, LinkedHashMap::new));
        return distinct.values().stream().sorted(Comparator.comparing(FindingRef::key)).toList();
    }
}
