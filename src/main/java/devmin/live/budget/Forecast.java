package devmin.live.budget;

import devmin.live.budget.SpendSources.Money;

/**
 * A forecast of the month's spend as one source gave it, or that source's reason for having none yet. AWS forecasts
 * only from history: Cost Explorer answers {@code GetCostForecast} with {@code DataUnavailableException} ("The
 * requested data is unavailable", Cost Explorer API Reference, GetCostForecast, Errors) and a budget's
 * {@code CalculatedSpend.ForecastedSpend} is optional ("Required: No", Budgets API Reference, CalculatedSpend), so a
 * new account or budget has none. A forecast that is missing this way is a warning, never a pass of something unseen.
 */
sealed interface Forecast {

    /** The source's forecast. */
    record Known(Money money) implements Forecast {
    }

    /**
     * No forecast from this source yet.
     *
     * @param source the check that asked, e.g. {@code cost-explorer-forecast}
     * @param reason AWS's answer, in its words (error code and message, or the member it left out)
     */
    record Unavailable(String source, String reason) implements Forecast {
    }
}
