package devmin.live.budget;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.evidence.Provenance;
import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.Checks;
import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.budget.SpendSources.BudgetView;
import devmin.live.budget.SpendSources.Money;
import stacks.core.CoreNames;
import stacks.spec.BudgetSpec;
import stacks.spec.EnvironmentSpec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code devmin budget-posture}: the month's spend against {@code devmin:budget}'s ladder. Cost Explorer's
 * month-to-date cost and forecast and the budget's own actual and forecast are read concurrently; the higher of each
 * pair is placed on the ladder (the sources lag differently, so the posture takes the worse). The verdict names every
 * rung crossed and fails when the actual or the forecast is above the last rung, or when the budget's limit is not
 * the configured one. The actual spend is required from both sources; a forecast AWS does not have yet (a new account
 * or budget) is a named warning in the verdict with AWS's reason, and the posture is then placed on what there is.
 */
public final class BudgetPosture {

    public static final String SCHEMA = "devmin.budget-posture/v1";
    static final String COST_TO_DATE = "cost-explorer-month-to-date";
    static final String COST_FORECAST = "cost-explorer-forecast";
    static final String BUDGET = "budget";
    /** The warning recorded for each source without a forecast. */
    static final String NO_FORECAST = "forecast-unavailable";

    private BudgetPosture() {
    }

    /** The posture today (UTC, as Cost Explorer counts days). */
    public static Verdict check(AwsClients aws, EnvironmentSpec spec, int parallelism, long deadlineMillis,
                                Provenance provenance) {
        return check(aws, spec, LocalDate.ofInstant(provenance.startedAt(), ZoneOffset.UTC), parallelism,
                deadlineMillis, provenance);
    }

    /** The posture on {@code today}: the month it falls in, and the forecast from it to the month's end. */
    public static Verdict check(AwsClients aws, EnvironmentSpec spec, LocalDate today, int parallelism,
                                long deadlineMillis, Provenance provenance) {
        String budgetName = CoreNames.of(spec).budgetName();
        Map<String, Object> read = new ConcurrentHashMap<>();
        List<Checks.Named> checks = List.of(
                new Checks.Named(COST_TO_DATE, "global", log -> {
                    Money actual = SpendSources.monthToDate(aws.costExplorer(), today, log);
                    read.put(COST_TO_DATE, actual);
                    return log.pass(COST_TO_DATE, "global", "Cost Explorer: " + actual.describe() + " since "
                            + today.withDayOfMonth(1));
                }),
                new Checks.Named(COST_FORECAST, "global", log -> {
                    Forecast rest = SpendSources.forecastToMonthEnd(aws.costExplorer(), today, log, COST_FORECAST);
                    read.put(COST_FORECAST, rest);
                    return log.pass(COST_FORECAST, "global", rest instanceof Forecast.Known known
                            ? "Cost Explorer forecasts " + known.money().describe() + " from " + today
                            + " to the end of the month" : "no forecast yet (warning): " + reason(rest));
                }),
                new Checks.Named(BUDGET, "global", log -> budget(aws, spec, budgetName, read, log)));
        List<CheckResult> results = new ArrayList<>(Checks.run(checks, parallelism, deadlineMillis));
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        context.put("stack", spec.stack());
        context.put("budget_name", budgetName);
        context.put("month", today.withDayOfMonth(1).toString().substring(0, 7));
        ArrayNode warnings = context.putArray("warnings");
        unavailableForecasts(read).forEach(missing -> warnings.addObject().put("name", NO_FORECAST)
                .put("source", missing.source()).put("reason", missing.reason()));
        results.add(ladder(spec.budget(), read, context.putObject("posture")));
        return new Verdict(SCHEMA, results, context, provenance.finished());
    }

    private static CheckResult budget(AwsClients aws, EnvironmentSpec spec, String name, Map<String, Object> read,
                                      CallLog log) {
        BudgetView view = SpendSources.budget(aws.budgets(), spec.awsAccountId(), name, log, BUDGET);
        read.put(BUDGET, view);
        BudgetSpec configured = spec.budget();
        if (view.limit().amount().compareTo(configured.monthlyLimit()) != 0
                || !view.limit().unit().equals(configured.currency())) {
            return log.result(BUDGET, "global", List.of(view.limit().describe()), "", "budget " + name
                    + " has limit " + view.limit().describe() + ", devmin:budget says "
                    + configured.monthlyLimit().toPlainString() + " " + configured.currency()
                    + " (the alerts no longer match the ladder)");
        }
        return log.pass(BUDGET, "global", "budget " + name + ": actual " + view.actual().describe() + ", "
                + (view.forecast() instanceof Forecast.Known known ? "forecast " + known.money().describe()
                : "no forecast yet (warning)") + " of " + view.limit().describe());
    }

    /** The sources that answered without a forecast, in check order. */
    private static List<Forecast.Unavailable> unavailableForecasts(Map<String, Object> read) {
        List<Forecast.Unavailable> missing = new ArrayList<>();
        if (read.get(COST_FORECAST) instanceof Forecast.Unavailable ce) {
            missing.add(ce);
        }
        if (read.get(BUDGET) instanceof BudgetView view && view.forecast() instanceof Forecast.Unavailable budget) {
            missing.add(budget);
        }
        return missing;
    }

