package devmin.plan.diff;

import devmin.plan.PlannedResource;
import stacks.Layer;
import stacks.core.WindowRolePolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed between an earlier plan (the base) and this one (the head): resources added, removed and changed, the
 * counts per layer and type, the policy findings that appeared or disappeared, and the cost.
 *
 * @param base          the earlier plan
 * @param head          this plan
 * @param resourceLevel whether resources could be compared one by one (both snapshots v2)
 * @param added         resources only the head declares
 * @param removed       resources only the base declares
 * @param changed       resources both declare that differ (inputs, protect, layer, provider or dependencies)
 * @param types         per layer and type token, counts that differ
 * @param policy        findings that appeared, disappeared, became waived or stopped being waived
 * @param cost          the cost before and after
 */
public record PlanDiff(Side base, Side head, boolean resourceLevel, List<PlannedResource> added,
                       List<PlannedResource> removed, List<ResourceChange> changed, List<TypeCount> types,
                       PolicyDelta policy, CostDelta cost) {

    public PlanDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        types = List.copyOf(types);
    }

    /** Nothing differs that a diff reports. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && types.isEmpty() && policy.isEmpty()
                && !cost.changed();
    }

    /**
     * The changes a demo window cannot apply, so an administrator's {@code pulumi up} must: every resource added,
     * removed or changed outside the demo layer (core and confluent hold the CI roles, the lanes' roles and their
     * Kafka principals), except the updates a window's role is given ({@link WindowRolePolicy#UPDATES_IN_CORE}: the
     * ECR lifecycle policy that keeps the pinned image). Each reads like a diff line, e.g. {@code + core aws:iam.Role
     * lane-role-fraud-scorer}.
     */
    public List<String> administratorChanges() {
        List<String> out = new ArrayList<>();
        added.stream().filter(r -> !demo(r)).forEach(r -> out.add("+ " + describe(r)));
        changed.stream().filter(c -> !demo(c.before()) || !demo(c.after()))
                .filter(c -> c.layerChanged() || !WindowRolePolicy.UPDATES_IN_CORE.contains(c.after().type()))
                .forEach(c -> out.add("~ " + describe(c.after())));
        removed.stream().filter(r -> !demo(r)).forEach(r -> out.add("- " + describe(r)));
        return out;
    }

    public boolean needsAdministrator() {
        return !administratorChanges().isEmpty();
    }

    private static boolean demo(PlannedResource resource) {
        return resource.layer().equals(Layer.DEMO.tagValue());
    }

    private static String describe(PlannedResource resource) {
        return resource.layer() + " " + resource.shortType() + " " + resource.name();
    }

    /** Why resources were not compared one by one (empty when they were). */
    public String resourceLevelNote() {
        return resourceLevel ? "" : "resource-level diff unavailable: the base snapshot is schema v" + base.version()
                + " (no resources); counts, policy and cost are compared";
    }

    /** Which plan a side is, for the header of a diff. */
    public record Side(String source, int version, String gitCommit, String finishedAt, boolean overallPass) {
    }

    /** A resource both plans declare (matched by URN, or by type and name when its URN moved) that differs. */
    public record ResourceChange(PlannedResource before, PlannedResource after, List<PropertyChange> properties,
                                 List<String> dependenciesAdded, List<String> dependenciesRemoved) {
        public ResourceChange {
            properties = List.copyOf(properties);
            dependenciesAdded = List.copyOf(dependenciesAdded);
            dependenciesRemoved = List.copyOf(dependenciesRemoved);
        }

        public boolean protectChanged() {
            return before.protect() != after.protect();
        }

        public boolean layerChanged() {
            return !before.layer().equals(after.layer());
        }

        public boolean urnChanged() {
            return !before.urn().equals(after.urn());
        }

        public boolean providerChanged() {
            return !before.provider().equals(after.provider());
        }
    }

    /**
     * One input that differs. A secret's values are never shown: {@code secret} is set and both values are empty.
     *
     * @param path   where, e.g. {@code partitionsCount} or {@code policy.Statement[1].Action}
     * @param before the old value as shown, {@code (none)} when absent
     * @param after  the new value as shown
     * @param secret whether either side is a secret
     */
    public record PropertyChange(String path, String before, String after, boolean secret) {
    }

    /** A layer's count of one type token in both plans ({@code type} empty: the layer's total). */
    public record TypeCount(String layer, String type, int before, int after) {
        public boolean isLayerTotal() {
            return type.isEmpty();
        }
    }

    /** Policy findings by rule and URN. */
    public record PolicyDelta(List<PlanSnapshot.FindingRef> appeared, List<PlanSnapshot.FindingRef> disappeared,
                              List<PlanSnapshot.FindingRef> nowWaived, List<PlanSnapshot.FindingRef> noLongerWaived) {
        public PolicyDelta {
            appeared = List.copyOf(appeared);
            disappeared = List.copyOf(disappeared);
            nowWaived = List.copyOf(nowWaived);
            noLongerWaived = List.copyOf(noLongerWaived);
        }

        public boolean isEmpty() {
            return appeared.isEmpty() && disappeared.isEmpty() && nowWaived.isEmpty() && noLongerWaived.isEmpty();
        }
    }

    /** The cost of both plans; {@link #comparable()} only when both had an estimate in the same currency. */
    public record CostDelta(PlanSnapshot.CostFigures before, PlanSnapshot.CostFigures after) {

        public boolean comparable() {
            return before.available() && after.available() && before.currency().equals(after.currency());
        }

        public boolean changed() {
            if (!comparable()) {
                return before.available() != after.available();
            }
            return idleMonthly() != 0 || windowHourly() != 0 || monthlyTotal() != 0;
        }

        public double idleMonthly() {
            return round(after.idleMonthly() - before.idleMonthly());
        }

        public double windowHourly() {
            return round(after.windowHourly() - before.windowHourly());
        }

        public double monthlyTotal() {
            return round(after.monthlyTotal() - before.monthlyTotal());
        }

        /** Snapshots round to 4 places; so does the delta, so equal figures never show a spurious 0.0000001. */
        private static double round(double amount) {
            return Math.round(amount * 10_000.0) / 10_000.0;
        }
    }
}
