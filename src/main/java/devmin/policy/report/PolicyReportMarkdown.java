package devmin.policy.report;

import devmin.policy.Finding;
import devmin.policy.PolicyReport;

/** The policy report as Markdown, for PR comments and {@code $GITHUB_STEP_SUMMARY}. */
public final class PolicyReportMarkdown {

    private PolicyReportMarkdown() {
    }

    public static String of(PolicyReport report) {
        StringBuilder md = new StringBuilder();
        md.append("### Policy: ").append(report.passes() ? "PASS" : "FAIL").append(" (").append(report.pack())
                .append(")\n\n");
        md.append(report.evaluatedResources()).append(" resources evaluated; ")
                .append(report.mandatory().size()).append(" mandatory, ")
                .append(report.findings().size() - report.mandatory().size()).append(" advisory finding(s); ")
                .append(report.passedRules().size()).append(" rule(s) passed; ")
                .append(report.waived().size()).append(" waived.\n\n");
        if (!report.findings().isEmpty()) {
            md.append("| rule | level | resource | finding |\n|---|---|---|---|\n");
            for (Finding f : report.findings()) {
                md.append("| ").append(f.ruleId()).append(" ").append(f.ruleName()).append(" | ")
                        .append(f.enforcement().wireName()).append(" | `").append(shortUrn(f.urn())).append("` | ")
                        .append(escape(f.message())).append(" |\n");
            }
            md.append('\n');
        }
        if (!report.waiversUsed().isEmpty()) {
            md.append("Waivers used:\n\n");
            report.waiversUsed().forEach(w -> md.append("- ").append(w.rule()).append(" on `").append(w.resource())
                    .append("` — ").append(escape(w.reason())).append(" (").append(w.owner()).append(", expires ")
                    .append(w.expires()).append(")\n"));
            md.append('\n');
        }
        return md.toString();
    }

    /** The URN's type and name, which is what a reader scans for. */
    static String shortUrn(String urn) {
        int types = urn.lastIndexOf('$');
        int project = urn.indexOf("::");
        int names = project < 0 ? -1 : urn.indexOf("::", project + 2);
        return types > 0 ? urn.substring(types + 1) : names > 0 ? urn.substring(names + 2) : urn;
    }

    public static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
