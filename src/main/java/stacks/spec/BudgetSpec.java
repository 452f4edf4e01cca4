package stacks.spec;

import java.math.BigDecimal;
import java.util.List;

/**
 * The monthly cost budget and the absolute amounts at which AWS Budgets alerts the recipients.
 */
public record BudgetSpec(BigDecimal monthlyLimit, String currency, List<BigDecimal> alertThresholds,
                         List<String> recipients) {
    public BudgetSpec {
        alertThresholds = List.copyOf(alertThresholds);
        recipients = List.copyOf(recipients);
    }
}
