package devmin.policy.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.policy.Enforcement;
import devmin.policy.Finding;
import devmin.policy.PolicyEngine;
import devmin.policy.PolicyReport;
import devmin.policy.Rule;

/**
 * The policy report as SARIF 2.1.0, for code-scanning UIs. Pulumi resources have no source file, so each result's
 * location is a logical location whose fully qualified name is the resource URN.
 */
public final class SarifReport {

    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    /**
     * The rules' documentation (docs/policy.md), under the project's own namespace devmin.dev, as the plan schemas'
     * {@code $id} (https://devmin.dev/schemas/…) and the tools' Go modules (devmin.dev/tools/…) are.
     */
    public static final String RULES_DOC = "https://devmin.dev/docs/policy.md";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SarifReport() {
    }

    public static ObjectNode of(PolicyReport report, PolicyEngine engine) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SCHEMA_URI);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", engine.pack().name());
        driver.put("version", engine.pack().version());
        driver.put("informationUri", RULES_DOC);
        ArrayNode rules = driver.putArray("rules");
        for (Rule rule : engine.pack().rules()) {
            ObjectNode r = rules.addObject();
            r.put("id", rule.id());
            r.put("name", rule.name());
            r.putObject("shortDescription").put("text", rule.statement());
            r.putObject("help").put("text", rule.remediation());
            r.putObject("defaultConfiguration").put("level", level(engine.enforcementOf(rule)));
        }
        ObjectNode waiverRule = rules.addObject();
        waiverRule.put("id", PolicyEngine.WAIVER_RULE_ID);
        waiverRule.put("name", "waivers-are-valid");
        waiverRule.putObject("shortDescription").put("text", "Every waiver is unexpired, matches a resource and"
                + " names a waivable rule.");
        waiverRule.putObject("defaultConfiguration").put("level", "error");
        ArrayNode results = run.putArray("results");
        report.findings().forEach(f -> results.add(result(f, false)));
        report.waived().forEach(w -> results.add(result(w.finding(), true)));
        return root;
    }

    private static ObjectNode result(Finding f, boolean waived) {
        ObjectNode result = JSON.createObjectNode();
        result.put("ruleId", f.ruleId());
        result.put("level", level(f.enforcement()));
        result.putObject("message").put("text", f.message());
        ObjectNode logical = result.putArray("locations").addObject().putArray("logicalLocations").addObject();
        logical.put("fullyQualifiedName", f.urn());
        logical.put("kind", "resource");
        if (waived) {
            result.putArray("suppressions").addObject().put("kind", "external").put("justification", "waived");
        }
        return result;
    }

    private static String level(Enforcement enforcement) {
        return switch (enforcement) {
            case MANDATORY -> "error";
            case ADVISORY -> "warning";
            case DISABLED -> "none";
        };
    }
}
