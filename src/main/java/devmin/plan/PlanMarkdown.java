package devmin.plan;

import devmin.plan.cost.CostEstimate;
import devmin.plan.cost.CostLine;
import devmin.policy.report.PolicyReportMarkdown;
import stacks.spec.LaneSpec;

/** The plan as Markdown for a PR comment or {@code $GITHUB_STEP_SUMMARY}, with a Mermaid diagram of the layers. */
public final class PlanMarkdown {

    private PlanMarkdown() {
    }

    public static String of(Plan plan) {
        StringBuilder md = new StringBuilder();
        md.append("## devmin plan: `").append(plan.spec().stack()).append("` — ")
                .append(plan.passes() ? "PASS" : "FAIL").append("\n\n");
        if (!plan.passes()) {
            plan.blockers().forEach(b -> md.append("- :x: ").append(PolicyReportMarkdown.escape(b)).append('\n'));
            md.append('\n');
        }
        md.append("| layer | resources | protected | main types |\n|---|---:|---:|---|\n");
        for (LayerSummary layer : plan.layers()) {
            md.append("| ").append(layer.layer()).append(" | ").append(layer.total()).append(" | ")
                    .append(layer.protectedCount()).append(" | ").append(mainTypes(layer)).append(" |\n");
        }
        md.append("\n```mermaid\n").append(diagram(plan)).append("```\n\n");
        plan.cost().ifPresentOrElse(c -> cost(md, c), () -> md.append("Cost: no estimate (")
                .append(plan.costUnavailable()).append(").\n\n"));
        md.append(PolicyReportMarkdown.of(plan.policy()));
        md.append("<details><summary>Handles (").append(plan.handles().size()).append(")</summary>\n\n")
                .append("| handle | value |\n|---|---|\n");
        plan.handles().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e ->
                md.append("| `").append(e.getKey()).append("` | `").append(e.getValue()).append("` |\n"));
        md.append("\n</details>\n\n");
        md.append("<sub>devmin ").append(plan.provenance().toolVersion()).append(", commit ")
                .append(plan.provenance().gitCommit()).append(", image ").append(plan.provenance().imageTag())
                .append("</sub>\n");
        return md.toString();
    }

    private static void cost(StringBuilder md, CostEstimate c) {
        md.append(String.format("**Cost** (%s): idle **%.2f/month**, open window **%.4f/hour**; at %.0f window-hours"
                        + " **%.2f/month** against a budget of %s (alerts at %s%s).%n%n", c.currency(), c.idleMonthly(),
                c.windowHourly(), c.windowHours(), c.monthlyTotal(), c.budgetLimit().toPlainString(),
                c.thresholdsCrossed().isEmpty() ? "none reached" : "reached: ",
                c.thresholdsCrossed().stream().map(java.math.BigDecimal::toPlainString).toList().toString()
                        .replace("[", "").replace("]", "")));
        md.append("| cost line | per | amount |\n|---|---|---:|\n");
        for (CostLine l : c.idle()) {
            md.append(String.format("| %s | month | %.2f |%n", l.item(), l.amount()));
        }
        for (CostLine l : c.window()) {
            md.append(String.format("| %s | window hour | %.4f |%n", l.item(), l.amount()));
        }
        for (CostLine l : c.violations()) {
            md.append(String.format("| :x: %s | month | %.2f |%n", l.item(), l.amount()));
        }
        md.append('\n');
    }

    private static String mainTypes(LayerSummary layer) {
        return layer.byType().entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .limit(4)
                .map(e -> e.getValue() + "× " + e.getKey().substring(e.getKey().lastIndexOf(':') + 1))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    static String diagram(Plan plan) {
        long services = plan.spec().lanes().stream().filter(LaneSpec::isService).count();
        long jobs = plan.spec().lanes().size() - services;
        int topics = plan.spec().topics().size();
        return "flowchart LR\n"
                + "  subgraph core[\"core (protected)\"]\n"
                + "    bucket[(\"S3 evidence bucket\")]\n    ecr[\"ECR repository\"]\n    ssm[\"SSM handles\"]\n"
                + "    budget[\"AWS budget\"]\n    ci[\"GitHub OIDC + 3 CI roles\"]\n  end\n"
                + "  subgraph confluent[\"confluent (protected)\"]\n"
                + "    kafka[\"Basic Kafka cluster\"]\n    topics[\"" + topics + " topics\"]\n"
                + "    acls[\"runtime ACLs\"]\n  end\n"
                + "  subgraph demo[\"demo (one window)\"]\n"
                + "    vpc[\"VPC, public subnets, no NAT\"]\n    ecs[\"ECS Fargate cluster\"]\n"
                + "    lanes[\"" + services + " services + " + jobs + " jobs\"]\n"
                + "    exec[\"execution role: pull + logs\"]\n  end\n"
                + "  kafka --> topics --> acls\n"
                + "  kafka -- \"bootstrap, key, secret\" --> ssm\n"
                + "  ci -- \"push image\" --> ecr\n"
                + "  lanes -- \"image @sha256\" --> ecr\n"
                + "  lanes -- \"own paths only\" --> ssm\n"
                + "  lanes -- \"produce/consume\" --> topics\n"
                + "  lanes -- \"evidence\" --> bucket\n"
                + "  ecs --> lanes\n  vpc --> ecs\n  exec --> lanes\n";
    }
}
