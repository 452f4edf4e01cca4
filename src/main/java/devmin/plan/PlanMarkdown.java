package devmin.plan;

import devmin.plan.cost.CostEstimate;
import devmin.plan.cost.CostLine;
import devmin.plan.cost.JobRunCost;
import devmin.plan.cost.PriceGap;
import devmin.plan.diagram.KindGraph;
import devmin.plan.diagram.MermaidDiagram;
import devmin.policy.Finding;
import devmin.policy.report.PolicyReportMarkdown;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The plan as Markdown for a PR comment or {@code $GITHUB_STEP_SUMMARY}: verdict, layers, a Mermaid diagram drawn from
 * the declared graph, cost, policy, every resource (collapsed per layer) and the handles.
 */
public final class PlanMarkdown {

    private PlanMarkdown() {
    }

    public static String of(Plan plan) {
        StringBuilder md = new StringBuilder();
        md.append("## devmin plan: `").append(plan.spec().stack()).append("` — ")
                .append(plan.passes() ? "PASS" : "FAIL").append("\n\n");
        plan.blockers().forEach(b -> md.append("- :x: ").append(PolicyReportMarkdown.escape(b)).append('\n'));
        plan.warnings().forEach(w -> md.append("- :warning: ").append(PolicyReportMarkdown.escape(w)).append('\n'));
        if (!plan.blockers().isEmpty() || !plan.warnings().isEmpty()) {
            md.append('\n');
        }
        md.append("| layer | resources | protected | main types |\n|---|---:|---:|---|\n");
        for (LayerSummary layer : plan.layers()) {
            md.append("| ").append(layer.layer()).append(" | ").append(layer.total()).append(" | ")
                    .append(layer.protectedCount()).append(" | ").append(mainTypes(layer)).append(" |\n");
        }
        md.append("\n```mermaid\n").append(diagram(plan)).append("```\n\n").append(facts(plan)).append("\n\n");
        plan.cost().ifPresentOrElse(c -> cost(md, c), () -> md.append("**Cost**: no estimate (")
                .append(PolicyReportMarkdown.escape(plan.costUnavailable())).append(").\n\n"));
        md.append(PolicyReportMarkdown.of(plan.policy()));
        resources(md, plan);
        List<CiTrust> ci = CiTrust.of(plan.resources(), plan.spec().awsAccountId());
        if (!ci.isEmpty()) {
            md.append("### CI roles (GitHub OIDC)\n\n| role ARN | trusts `sub` |\n|---|---|\n");
            ci.forEach(r -> md.append("| `").append(r.arn()).append("` | `").append(String.join("` or `", r.subjects()))
                    .append("` |\n"));
            md.append('\n');
        }
        md.append("<details><summary>Handles (").append(plan.handles().size()).append(")</summary>\n\n")
                .append("| handle | value |\n|---|---|\n");
        plan.handles().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                md.append("| `").append(e.getKey()).append("` | `").append(e.getValue()).append("` |\n"));
        md.append("\n</details>\n\n");
        md.append("<sub>devmin ").append(plan.provenance().toolVersion()).append(", commit ")
                .append(plan.provenance().gitCommit()).append(", image ").append(plan.provenance().imageTag())
                .append("</sub>\n");
        return md.toString();
    }

    /** The diagram of what this plan declares, drawn from its graph. */
    public static String diagram(Plan plan) {
        return MermaidDiagram.of(KindGraph.of(plan.resources(), findingsByUrn(plan.policy().findings())),
                layerTitles(plan.layers()));
    }

    public static Map<String, List<String>> findingsByUrn(List<Finding> findings) {
        return findings.stream().collect(Collectors.groupingBy(Finding::urn,
                Collectors.mapping(Finding::ruleId, Collectors.toList())));
    }

    public static Map<String, String> layerTitles(List<LayerSummary> layers) {
        Map<String, String> titles = new LinkedHashMap<>();
        layers.forEach(l -> titles.put(l.layer(), l.layer() + " · " + l.total() + " resources, " + l.protectedCount()
                + " protected"));
        return titles;
    }

    /** What the design forbids, as the policy pack found it (the rules are the one authority on what is what). */
    private record Watched(String what, List<String> rules) {
    }

    private static final List<Watched> WATCHED = List.of(new Watched("NAT gateways", List.of("DM-COST-001")),
            new Watched("load balancers", List.of("DM-COST-002")),
            new Watched("secret paths", List.of("DM-IAM-001", "DM-IAM-002", "DM-SEC-001")));

    static String facts(Plan plan) {
        List<String> parts = new ArrayList<>();
        WATCHED.forEach(watched -> {
            String what = watched.what();
            List<String> rules = watched.rules();
            long found = plan.policy().findings().stream().filter(f -> rules.contains(f.ruleId())).count();
            long waived = plan.policy().waived().stream().filter(w -> rules.contains(w.finding().ruleId())).count();
            parts.add(what + " (" + String.join(", ", rules) + "): **" + found + "**"
                    + (waived > 0 ? " (+" + waived + " waived)" : ""));
        });
        return "Policy findings on what the design forbids — " + String.join(" · ", parts);
    }

    private static void resources(StringBuilder md, Plan plan) {
        for (LayerSummary layer : plan.layers()) {
            List<PlannedResource> listed = plan.resources().stream()
                    .filter(r -> r.custom() && r.layer().equals(layer.layer())).toList();
            md.append("<details><summary>").append(layer.layer()).append(": ").append(listed.size())
                    .append(" resources</summary>\n\n| resource | type | protect | key properties |\n|---|---|---|---|\n");
            for (PlannedResource r : listed) {
                md.append("| `").append(r.name()).append("` | ").append(r.shortType()).append(" | ")
                        .append(r.protect() ? "yes" : "").append(" | ")
                        .append(PolicyReportMarkdown.escape(KeyProperties.of(r))).append(" |\n");
            }
            md.append("\n</details>\n\n");
        }
    }

    private static void cost(StringBuilder md, CostEstimate c) {
        String alerts = c.thresholdsCrossed().isEmpty() ? "no alert threshold reached"
                : "alert thresholds reached: " + c.thresholdsCrossed().stream().map(BigDecimal::toPlainString)
                .collect(Collectors.joining(", "));
        md.append(String.format("**Cost** (%s): idle **%.2f/month**, open window **%.4f/hour**; at %.0f window-hours"
                        + " **%.2f/month** (of which %.2f logs kept from them) against a budget of %s (%s).%n%n",
                c.currency(), c.idleMonthly(), c.windowHourly(), c.windowHours(), c.monthlyTotal(), c.keptMonthly(),
                c.budgetLimit().toPlainString(), alerts));
        if (!c.complete()) {
            md.append(String.format("**Incomplete**: %s not priced, in none of these figures, so the budget is not"
                    + " checked unless the priced lines alone exceed it (they are listed below).%n%n",
                    PriceGap.lines(c.unpriced().size())));
        }
        if (!c.upperBounds().isEmpty()) {
            md.append(String.format("%s priced at an upper bound (the basis says why).%n%n",
                    PriceGap.lines(c.upperBounds().size())));
        }
        if (!c.jobRuns().isEmpty()) {
            md.append(String.format("Job runs are %s; every job once costs **%.4f**.%n%n",
                    CostEstimate.JOB_RUNS_NOT_IN_TOTAL, c.jobRunsOnce()));
        }
        md.append("<details><summary>Cost lines</summary>\n\n| cost line | per | amount | basis |\n|---|---|---:|---|\n");
        for (CostLine l : c.idle()) {
            md.append(String.format("| %s | month | %.2f | %s |%n", l.item(), l.amount(), l.basis()));
        }
        for (CostLine l : c.window()) {
            md.append(String.format("| %s | window hour | %.4f | %s |%n", l.item(), l.amount(), l.basis()));
        }
        for (CostLine l : c.kept()) {
            md.append(String.format("| %s | month | %.2f | %s |%n", l.item(), l.amount(), l.basis()));
        }
        for (CostLine l : c.violations()) {
            md.append(String.format("| :x: %s | month | %.2f | %s |%n", l.item(), l.amount(), l.basis()));
        }
        for (JobRunCost j : c.jobRuns()) {
            md.append(String.format("| %s | run (not in the month) | %.4f | %s |%n", j.line().item(), j.line().amount(),
                    j.line().basis()));
        }
        for (PriceGap g : c.unpriced()) {
            md.append(String.format("| :grey_question: %s | | not priced | %s |%n", g.item(),
                    PolicyReportMarkdown.escape("no price " + g.key() + " for " + g.region() + ": " + g.reason())));
        }
        md.append("\n</details>\n\n");
    }

    private static String mainTypes(LayerSummary layer) {
        return layer.byType().entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .limit(4)
                .map(e -> e.getValue() + "× " + PlannedResource.shortType(e.getKey()))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }
}
