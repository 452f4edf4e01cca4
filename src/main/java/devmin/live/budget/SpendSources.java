package devmin.live.budget;

import devmin.live.CallLog;
import devmin.live.aws.AwsFailure;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.budgets.BudgetsClient;
import software.amazon.awssdk.services.budgets.model.Budget;
import software.amazon.awssdk.services.budgets.model.Spend;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.GetCostForecastResponse;
import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.costexplorer.model.Metric;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the month's spend is read: Cost Explorer (the account's unblended cost to date, and its forecast to the end
 * of the month) and AWS Budgets (the budget's own actual and forecasted spend, and its limit). Each answer is read
 * only when it states an amount in a unit; anything else is unverified. The one exception is a forecast AWS does not
 * have yet ({@link Forecast.Unavailable}): documented, expected on a new account or budget, and kept with AWS's words.
 */
final class SpendSources {

    /** An amount and its currency. */
    record Money(BigDecimal amount, String unit) {
        String describe() {
            return amount.toPlainString() + " " + unit;
        }
    }

    /** The budget's own view: limit, actual and forecast (which AWS may not have yet). */
    record BudgetView(Money limit, Money actual, Forecast forecast) {
    }

    static final String METRIC = "UnblendedCost";

    /** Cost Explorer's answer when it has no data to forecast from (Cost Explorer API Reference, Errors). */
    static final String DATA_UNAVAILABLE = "DataUnavailableException";

    private SpendSources() {
    }

    /** Month to date: the whole calendar month asked (End is exclusive), so the 1st of a month is a valid period. */
    static Money monthToDate(CostExplorerClient ce, LocalDate today, CallLog log) {
        LocalDate first = today.withDayOfMonth(1);
        var answer = log.call("ce:GetCostAndUsage", () -> ce.getCostAndUsage(b -> b.granularity(Granularity.MONTHLY)
                .metrics(METRIC).timePeriod(t -> t.start(first.toString()).end(first.plusMonths(1).toString()))));
        Optional<MetricValue> value = answer.resultsByTime().stream()
                .filter(r -> r.timePeriod() != null && first.toString().equals(r.timePeriod().start()))
                .map(r -> r.total().get(METRIC)).filter(v -> v != null).findFirst();
        return money(value.map(MetricValue::amount), value.map(MetricValue::unit), "ce:GetCostAndUsage: the answer has"
                + " no " + METRIC + " for the month starting " + first);
    }

    /**
     * From today to the end of the month (Cost Explorer forecasts only from today on); unavailable when Cost Explorer
     * answers {@code DataUnavailableException}, any other failure is unverified.
     */
    static Forecast forecastToMonthEnd(CostExplorerClient ce, LocalDate today, CallLog log, String source) {
        LocalDate next = today.withDayOfMonth(1).plusMonths(1);
        AtomicReference<String> unavailable = new AtomicReference<>("");
        Optional<GetCostForecastResponse> answer = log.find("ce:GetCostForecast", () -> ce.getCostForecast(b -> b
                        .granularity(Granularity.MONTHLY).metric(Metric.UNBLENDED_COST)
                        .timePeriod(t -> t.start(today.toString()).end(next.toString()))),
                failure -> {
                    if (!AwsFailure.hasCode(failure, DATA_UNAVAILABLE)) {
                        return false;
                    }
                    unavailable.set(awsWords(failure));
                    return true;
                });
        if (answer.isEmpty()) {
            return new Forecast.Unavailable(source, "ce:GetCostForecast answered " + unavailable.get());
        }
        if (answer.get().total() == null) {
            throw new CallLog.Unverified("ce:GetCostForecast: the answer has no Total");
        }
        return new Forecast.Known(money(Optional.ofNullable(answer.get().total().amount()),
                Optional.ofNullable(answer.get().total().unit()), "ce:GetCostForecast: the answer's Total has no amount"));
    }

    /** The budget's limit and actual spend are required; its forecast is optional in the API, so it may be missing. */
    static BudgetView budget(BudgetsClient budgets, String accountId, String name, CallLog log, String source) {
        Budget budget = log.call("budgets:DescribeBudget", () -> budgets.describeBudget(b -> b.accountId(accountId)
                .budgetName(name))).budget();
        if (budget.calculatedSpend() == null) {
            throw new CallLog.Unverified("budgets:DescribeBudget: budget " + name + " reports no calculated spend");
        }
        Spend forecasted = budget.calculatedSpend().forecastedSpend();
        Forecast forecast = forecasted == null
                ? new Forecast.Unavailable(source, "budgets:DescribeBudget: budget " + name + " has no"
                + " CalculatedSpend.ForecastedSpend yet (optional in the Budgets API; AWS forecasts a budget once it"
                + " has enough history)")
                : new Forecast.Known(spend(forecasted, name, "forecasted spend"));
        return new BudgetView(spend(budget.budgetLimit(), name, "limit"),
                spend(budget.calculatedSpend().actualSpend(), name, "actual spend"), forecast);
    }

    /** The error code and AWS's own message (Cost Explorer's messages name no secret). */
    private static String awsWords(SdkException failure) {
        String message = failure instanceof AwsServiceException service && service.awsErrorDetails() != null
                ? service.awsErrorDetails().errorMessage() : null;
        return DATA_UNAVAILABLE + (message == null || message.isBlank() ? "" : ": " + message.strip());
    }

    private static Money spend(Spend spend, String budget, String what) {
        if (spend == null) {
            throw new CallLog.Unverified("budgets:DescribeBudget: budget " + budget + " reports no " + what);
        }
        return money(Optional.ofNullable(spend.amount()), Optional.ofNullable(spend.unit()),
                "budgets:DescribeBudget: budget " + budget + " states its " + what + " without an amount and unit");
    }

    private static Money money(Optional<?> amount, Optional<String> unit, String problem) {
        if (amount.isEmpty() || unit.isEmpty() || unit.get().isBlank()) {
            throw new CallLog.Unverified(problem);
        }
        try {
            return new Money(new BigDecimal(amount.get().toString()), unit.get());
        } catch (NumberFormatException e) {
            throw new CallLog.Unverified(problem + " (amount '" + amount.get() + "' is not a number)");
        }
    }
}
