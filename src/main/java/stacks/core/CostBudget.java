package stacks.core;

import com.pulumi.aws.budgets.Budget;
import com.pulumi.aws.budgets.BudgetArgs;
import com.pulumi.aws.budgets.inputs.BudgetNotificationArgs;
import stacks.LayerScope;
import stacks.spec.BudgetSpec;

import java.math.BigDecimal;
import java.util.List;

/** A monthly cost budget with an actual-spend alert at each threshold, and a forecast alert at the limit. */
final class CostBudget {

    CostBudget(LayerScope scope, CoreNames names, BudgetSpec budget) {
        new Budget("monthly-budget", BudgetArgs.builder()
                .name(names.budgetName())
                .budgetType("COST")
                .timeUnit("MONTHLY")
                .limitAmount(budget.monthlyLimit().toPlainString())
                .limitUnit(budget.currency())
                .notifications(notifications(budget))
                .build(), scope.aws());
    }

    static List<BudgetNotificationArgs> notifications(BudgetSpec budget) {
        var actual = budget.alertThresholds().stream()
                .map(amount -> notification(amount, "ACTUAL", budget.recipients()));
        var forecast = java.util.stream.Stream.of(notification(budget.monthlyLimit(), "FORECASTED",
                budget.recipients()));
        return java.util.stream.Stream.concat(actual, forecast).toList();
    }

    private static BudgetNotificationArgs notification(BigDecimal amount, String type, List<String> recipients) {
        return BudgetNotificationArgs.builder()
                .comparisonOperator("GREATER_THAN")
                .threshold(amount.doubleValue())
                .thresholdType("ABSOLUTE_VALUE")
                .notificationType(type)
                .subscriberEmailAddresses(recipients)
                .build();
    }
}
