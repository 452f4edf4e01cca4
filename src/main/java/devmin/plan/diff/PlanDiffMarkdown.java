package devmin.plan.diff;

import devmin.plan.KeyProperties;
import devmin.plan.PlannedResource;
import devmin.plan.diff.PlanDiff.PropertyChange;
import devmin.plan.diff.PlanDiff.ResourceChange;
import devmin.plan.diff.PlanSnapshot.FindingRef;
import devmin.policy.report.PolicyReportMarkdown;

import java.util.List;
import java.util.Locale;

/**
 * The diff as Markdown for a PR comment or job summary: a summary line, the diagram with the changed kinds coloured,
 * then per layer a {@code diff} block ({@code + ~ -} lines, GitHub colours them), the policy delta and the cost.
 */
public final class PlanDiffMarkdown {

    /** Marks the comment a PR workflow updates instead of adding another. */
    public static final String MARKER = "<!-- devmin-plan-diff -->";

    private PlanDiffMarkdown() {
    }

    /** @param diagram the Mermaid diagram of this plan with the diff's kinds coloured (without the fence) */
    public static String of(PlanDiff diff, String diagram) {
        StringBuilder md = new StringBuilder(MARKER).append('\n');
        md.append("## devmin plan diff — ").append(summary(diff)).append("\n\n");
        md.append("Against `").append(diff.base().source()).append("` (schema v").append(diff.base().version())
                .append(", commit `").append(PlanDiffText.shortCommit(diff.base().gitCommit())).append("`")
                .append(diff.base().finishedAt().isEmpty() ? "" : ", " + diff.base().finishedAt())
                .append("). This plan: **").append(diff.head().overallPass() ? "PASS" : "FAIL")
                .append("** (was ").append(diff.base().overallPass() ? "PASS" : "FAIL").append(").\n\n");
        if (!diff.resourceLevel()) {
            md.append("> ").append(diff.resourceLevelNote()).append("\n\n");
        }
        md.append("```mermaid\n").append(diagram).append("```\n\n");
        md.append("<sub>green: added kinds · yellow: changed · grey dashed: removed · red outline: policy findings"
                + "</sub>\n\n");
        if (diff.resourceLevel()) {
            administrator(md, diff);
            resources(md, diff);
        }
        counts(md, diff);
        policy(md, diff.policy());
        cost(md, diff.cost());
        return md.toString();
    }

    /** Who can apply it: the change a reviewer must route to an administrator is said before the details. */
    private static void administrator(StringBuilder md, PlanDiff diff) {
        if (diff.isEmpty()) {
            return;
        }
        List<String> changes = diff.administratorChanges();
        if (changes.isEmpty()) {
            md.append("Applied by a demo window: the change is the demo layer's alone.\n\n");
            return;
        }
        md.append("> **Needs an administrator:** ").append(changes.size()).append(" change")
                .append(changes.size() == 1 ? "" : "s").append(" outside the demo layer, which the window role cannot"
                        + " make. Apply it with an administrator's `pulumi up` before the next window.\n>\n");
        changes.forEach(c -> md.append("> `").append(c).append("`  \n"));
        md.append('\n');
    }

    static String summary(PlanDiff diff) {
        if (diff.isEmpty()) {
            return "no changes";
        }
        if (!diff.resourceLevel()) {
            return "counts, policy and cost (resource-level diff unavailable)";
        }
        return diff.added().size() + " to add, " + diff.changed().size() + " to change, " + diff.removed().size()
                + " to remove";
    }

    private static void resources(StringBuilder md, PlanDiff diff) {
        for (String layer : PlanDiffer.LAYER_ORDER) {
            List<PlannedResource> added = diff.added().stream().filter(r -> r.layer().equals(layer)).toList();
            List<PlannedResource> removed = diff.removed().stream().filter(r -> r.layer().equals(layer)).toList();
            List<ResourceChange> changed = diff.changed().stream()
                    .filter(c -> c.after().layer().equals(layer)).toList();
            if (added.isEmpty() && removed.isEmpty() && changed.isEmpty()) {
                continue;
            }
            md.append("<details open><summary><b>").append(layer).append("</b>: ").append(added.size())
                    .append(" to add, ").append(changed.size()).append(" to change, ").append(removed.size())
                    .append(" to remove</summary>\n\n```diff\n");
            added.forEach(r -> md.append(PlanDiffText.line('+', r).substring(2)).append(key(r)).append('\n'));
            changed.forEach(c -> change(md, c));
            removed.forEach(r -> md.append(PlanDiffText.line('-', r).substring(2)).append('\n'));
            md.append("```\n\n</details>\n\n");
        }
    }

