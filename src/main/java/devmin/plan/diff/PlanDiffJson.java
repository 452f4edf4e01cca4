package devmin.plan.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.plan.PlannedResource;
import devmin.plan.diff.PlanDiff.PropertyChange;
import devmin.plan.diff.PlanDiff.ResourceChange;
import devmin.plan.diff.PlanSnapshot.FindingRef;

import java.util.List;

/** The diff as versioned JSON ({@value #SCHEMA}); its JSON schema is {@code devmin/plan/plan_diff.schema.json}. */
public final class PlanDiffJson {

    public static final String SCHEMA = "devmin.plan-diff/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanDiffJson() {
    }

    public static ObjectNode of(PlanDiff diff) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.set("base", side(diff.base()));
        root.set("head", side(diff.head()));
        root.put("any_change", !diff.isEmpty());
        root.put("resource_level", diff.resourceLevel());
        root.put("needs_administrator", diff.needsAdministrator());
        diff.administratorChanges().forEach(root.withArray("administrator_changes")::add);
        if (!diff.resourceLevel()) {
            root.put("resource_level_note", diff.resourceLevelNote());
        }
        ArrayNode added = root.putArray("added");
        diff.added().forEach(r -> added.add(resource(r)));
        ArrayNode removed = root.putArray("removed");
        diff.removed().forEach(r -> removed.add(resource(r)));
        ArrayNode changed = root.putArray("changed");
        diff.changed().forEach(c -> changed.add(change(c)));
        ArrayNode counts = root.putArray("counts");
        diff.types().forEach(c -> counts.addObject().put("layer", c.layer()).put("type", c.type())
                .put("before", c.before()).put("after", c.after()));
        ObjectNode policy = root.putObject("policy");
        findings(policy.putArray("appeared"), diff.policy().appeared());
        findings(policy.putArray("disappeared"), diff.policy().disappeared());
        findings(policy.putArray("now_waived"), diff.policy().nowWaived());
        findings(policy.putArray("no_longer_waived"), diff.policy().noLongerWaived());
        root.set("cost", cost(diff.cost()));
        return root;
    }

    private static ObjectNode side(PlanDiff.Side side) {
        return JSON.createObjectNode().put("source", side.source()).put("schema_version", side.version())
                .put("git_commit", side.gitCommit()).put("finished_at", side.finishedAt())
                .put("overall_pass", side.overallPass());
    }

    private static ObjectNode resource(PlannedResource r) {
        return JSON.createObjectNode().put("urn", r.urn()).put("type", r.type()).put("name", r.name())
                .put("layer", r.layer()).put("protect", r.protect());
    }

    private static ObjectNode change(ResourceChange c) {
        ObjectNode node = resource(c.after());
        if (c.urnChanged()) {
            node.put("urn_before", c.before().urn());
        }
        if (c.layerChanged()) {
            node.put("layer_before", c.before().layer());
        }
        if (c.protectChanged()) {
            node.put("protect_before", c.before().protect());
        }
        if (c.providerChanged()) {
            node.put("provider_before", c.before().provider()).put("provider", c.after().provider());
        }
        ArrayNode properties = node.putArray("properties");
        for (PropertyChange p : c.properties()) {
            ObjectNode property = properties.addObject().put("path", p.path()).put("secret", p.secret());
            if (!p.secret()) {
                property.put("before", p.before()).put("after", p.after());
            }
        }
        ArrayNode gained = node.putArray("dependencies_added");
        c.dependenciesAdded().forEach(gained::add);
        ArrayNode lost = node.putArray("dependencies_removed");
        c.dependenciesRemoved().forEach(lost::add);
        return node;
    }

    private static void findings(ArrayNode array, List<FindingRef> findings) {
        findings.forEach(f -> array.addObject().put("rule_id", f.ruleId()).put("enforcement", f.enforcement())
                .put("urn", f.urn()).put("message", f.message()));
    }

    private static ObjectNode cost(PlanDiff.CostDelta cost) {
        ObjectNode node = JSON.createObjectNode();
        node.put("comparable", cost.comparable());
        if (!cost.comparable()) {
            node.put("before_reason", cost.before().available() ? "" : cost.before().reason());
            node.put("after_reason", cost.after().available() ? "" : cost.after().reason());
            return node;
        }
        node.put("currency", cost.after().currency());
        node.putObject("idle_monthly").put("before", cost.before().idleMonthly())
                .put("after", cost.after().idleMonthly()).put("delta", cost.idleMonthly());
        node.putObject("window_hourly").put("before", cost.before().windowHourly())
                .put("after", cost.after().windowHourly()).put("delta", cost.windowHourly());
        node.putObject("monthly_total").put("before", cost.before().monthlyTotal())
                .put("after", cost.after().monthlyTotal()).put("delta", cost.monthlyTotal())
                .put("window_hours_before", cost.before().windowHours())
                .put("window_hours_after", cost.after().windowHours());
        return node;
    }
}