    private static String reason(Forecast forecast) {
        return forecast instanceof Forecast.Unavailable missing ? missing.reason() : "";
    }

    /**
     * The posture on the ladder, computed from what the sources said (never from an unverified one): the higher
     * actual, and the higher of the forecasts AWS has (none on a new account or budget: then the actual alone).
     */
    static CheckResult ladder(BudgetSpec budget, Map<String, Object> read, ObjectNode posture) {
        CallLog none = new CallLog();
        ThresholdLadder ladder = new ThresholdLadder(budget.alertThresholds(), budget.monthlyLimit());
        posture.put("currency", budget.currency());
        posture.put("limit", budget.monthlyLimit());
        ArrayNode rungs = posture.putArray("thresholds");
        budget.alertThresholds().forEach(rungs::add);
        List<String> missing = List.of(COST_TO_DATE, COST_FORECAST, BUDGET).stream().filter(k -> !read.containsKey(k))
                .toList();
        if (!missing.isEmpty()) {
            return none.unverified("threshold-ladder", "global", "the month cannot be placed on the ladder: "
                    + String.join(", ", missing) + " could not be read", missing);
        }
        Money toDate = (Money) read.get(COST_TO_DATE);
        Optional<Money> rest = known((Forecast) read.get(COST_FORECAST));
        BudgetView view = (BudgetView) read.get(BUDGET);
        Optional<Money> budgetForecast = known(view.forecast());
        List<String> units = Stream.of(Optional.of(toDate), rest, Optional.of(view.actual()), budgetForecast)
                .flatMap(Optional::stream).map(Money::unit).filter(u -> !u.equals(budget.currency())).distinct()
                .toList();
        if (!units.isEmpty()) {
            return none.unverified("threshold-ladder", "global", "amounts in " + String.join(", ", units)
                    + " cannot be compared with the ladder in " + budget.currency(), units);
        }
        BigDecimal actual = toDate.amount().max(view.actual().amount());
        Optional<BigDecimal> ceForecast = rest.map(r -> toDate.amount().add(r.amount()));
        Optional<BigDecimal> forecast = Stream.of(ceForecast, budgetForecast.map(Money::amount))
                .flatMap(Optional::stream).max(BigDecimal::compareTo);
        ObjectNode ce = posture.putObject("cost_explorer");
        ce.put("month_to_date", toDate.amount());
        putOrNull(ce, "forecast_to_month_end", rest.map(Money::amount));
        putOrNull(ce, "forecast_month", ceForecast);
        ObjectNode own = posture.putObject("budget").put("actual", view.actual().amount());
        putOrNull(own, "forecast", budgetForecast.map(Money::amount));
        own.put("limit", view.limit().amount());
        posture.put("actual", actual);
        putOrNull(posture, "forecast", forecast);
        List<ThresholdLadder.Amount> amounts = new ArrayList<>();
        amounts.add(new ThresholdLadder.Amount("actual", actual));
        forecast.ifPresent(f -> amounts.add(new ThresholdLadder.Amount("forecast", f)));
        List<ThresholdLadder.Crossing> crossed = ladder.crossed(amounts);
        ArrayNode list = posture.putArray("thresholds_crossed");
        crossed.forEach(c -> list.addObject().put("threshold", c.threshold()).put("by", c.by()));
        List<String> above = ladder.aboveLast(amounts);
        posture.put("above_last_threshold", !above.isEmpty());
        String summary = "actual " + actual.toPlainString() + forecast.map(f -> ", forecast " + f.toPlainString())
                .orElse("") + " " + budget.currency() + (forecast.isEmpty() ? " (no forecast yet: placed on the"
                + " actual alone)" : "") + "; " + describe(crossed);
        if (!above.isEmpty()) {
            return new CheckResult("threshold-ladder", "global", CheckStatus.BLOCKER, summary + "; "
                    + String.join(" and ", above) + " above the last threshold " + ladder.last().toPlainString()
                    + " (limit " + budget.monthlyLimit().toPlainString() + ")", List.of(), above);
        }
        return none.pass("threshold-ladder", "global", summary + "; not above the last threshold "
                + ladder.last().toPlainString());
    }

    private static Optional<Money> known(Forecast forecast) {
        return forecast instanceof Forecast.Known k ? Optional.of(k.money()) : Optional.empty();
    }

    private static void putOrNull(ObjectNode node, String field, Optional<BigDecimal> value) {
        value.ifPresentOrElse(v -> node.put(field, v), () -> node.putNull(field));
    }

    private static String describe(List<ThresholdLadder.Crossing> crossed) {
        if (crossed.isEmpty()) {
            return "no threshold crossed";
        }
        return crossed.stream().collect(Collectors.groupingBy(ThresholdLadder.Crossing::by,
                        java.util.TreeMap::new, Collectors.mapping(c -> c.threshold().toPlainString(),
                                Collectors.joining(", ")))).entrySet().stream()
                .map(e -> e.getKey() + " crossed " + e.getValue()).collect(Collectors.joining("; "));
    }
}
