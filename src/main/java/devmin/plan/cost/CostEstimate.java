package devmin.plan.cost;

import java.math.BigDecimal;
import java.util.List;

/**
 * The monthly cost of dev_min against its budget.
 *
 * @param currency          the price table's currency
 * @param idleMonthly       persistent layers with every window closed, per month
 * @param windowHourly      an open demo window, per hour
 * @param windowHours       window hours assumed per month
 * @param monthlyTotal      idle + window hours × hourly (+ violations)
 * @param idle              the idle lines
 * @param window            the window lines
 * @param violations        what forbidden resources in the graph (NAT gateways, load balancers) would add per month
 * @param budgetLimit       the budget's monthly limit
 * @param thresholdsCrossed the budget alert thresholds the total reaches
 */
public record CostEstimate(String currency, double idleMonthly, double windowHourly, double windowHours,
                           double monthlyTotal, List<CostLine> idle, List<CostLine> window, List<CostLine> violations,
                           BigDecimal budgetLimit, List<BigDecimal> thresholdsCrossed) {

    public CostEstimate {
        idle = List.copyOf(idle);
        window = List.copyOf(window);
        violations = List.copyOf(violations);
        thresholdsCrossed = List.copyOf(thresholdsCrossed);
    }

    public boolean withinBudget() {
        return BigDecimal.valueOf(monthlyTotal).compareTo(budgetLimit) <= 0;
    }
}
