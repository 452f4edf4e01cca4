package devmin.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.plan.cost.CostEstimate;
import devmin.plan.cost.CostLine;
import devmin.policy.report.PolicyReportJson;

import java.util.List;
import java.util.TreeMap;

/** The plan as versioned JSON ({@value Plan#SCHEMA}); its JSON schema is {@code devmin/plan/plan_snapshot.schema.json}. */
public final class PlanJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanJson() {
    }

    public static ObjectNode of(Plan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", Plan.SCHEMA);
        root.put("overall_pass", plan.passes());
        ArrayNode blockers = root.putArray("blockers");
        plan.blockers().forEach(blockers::add);
        ArrayNode warnings = root.putArray("warnings");
        plan.warnings().forEach(warnings::add);
        root.set("provenance", plan.provenance().toJson());
        ObjectNode env = root.putObject("environment");
        env.put("name", plan.spec().environment());
        env.put("stack", plan.spec().stack());
        env.put("region", plan.spec().awsRegion());
        env.put("account_id", plan.spec().awsAccountId());
        ArrayNode layers = root.putArray("layers");
        for (LayerSummary layer : plan.layers()) {
            ObjectNode node = layers.addObject();
            node.put("layer", layer.layer());
            node.put("resources", layer.total());
            node.put("protected", layer.protectedCount());
            ObjectNode types = node.putObject("by_type");
            new TreeMap<>(layer.byType()).forEach(types::put);
        }
        ArrayNode ci = root.putArray("ci_trust");
        CiTrust.of(plan.resources(), plan.spec().awsAccountId()).forEach(r -> {
            ObjectNode role = ci.addObject().put("role", r.role()).put("arn", r.arn());
            r.subjects().forEach(role.putArray("sub")::add);
        });
        ObjectNode handles = root.putObject("handles");
        plan.handles().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> handles.put(e.getKey(), e.getValue()));
        root.set("policy", PolicyReportJson.of(plan.policy()));
        ArrayNode resources = root.putArray("resources");
        plan.resources().forEach(r -> resources.add(resource(r)));
        ObjectNode cost = root.putObject("cost");
        plan.cost().ifPresentOrElse(c -> {
            cost.put("available", true);
            cost.put("currency", c.currency());
            cost.put("idle_monthly", round(c.idleMonthly()));
            cost.put("window_hourly", round(c.windowHourly()));
            cost.put("window_hours_per_month", c.windowHours());
            cost.put("kept_monthly", round(c.keptMonthly()));
            cost.put("monthly_total", round(c.monthlyTotal()));
            cost.put("budget_monthly_limit", c.budgetLimit());
            cost.put("within_budget", c.withinBudget());
            cost.put("complete", c.complete());
            ArrayNode unpriced = cost.putArray("unpriced_lines");
            c.unpriced().forEach(g -> unpriced.addObject().put("item", g.item()).put("key", g.key())
                    .put("region", g.region()).put("reason", g.reason()));
            ArrayNode crossed = cost.putArray("alert_thresholds_crossed");
            c.thresholdsCrossed().forEach(crossed::add);
            lines(cost.putArray("idle_lines"), c.idle());
            lines(cost.putArray("window_lines"), c.window());
            lines(cost.putArray("kept_lines"), c.kept());
            lines(cost.putArray("violation_lines"), c.violations());
            cost.put("job_runs_in_monthly_total", false);
            cost.put("job_runs_note", CostEstimate.JOB_RUNS_NOT_IN_TOTAL);
            cost.put("job_runs_once", round(c.jobRunsOnce()));
            ArrayNode jobs = cost.putArray("job_run_lines");
            c.jobRuns().forEach(j -> jobs.addObject().put("lane", j.lane()).put("probe", j.probe())
                    .put("run_minutes", j.runMinutes()).put("run_minutes_from", j.runTimeFrom().wireName())
                    .put("item", j.line().item()).put("basis", j.line().basis())
                    .put("amount_per_run", round(j.line().amount())).put("upper_bound", j.line().upperBound()));
        }, () -> {
            cost.put("available", false);
            cost.put("reason", plan.costUnavailable());
        });
        return root;
    }

    private static ObjectNode resource(PlannedResource r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("urn", r.urn());
        node.put("type", r.type());
        node.put("name", r.name());
        node.put("layer", r.layer());
        node.put("custom", r.custom());
        node.put("protect", r.protect());
        node.put("parent", r.parent());
        node.put("provider", r.provider());
        ArrayNode dependencies = node.putArray("dependencies");
        r.dependencies().forEach(dependencies::add);
        node.set("inputs", r.inputs().deepCopy());
        ObjectNode fingerprints = node.putObject("secret_fingerprints");
        new TreeMap<>(r.secretFingerprints()).forEach(fingerprints::put);
        return node;
    }

    private static void lines(ArrayNode array, List<CostLine> lines) {
        lines.forEach(l -> array.addObject().put("item", l.item()).put("basis", l.basis())
                .put("amount", round(l.amount())).put("upper_bound", l.upperBound()));
    }

    static double round(double amount) {
        return Math.round(amount * 10_000.0) / 10_000.0;
    }
}
