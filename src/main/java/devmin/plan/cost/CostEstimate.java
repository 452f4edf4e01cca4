package devmin.plan.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly cost of dev_min against its budget, and what one run of each job lane costs beside it.
 *
 * @param currency          the price table's currency
 * @param idleMonthly       persistent layers with every window closed, per month; it does not depend on window hours
 * @param windowHourly      an open demo window, per hour
 * @param windowHours       window hours assumed per month
 * @param keptMonthly       what the window hours leave stored (their logs), per month
 * @param monthlyTotal      idle + window hours × hourly + kept (+ violations); job runs are not in it
 * @param idle              the idle lines
 * @param window            the window lines
 * @param kept              the lines of what the window hours leave stored
 * @param violations        what forbidden resources in the graph (NAT gateways, load balancers) would add per month
 * @param jobRuns           one run of each job lane, in catalog order; not in {@code monthlyTotal}
 * @param budgetLimit       the budget's monthly limit
 * @param thresholdsCrossed the budget alert thresholds the total reaches
 * @param unpriced          the lines the price table could not price, in no total: when there are any, the estimate
 *                          is incomplete and says nothing of the budget unless the priced lines alone exceed it
 */
public record CostEstimate(String currency, double idleMonthly, double windowHourly, double windowHours,
                           double keptMonthly, double monthlyTotal, List<CostLine> idle, List<CostLine> window,
                           List<CostLine> kept, List<CostLine> violations, List<JobRunCost> jobRuns,
                           BigDecimal budgetLimit, List<BigDecimal> thresholdsCrossed, List<PriceGap> unpriced) {

    /** What every output says of job runs, next to them. */
    public static final String JOB_RUNS_NOT_IN_TOTAL = "not in the monthly total: a job costs only when it is run"
            + " (devmin run; a probe by devmin readiness), so each line is one run";

    public CostEstimate {
        idle = List.copyOf(idle);
        window = List.copyOf(window);
        kept = List.copyOf(kept);
        violations = List.copyOf(violations);
        jobRuns = List.copyOf(jobRuns);
        thresholdsCrossed = List.copyOf(thresholdsCrossed);
        unpriced = List.copyOf(unpriced);
    }

    /** A complete estimate: every line priced. */
    public CostEstimate(String currency, double idleMonthly, double windowHourly, double windowHours,
                        double keptMonthly, double monthlyTotal, List<CostLine> idle, List<CostLine> window,
                        List<CostLine> kept, List<CostLine> violations, List<JobRunCost> jobRuns,
                        BigDecimal budgetLimit, List<BigDecimal> thresholdsCrossed) {
        this(currency, idleMonthly, windowHourly, windowHours, keptMonthly, monthlyTotal, idle, window, kept,
                violations, jobRuns, budgetLimit, thresholdsCrossed, List.of());
    }

    /** Every line is priced; an incomplete estimate's totals leave out the lines in {@link #unpriced()}. */
    public boolean complete() {
        return unpriced.isEmpty();
    }

    /** Complete and at most the limit: an incomplete estimate is never within the budget, whatever it sums to. */
    public boolean withinBudget() {
        return complete() && !exceedsBudget();
    }

    /** The priced lines alone exceed the limit: the whole month does too, however many lines are unpriced. */
    public boolean exceedsBudget() {
        return BigDecimal.valueOf(monthlyTotal).compareTo(budgetLimit) > 0;
    }

    /** The lines priced at an upper bound, in the order idle, window, kept, violations, job runs. */
    public List<CostLine> upperBounds() {
        List<CostLine> all = new ArrayList<>(idle);
        all.addAll(window);
        all.addAll(kept);
        all.addAll(violations);
        jobRuns.forEach(j -> all.add(j.line()));
        return all.stream().filter(CostLine::upperBound).toList();
    }

    /** One run of every job lane: what running each job once in a window adds, on top of the monthly total. */
    public double jobRunsOnce() {
        return jobRuns.stream().mapToDouble(j -> j.line().amount()).sum();
    }
}
