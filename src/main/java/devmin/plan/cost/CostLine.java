package devmin.plan.cost;

/**
 * One line of the estimate.
 *
 * @param item   what costs, e.g. {@code Fargate Spot: ig (1 × 0.5 vCPU, 1 GB)}
 * @param basis  how it was computed, with the price's source
 * @param amount the amount: per month (idle, kept and violation lines), per window hour (window lines) or per run (a
 *               job run's line)
 * @param bound  empty for a line at its own price; else what makes the amount an upper bound, e.g. {@code on-demand
 *               price; no Spot price for us-east-1} (the line's own price is unknown, and the basis cites why the
 *               price used is never below it)
 */
public record CostLine(String item, String basis, double amount, String bound) {

    public CostLine(String item, String basis, double amount) {
        this(item, basis, amount, "");
    }

    /** The amount is an upper bound: the true amount is at most this. */
    public boolean upperBound() {
        return !bound.isEmpty();
    }
}