    private static String key(PlannedResource r) {
        String shown = KeyProperties.of(r);
        return shown.isEmpty() ? "" : "  " + shown;
    }

    private static void change(StringBuilder md, ResourceChange c) {
        md.append(PlanDiffText.line('!', c.after()).substring(2)).append('\n');
        if (c.layerChanged() || c.urnChanged()) {
            md.append("#     moved: ").append(c.before().layer()).append(" → ").append(c.after().layer()).append('\n');
        }
        if (c.protectChanged()) {
            md.append("#     protect: ").append(c.before().protect()).append(" → ").append(c.after().protect())
                    .append('\n');
        }
        for (PropertyChange p : c.properties()) {
            md.append("#     ").append(PlanDiffText.property(p)).append('\n');
        }
        c.dependenciesAdded().forEach(d -> md.append("#     + depends on ").append(PlanDiffText.shortUrn(d)).append('\n'));
        c.dependenciesRemoved().forEach(d -> md.append("#     - depends on ").append(PlanDiffText.shortUrn(d))
                .append('\n'));
    }

    private static void counts(StringBuilder md, PlanDiff diff) {
        if (diff.types().isEmpty()) {
            return;
        }
        md.append("""
                <details><summary>Counts by layer and type</summary>

                | layer | type | before | after |
                |---|---|---:|---:|
                """);
        diff.types().forEach(c -> md.append("| ").append(c.layer()).append(" | ")
                .append(c.isLayerTotal() ? "**all resources**" : "`" + c.type() + "`").append(" | ")
                .append(c.before()).append(" | ").append(c.after()).append(" |\n"));
        md.append("\n</details>\n\n");
    }

    private static void policy(StringBuilder md, PlanDiff.PolicyDelta policy) {
        md.append("### Policy\n\n");
        if (policy.isEmpty()) {
            md.append("No finding appeared or disappeared.\n\n");
            return;
        }
        policy.appeared().forEach(f -> md.append("- :x: new: ").append(finding(f)).append('\n'));
        policy.disappeared().forEach(f -> md.append("- :white_check_mark: gone: ").append(finding(f)).append('\n'));
        policy.nowWaived().forEach(f -> md.append("- :warning: now waived: ").append(finding(f)).append('\n'));
        policy.noLongerWaived().forEach(f -> md.append("- :warning: no longer waived: ").append(finding(f))
                .append('\n'));
        md.append('\n');
    }

    private static String finding(FindingRef f) {
        return "**" + f.ruleId() + "** (" + f.enforcement() + ") `" + f.urn() + "`: "
                + PolicyReportMarkdown.escape(f.message());
    }

    private static void cost(StringBuilder md, PlanDiff.CostDelta cost) {
        md.append("### Cost\n\n");
        if (!cost.comparable()) {
            md.append("Not comparable: ").append(cost.before().available() ? "" : "earlier plan: "
                    + PolicyReportMarkdown.escape(cost.before().reason()) + ". ").append(cost.after().available() ? ""
                    : "this plan: " + PolicyReportMarkdown.escape(cost.after().reason()) + ".").append("\n\n");
            return;
        }
        PlanSnapshot.CostFigures b = cost.before();
        PlanSnapshot.CostFigures a = cost.after();
        md.append("| ").append(a.currency()).append(" | before | after | change |\n|---|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| idle, per month | %.4f | %.4f | %+.4f |%n", b.idleMonthly(),
                a.idleMonthly(), cost.idleMonthly()));
        md.append(String.format(Locale.ROOT, "| open window, per hour | %.4f | %.4f | %+.4f |%n", b.windowHourly(),
                a.windowHourly(), cost.windowHourly()));
        md.append(String.format(Locale.ROOT, "| month at %.0f window-hours | %.2f | %.2f | %+.2f |%n",
                a.windowHours(), b.monthlyTotal(), a.monthlyTotal(), cost.monthlyTotal()));
        md.append('\n');
    }
}
