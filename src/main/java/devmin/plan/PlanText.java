package devmin.plan;

import devmin.plan.cost.CostEstimate;
import devmin.plan.cost.CostLine;
import devmin.plan.cost.JobRunCost;
import devmin.plan.cost.PriceGap;
import devmin.policy.PolicyReport;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** The plan for a terminal: layers, optionally every resource, handles, policy, cost and the verdict. */
public final class PlanText {

    private PlanText() {
    }

    /**
     * @param resources     list every resource (one line each, grouped by layer) instead of counts by type
     * @param policyPrinter how the policy report is printed (shared with {@code devmin policy check})
     */
    public static void print(PrintWriter out, Plan plan, boolean resources,
                             BiConsumer<PrintWriter, PolicyReport> policyPrinter) {
        out.printf("devmin plan — stack %s, environment %s, %s (account %s)%n%n", plan.spec().stack(),
                plan.spec().environment(), plan.spec().awsRegion(), plan.spec().awsAccountId());
        if (resources) {
            out.println("every resource, one line each (P: protected; [secret] masked; (known after apply): unknown)");
        }
        for (LayerSummary layer : plan.layers()) {
            long providers = layer.byType().entrySet().stream().filter(e -> e.getKey().startsWith("pulumi:providers:"))
                    .mapToLong(Map.Entry::getValue).sum();
            out.printf("%s: %d resources (%d of them providers), %d protected%n", layer.layer(), layer.total(),
                    providers, layer.protectedCount());
            if (resources) {
                listResources(out, plan.resources().stream()
                        .filter(r -> r.custom() && r.layer().equals(layer.layer())).toList());
            } else {
                layer.sortedByType().forEach((type, count) -> out.printf("  %4d  %s%n", count, type));
            }
        }
        if (!resources) {
            out.println("  (--resources lists every resource with its key properties)");
        }
        int width = plan.handles().keySet().stream().mapToInt(String::length).max().orElse(0);
        out.printf("%nhandles (%d):%n", plan.handles().size());
        plan.handles().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.printf("  %-" + width + "s  %s%n", e.getKey(), e.getValue()));
        List<CiTrust> ci = CiTrust.of(plan.resources(), plan.spec().awsAccountId());
        if (!ci.isEmpty()) {
            out.printf("%nCI roles (GitHub OIDC): the sub each trusts%n");
            ci.forEach(r -> out.printf("  %s%n    trusts sub %s%n", r.arn(), String.join(" or ", r.subjects())));
        }
        out.println();
        policyPrinter.accept(out, plan.policy());
        out.println();
        plan.cost().ifPresentOrElse(c -> cost(out, c),
                () -> out.println("cost: no estimate (" + plan.costUnavailable() + ")"));
        verdict(out, plan);
    }

    public static void verdict(PrintWriter out, Plan plan) {
        out.printf("%nplan: %s%n", plan.passes() ? "PASS" : "FAIL");
        plan.blockers().forEach(b -> out.println("  blocker: " + b));
        plan.warnings().forEach(w -> out.println("  warning: " + w));
    }

    private static void listResources(PrintWriter out, List<PlannedResource> resources) {
        int nameWidth = resources.stream().mapToInt(r -> r.name().length()).max().orElse(0);
        int typeWidth = resources.stream().mapToInt(r -> r.shortType().length()).max().orElse(0);
        for (PlannedResource r : resources) {
            out.printf("  %s %-" + nameWidth + "s  %-" + typeWidth + "s  %s%n", r.protect() ? "P" : " ", r.name(),
                    r.shortType(), KeyProperties.of(r));
        }
    }

    private static void cost(PrintWriter out, CostEstimate c) {
        out.printf("cost (%s): idle %.2f/month; open window %.4f/hour; at %.0f window-hours %.2f/month, of which"
                        + " %.2f logs kept from them; budget %s%n", c.currency(), c.idleMonthly(), c.windowHourly(),
                c.windowHours(), c.monthlyTotal(), c.keptMonthly(), c.budgetLimit().toPlainString());
        for (CostLine l : c.violations()) {
            out.printf("  violation: %s would add %.2f/month%n", l.item(), l.amount());
        }
        if (!c.complete()) {
            out.printf("  incomplete: %s not priced, in none of these figures:%n", PriceGap.lines(c.unpriced().size()));
            c.unpriced().forEach(g -> out.printf("    %s%n", g.describe()));
        }
        for (CostLine l : c.upperBounds()) {
            out.printf("  upper bound: %s (%s)%n", l.item(), l.bound());
        }
        out.printf("  alert thresholds reached: %s%n", c.thresholdsCrossed().isEmpty() ? "none"
                : c.thresholdsCrossed().stream().map(BigDecimal::toPlainString).toList());
        if (!c.jobRuns().isEmpty()) {
            out.printf("  job runs, %s; every job once: %.4f%n", CostEstimate.JOB_RUNS_NOT_IN_TOTAL, c.jobRunsOnce());
            int width = c.jobRuns().stream().mapToInt(j -> j.lane().length()).max().orElse(0);
            for (JobRunCost j : c.jobRuns()) {
                out.printf("    %-" + width + "s  %.4f/run  %s min from %s%s%n", j.lane(), j.line().amount(),
                        minutes(j.runMinutes()), j.runTimeFrom().description(), j.probe() ? " (a readiness probe)" : "");
            }
        }
    }

    private static String minutes(double minutes) {
        return minutes == Math.rint(minutes) ? String.valueOf((long) minutes) : String.valueOf(minutes);
    }
}
