package devmin.plan.diff;

import devmin.plan.PlannedResource;

import java.util.List;
import java.util.Map;

/**
 * A plan as read back from its {@code plan_snapshot.json} (schema v1 or v2): what a diff compares. A v1 snapshot has
 * no resources, so only counts, policy findings and cost can be compared with it.
 *
 * @param version     the schema version, 1 or 2
 * @param source      where it was read from (a file name, or "this plan")
 * @param stack       the stack it planned
 * @param gitCommit   the commit it was planned at, or "unknown"
 * @param finishedAt  when it was planned (ISO-8601), or empty
 * @param overallPass its verdict
 * @param layers      per layer (core, confluent, demo), its counts
 * @param resources   every declared resource; empty for v1 (see {@link #hasResources()})
 * @param findings    the policy findings that counted (not waived)
 * @param waived      the policy findings a waiver covered
 * @param cost        its cost figures
 */
public record PlanSnapshot(int version, String source, String stack, String gitCommit, String finishedAt,
                           boolean overallPass, Map<String, LayerCounts> layers, List<PlannedResource> resources,
                           List<FindingRef> findings, List<FindingRef> waived, CostFigures cost) {

    public static final String V1 = "devmin.plan-snapshot/v1";
    public static final String V2 = "devmin.plan-snapshot/v2";

    public PlanSnapshot {
        layers = Map.copyOf(layers);
        resources = List.copyOf(resources);
        findings = List.copyOf(findings);
        waived = List.copyOf(waived);
    }

    public boolean hasResources() {
        return version >= 2;
    }

    /** A layer's counts: resources (cloud resources and providers), protected ones, and per type token. */
    public record LayerCounts(int total, int protectedCount, Map<String, Integer> byType) {
        public LayerCounts {
            byType = Map.copyOf(byType);
        }
    }

    /** A policy finding, identified across plans by rule and URN. */
    public record FindingRef(String ruleId, String enforcement, String urn, String message) {
        public String key() {
            return ruleId + " " + urn;
        }
    }

    /**
     * The plan's cost, when it had an estimate.
     *
     * @param available   whether there was an estimate
     * @param reason      why not, when not
     * @param windowHours the window-hours per month the month figure assumes
     */
    public record CostFigures(boolean available, String reason, String currency, double idleMonthly,
                              double windowHourly, double windowHours, double monthlyTotal) {
        public static CostFigures unavailable(String reason) {
            return new CostFigures(false, reason, "", 0, 0, 0, 0);
        }
    }
}
