package devmin.live.budget;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.budget.SpendSources.BudgetView;
import devmin.live.budget.SpendSources.Money;
import org.junit.jupiter.api.Test;
import stacks.spec.BudgetSpec;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ladder decision alone, on amounts as the sources gave them (no AWS, no HTTP): fast enough for every mutant. */
class BudgetLadderTest {

    private static final BudgetSpec BUDGET = new BudgetSpec(new BigDecimal("30"), "USD",
            List.of(new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("28")), List.of("a@example.com"));

    private final ObjectNode posture = JsonNodeFactory.instance.objectNode();

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }

    private static Map<String, Object> read(String toDate, Forecast rest, String budgetActual, Forecast budgetForecast) {
        Map<String, Object> read = new HashMap<>();
        read.put(BudgetPosture.COST_TO_DATE, usd(toDate));
        read.put(BudgetPosture.COST_FORECAST, rest);
        read.put(BudgetPosture.BUDGET, new BudgetView(usd("30"), usd(budgetActual), budgetForecast));
        return read;
    }

    private static Forecast known(String amount) {
        return new Forecast.Known(usd(amount));
    }

    private static Forecast none(String source) {
        return new Forecast.Unavailable(source, "no data");
    }

    @Test
    void exactlyOnTheLastThresholdIsNotAboveItAndPasses() {
        CheckResult result = BudgetPosture.ladder(BUDGET, read("28", known("0"), "28", known("28")), posture);

        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(result.message()).isEqualTo("actual 28, forecast 28 USD; actual crossed 10, 20; forecast crossed"
                + " 10, 20; not above the last threshold 28");
        assertThat(posture.path("above_last_threshold").isBoolean()).isTrue();
        assertThat(posture.path("above_last_threshold").asBoolean()).isFalse();
        assertThat(result.found()).isEmpty();
    }

    @Test
    void oneCentAboveTheLastThresholdIsABlockerNamingWhatIsAbove() {
        CheckResult result = BudgetPosture.ladder(BUDGET, read("20", known("8.01"), "28.01", known("27")), posture);

        assertThat(result.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(result.message()).isEqualTo("actual 28.01, forecast 28.01 USD; actual crossed 10, 20, 28; forecast"
                + " crossed 10, 20, 28; actual 28.01 and forecast 28.01 above the last threshold 28 (limit 30)");
        assertThat(result.found()).containsExactly("actual 28.01", "forecast 28.01");
        assertThat(posture.path("above_last_threshold").asBoolean()).isTrue();
    }

    @Test
    void belowTheFirstThresholdNothingIsCrossed() {
        CheckResult result = BudgetPosture.ladder(BUDGET, read("1.5", known("2"), "1", known("3")), posture);

        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(result.message()).isEqualTo("actual 1.5, forecast 3.5 USD; no threshold crossed;"
                + " not above the last threshold 28");
        assertThat(posture.path("thresholds_crossed")).isEmpty();
    }

    @Test
    void thePostureRecordsTheLadderAndEachSourcesAmounts() {
        BudgetPosture.ladder(BUDGET, read("12.5", known("3.1"), "12", known("15")), posture);

        assertThat(posture.path("currency").asText()).isEqualTo("USD");
        assertThat(posture.path("limit").decimalValue()).isEqualByComparingTo("30");
        assertThat(posture.path("thresholds").toString()).isEqualTo("[10,20,28]");
        assertThat(posture.at("/cost_explorer/month_to_date").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(posture.at("/cost_explorer/forecast_to_month_end").decimalValue()).isEqualByComparingTo("3.1");
        assertThat(posture.at("/cost_explorer/forecast_month").decimalValue()).isEqualByComparingTo("15.6");
        assertThat(posture.at("/budget/actual").decimalValue()).isEqualByComparingTo("12");
        assertThat(posture.at("/budget/forecast").decimalValue()).isEqualByComparingTo("15");
        assertThat(posture.at("/budget/limit").decimalValue()).isEqualByComparingTo("30");
        assertThat(posture.path("actual").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(posture.path("forecast").decimalValue()).isEqualByComparingTo("15.6");
        assertThat(posture.path("thresholds_crossed").toString()).isEqualTo("[{\"threshold\":10,\"by\":\"actual\"},"
                + "{\"threshold\":10,\"by\":\"forecast\"}]");
    }

    @Test
    void withoutForecastsTheirFieldsAreNullAndTheActualAloneIsPlaced() {
        CheckResult result = BudgetPosture.ladder(BUDGET,
                read("12.5", none("cost-explorer-forecast"), "12", none("budget")), posture);

        assertThat(result.message()).isEqualTo("actual 12.5 USD (no forecast yet: placed on the actual alone);"
                + " actual crossed 10; not above the last threshold 28");
        assertThat(posture.at("/cost_explorer/forecast_to_month_end").isNull()).isTrue();
        assertThat(posture.at("/cost_explorer/forecast_month").isNull()).isTrue();
        assertThat(posture.at("/budget/forecast").isNull()).isTrue();
        assertThat(posture.path("forecast").isNull()).isTrue();
    }

    @Test
    void aSourceThatWasNotReadLeavesTheLadderUnverifiedNamingIt() {
        Map<String, Object> read = read("1", known("1"), "1", known("1"));
        read.remove(BudgetPosture.COST_FORECAST);

        CheckResult result = BudgetPosture.ladder(BUDGET, read, posture);

        assertThat(result.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(result.message()).isEqualTo("the month cannot be placed on the ladder: cost-explorer-forecast could"
                + " not be read");
    }

    @Test
    void anotherCurrencyIsNotComparedWithTheLadder() {
        Map<String, Object> read = read("1", known("1"), "1", known("1"));
        read.put(BudgetPosture.COST_TO_DATE, new Money(BigDecimal.ONE, "EUR"));

        CheckResult result = BudgetPosture.ladder(BUDGET, read, posture);

        assertThat(result.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(result.message()).isEqualTo("amounts in EUR cannot be compared with the ladder in USD");
    }
}
