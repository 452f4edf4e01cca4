package devmin.plan.cost;

/**
 * One line of the estimate.
 *
 * @param item   what costs, e.g. {@code Fargate Spot: ig (1 × 0.5 vCPU, 1 GB)}
 * @param basis  how it was computed, with the price's source
 * @param amount the amount: per month (idle, kept and violation lines), per window hour (window lines) or per run
 *               (a job run's line)
 */
public record CostLine(String item, String basis, double amount) {
}
