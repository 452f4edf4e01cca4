package devmin.policy.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.policy.Finding;
import devmin.policy.PolicyReport;
import devmin.policy.Waiver;

/** The policy report as versioned JSON ({@value PolicyReport#SCHEMA}): a verdict with overall_pass and blockers. */
public final class PolicyReportJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyReportJson() {
    }

    public static ObjectNode of(PolicyReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", PolicyReport.SCHEMA);
        root.put("pack", report.pack());
        root.put("evaluated_resources", report.evaluatedResources());
        root.put("overall_pass", report.passes());
        ArrayNode blockers = root.putArray("blockers");
        report.mandatory().forEach(f -> blockers.add(f.ruleId() + " " + f.urn() + ": " + f.message()));
        ArrayNode findings = root.putArray("findings");
        report.findings().forEach(f -> findings.add(finding(f)));
        ArrayNode waived = root.putArray("waived");
        report.waived().forEach(w -> {
            ObjectNode node = finding(w.finding());
            node.set("waiver", waiver(w.waiver()));
            waived.add(node);
        });
        ArrayNode passed = root.putArray("passed_rules");
        report.passedRules().forEach(passed::add);
        ArrayNode used = root.putArray("waivers_used");
        report.waiversUsed().forEach(w -> used.add(waiver(w)));
        return root;
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode node = JSON.createObjectNode();
        node.put("rule_id", f.ruleId());
        node.put("rule", f.ruleName());
        node.put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
        node.put("enforcement", f.enforcement().wireName());
        node.put("urn", f.urn());
        node.put("message", f.message());
        node.put("remediation", f.remediation());
        return node;
    }

    private static ObjectNode waiver(Waiver w) {
        ObjectNode node = JSON.createObjectNode();
        node.put("rule", w.rule());
        node.put("resource", w.resource());
        node.put("reason", w.reason());
        node.put("owner", w.owner());
        node.put("expires", w.expires().toString());
        return node;
    }
}
