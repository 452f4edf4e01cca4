package devmin.live.budget;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import devmin.evidence.Provenance;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.Verdict;
import devmin.live.WindowWorld;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsSettings;
import devmin.testing.WindowFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import stacks.spec.EnvironmentSpec;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static devmin.live.AwsWire.json;
import static devmin.live.AwsWire.jsonBody;
import static devmin.live.AwsWire.jsonError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The month's spend on the committed ladder (alerts at 10, 20 and 28 of a 30 USD budget), with Cost Explorer and
 * Budgets answering on WireMock as their API references shape them. A forecast AWS does not have yet comes as AWS
 * documents it: {@code GetCostForecast} fails with {@code DataUnavailableException}, HTTP 400 (Cost Explorer API
 * Reference, GetCostForecast, Errors; the message is the one AWS gave a new account in zoph-io/instance-watcher#38),
 * and {@code CalculatedSpend} leaves out {@code ForecastedSpend} ("Required: No", while {@code ActualSpend} is
 * "Required: Yes": Budgets API Reference, CalculatedSpend).
 */
class BudgetPostureTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static WireMockServer server;
    static EnvironmentSpec spec;

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        spec = WindowFixtures.spec();
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void month() {
        server.resetAll();
        costToDate("12.5", "USD", TODAY.withDayOfMonth(1));
        forecastToMonthEnd("3.1");
        budget("30", "12.0", "15.0");
    }

    static void costToDate(String amount, String unit, LocalDate first) {
        server.stubFor(json("AWSInsightsIndexService.GetCostAndUsage").willReturn(jsonBody("{\"ResultsByTime\":["
                + "{\"TimePeriod\":{\"Start\":\"" + first + "\",\"End\":\"" + first.plusMonths(1) + "\"},\"Total\":"
                + "{\"UnblendedCost\":{\"Amount\":\"" + amount + "\",\"Unit\":\"" + unit + "\"}},\"Groups\":[],"
                + "\"Estimated\":true}],\"DimensionValueAttributes\":[]}")));
    }

    static void forecastToMonthEnd(String amount) {
        server.stubFor(json("AWSInsightsIndexService.GetCostForecast").willReturn(jsonBody("{\"Total\":{\"Amount\":\""
                + amount + "\",\"Unit\":\"USD\"},\"ForecastResultsByTime\":[]}")));
    }

    static void budget(String limit, String actual, String forecast) {
        server.stubFor(json("AWSBudgetServiceGateway.DescribeBudget").willReturn(jsonBody(
                WindowWorld.budget(limit, actual, forecast))));
    }

    /** Cost Explorer's answer to a forecast it has no history for. */
    static void noCostExplorerForecast() {
        server.stubFor(json("AWSInsightsIndexService.GetCostForecast").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody("{\"__type\":"
                        + "\"DataUnavailableException\",\"Message\":\"Insufficient amount of historical data.\"}")));
    }

    /** A budget AWS has not forecast yet: its CalculatedSpend has ActualSpend only. */
    static void budgetWithoutForecast(String limit, String actual) {
        server.stubFor(json("AWSBudgetServiceGateway.DescribeBudget").willReturn(jsonBody("{\"Budget\":{\"BudgetName\":"
                + "\"devmin-dev-min-monthly\",\"BudgetLimit\":{\"Amount\":\"" + limit + "\",\"Unit\":\"USD\"},"
                + "\"TimeUnit\":\"MONTHLY\",\"BudgetType\":\"COST\",\"CalculatedSpend\":{\"ActualSpend\":"
                + "{\"Amount\":\"" + actual + "\",\"Unit\":\"USD\"}}}}")));
    }

    static Verdict posture(LocalDate today) {
        try (AwsClients aws = new AwsClients(new AwsSettings(Optional.of(URI.create(server.baseUrl())), 1,
                Duration.ofMillis(10), Duration.ofSeconds(10)))) {
            Instant now = Instant.now();
            return BudgetPosture.check(aws, spec, today, 3, 30_000, new Provenance("test", "c0ffee", "dev-min",
                    spec.image().tag(), spec.image().digest(), now, now));
        }
    }

    static CheckResult ladder(Verdict verdict) {
        return verdict.checks().stream().filter(c -> c.name().equals("threshold-ladder")).findFirst().orElseThrow();
    }

    @Test
    void belowTheLastThresholdPassesAndNamesTheThresholdsCrossed() {
        Verdict verdict = posture(TODAY);

        assertThat(verdict.overallPass()).as(verdict.blockers().toString()).isTrue();
        assertThat(ladder(verdict).message()).isEqualTo("actual 12.5, forecast 15.6 USD; actual crossed 10; forecast"
                + " crossed 10; not above the last threshold 28");
        JsonNode posture = verdict.toJson().path("posture");
        assertThat(posture.path("above_last_threshold").isBoolean()).isTrue();
        assertThat(posture.path("above_last_threshold").asBoolean()).isFalse();
        assertThat(verdict.toJson().path("warnings")).isEmpty();
        assertThat(posture.path("thresholds_crossed").toString()).isEqualTo("[{\"threshold\":10,\"by\":\"actual\"},"
                + "{\"threshold\":10,\"by\":\"forecast\"}]");
        assertThat(posture.path("budget").path("forecast").decimalValue()).isEqualByComparingTo("15.0");
        assertThat(verdict.checks()).extracting(CheckResult::name).containsExactly("cost-explorer-month-to-date",
                "cost-explorer-forecast", "budget", "threshold-ladder");
    }

    @Test
    void theMonthAndTheForecastAreAskedForTheCalendarMonthOfToday() {
        posture(TODAY);

        server.verify(postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("AWSInsightsIndexService.GetCostAndUsage")).withRequestBody(equalToJson("{\"TimePeriod\":"
                + "{\"Start\":\"2026-11-01\",\"End\":\"2026-12-01\"},\"Granularity\":\"MONTHLY\",\"Metrics\":"
                + "[\"UnblendedCost\"]}")));
        server.verify(postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("AWSInsightsIndexService.GetCostForecast")).withRequestBody(equalToJson("{\"TimePeriod\":"
                + "{\"Start\":\"2026-11-30\",\"End\":\"2026-12-01\"},\"Metric\":\"UNBLENDED_COST\",\"Granularity\":"
                + "\"MONTHLY\"}")));
        server.verify(postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("AWSBudgetServiceGateway.DescribeBudget")).withRequestBody(equalToJson("{\"AccountId\":"
                + "\"123456789012\",\"BudgetName\":\"devmin-dev-min-monthly\"}")));
    }

    @Test
    void onTheFirstOfAMonthThePeriodIsThatWholeMonth() {
        costToDate("0.4", "USD", LocalDate.of(2026, 12, 1));

        Verdict verdict = posture(LocalDate.of(2026, 12, 1));

        assertThat(verdict.overallPass()).as(verdict.blockers().toString()).isTrue();
        server.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(equalToJson("{\"TimePeriod\":{\"Start\":"
                + "\"2026-12-01\",\"End\":\"2027-01-01\"},\"Metric\":\"UNBLENDED_COST\",\"Granularity\":"
                + "\"MONTHLY\"}")));
    }

    @Test
    void aForecastAboveTheLastThresholdFails() {
        forecastToMonthEnd("16.0");

        Verdict verdict = posture(TODAY);

        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(ladder(verdict).status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(ladder(verdict).message()).isEqualTo("actual 12.5, forecast 28.5 USD; actual crossed 10; forecast"
                + " crossed 10, 20, 28; forecast 28.5 above the last threshold 28 (limit 30)");
        assertThat(verdict.toJson().path("posture").path("above_last_threshold").asBoolean(false)).isTrue();
    }

    @Test
    void anActualAboveTheLastThresholdFailsWhicheverSourceSaysIt() {
        budget("30", "28.01", "29.0");

        Verdict verdict = posture(TODAY);

        assertThat(ladder(verdict).found()).containsExactly("actual 28.01", "forecast 29.0");
        assertThat(verdict.exitCode()).isEqualTo(1);
    }

    @Test
    void anAmountEqualToAThresholdHasNotCrossedIt() {
        costToDate("20", "USD", TODAY.withDayOfMonth(1));
        forecastToMonthEnd("0");
        budget("30", "10", "20");

        assertThat(ladder(posture(TODAY)).message()).isEqualTo("actual 20, forecast 20 USD; actual crossed 10;"
                + " forecast crossed 10; not above the last threshold 28");
    }

    @Test
    void anAmountExactlyOnTheLastThresholdIsNotAboveItAndPasses() {
        costToDate("28", "USD", TODAY.withDayOfMonth(1));
        forecastToMonthEnd("0");
        budget("30", "28.00", "28");

        Verdict verdict = posture(TODAY);

        assertThat(verdict.exitCode()).as(verdict.blockers().toString()).isZero();
        assertThat(ladder(verdict).message()).isEqualTo("actual 28, forecast 28 USD; actual crossed 10, 20; forecast"
                + " crossed 10, 20; not above the last threshold 28");
        JsonNode posture = verdict.toJson().path("posture");
        assertThat(posture.path("above_last_threshold").isBoolean()).isTrue();
        assertThat(posture.path("above_last_threshold").asBoolean()).isFalse();
    }

    @Test
    void oneCentAboveTheLastThresholdIsAboveIt() {
        costToDate("28.01", "USD", TODAY.withDayOfMonth(1));
        forecastToMonthEnd("0");
        budget("30", "28", "28");

        Verdict verdict = posture(TODAY);

        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(ladder(verdict).found()).containsExactly("actual 28.01", "forecast 28.01");
        assertThat(verdict.toJson().path("posture").path("above_last_threshold").asBoolean(false)).isTrue();
    }

    @Test
    void aBudgetWhoseLimitIsNotTheConfiguredOneFails() {
        budget("50", "12.0", "15.0");

        Verdict verdict = posture(TODAY);

        CheckResult budget = verdict.checks().stream().filter(c -> c.name().equals("budget")).findFirst()
                .orElseThrow();
        assertThat(budget.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(budget.message()).contains("has limit 50 USD, devmin:budget says 30 USD");
    }

    @Test
    void anOpenOnABudgetWithoutForecastPassesWithAWarningNamingEachSourceAndAwsReason() {
        noCostExplorerForecast();
        budgetWithoutForecast("30", "12.0");

        Verdict verdict = posture(TODAY);

        assertThat(verdict.exitCode()).as(verdict.blockers().toString()).isZero();
        assertThat(verdict.overallPass()).isTrue();
        JsonNode json = verdict.toJson();
        assertThat(json.path("warnings")).hasSize(2);
        assertThat(json.path("warnings").get(0).path("name").asText()).isEqualTo("forecast-unavailable");
        assertThat(json.path("warnings").get(0).path("source").asText()).isEqualTo("cost-explorer-forecast");
        assertThat(json.path("warnings").get(0).path("reason").asText()).isEqualTo("ce:GetCostForecast answered"
                + " DataUnavailableException: Insufficient amount of historical data.");
        assertThat(verdict.checks()).filteredOn(c -> c.name().equals("cost-explorer-forecast")).singleElement()
                .satisfies(c -> assertThat(c.message()).isEqualTo("no forecast yet (warning): ce:GetCostForecast"
                        + " answered DataUnavailableException: Insufficient amount of historical data."));
        assertThat(json.path("warnings").get(1).path("source").asText()).isEqualTo("budget");
        assertThat(json.path("warnings").get(1).path("reason").asText()).contains("budget devmin-dev-min-monthly has"
                + " no CalculatedSpend.ForecastedSpend yet");
        assertThat(ladder(verdict).message()).isEqualTo("actual 12.5 USD (no forecast yet: placed on the actual"
                + " alone); actual crossed 10; not above the last threshold 28");
        assertThat(json.path("posture").path("forecast").isNull()).isTrue();
        assertThat(json.path("posture").path("above_last_threshold").isBoolean()).isTrue();
        assertThat(json.path("posture").path("above_last_threshold").asBoolean()).isFalse();
        assertThat(verdict.warnings()).hasSize(2);
        assertThat(verdict.toMarkdown("Budget posture")).contains(":warning: forecast-unavailable"
                + " [cost-explorer-forecast]: ce:GetCostForecast answered DataUnavailableException");
    }

    @Test
    void withoutAnyForecastAnActualAboveTheLastThresholdStillFails() {
        noCostExplorerForecast();
        budgetWithoutForecast("30", "28.5");

        Verdict verdict = posture(TODAY);

        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(ladder(verdict).found()).containsExactly("actual 28.5");
        assertThat(verdict.toJson().path("posture").path("above_last_threshold").asBoolean(false)).isTrue();
    }

    @Test
    void aForecastOneSourceHasStillCountsWhenTheOtherHasNone() {
        noCostExplorerForecast();
        budget("30", "12.0", "29.0");

        Verdict verdict = posture(TODAY);

        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(ladder(verdict).found()).containsExactly("forecast 29.0");
        assertThat(verdict.toJson().path("warnings")).extracting(w -> w.path("source").asText())
                .containsExactly("cost-explorer-forecast");
    }

    @Test
    void aForecastThatFailsForAnyOtherReasonLeavesThePostureUnverified() {
        server.stubFor(json("AWSInsightsIndexService.GetCostForecast").willReturn(jsonError(400,
                "AccessDeniedException")));

        Verdict verdict = posture(TODAY);

        assertThat(verdict.exitCode()).isEqualTo(2);
        assertThat(ladder(verdict).status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(ladder(verdict).message()).contains("cost-explorer-forecast could not be read");
        assertThat(verdict.toJson().path("warnings")).isEmpty();
    }

    @Test
    void theActualSpendIsStillRequiredEvenWhenCostExplorerSaysItHasNoData() {
        server.stubFor(json("AWSInsightsIndexService.GetCostAndUsage").willReturn(jsonError(400,
                "DataUnavailableException")));

        Verdict verdict = posture(TODAY);

        assertThat(verdict.exitCode()).isEqualTo(2);
        assertThat(verdict.checks().get(0).status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(ladder(verdict).message()).contains("cost-explorer-month-to-date could not be read");
    }

    @Test
    void aBudgetWithoutCalculatedSpendIsUnverified() {
        server.stubFor(json("AWSBudgetServiceGateway.DescribeBudget").willReturn(jsonBody("{\"Budget\":{"
                + "\"BudgetName\":\"devmin-dev-min-monthly\",\"BudgetLimit\":{\"Amount\":\"30\",\"Unit\":\"USD\"},"
                + "\"TimeUnit\":\"MONTHLY\",\"BudgetType\":\"COST\"}}")));

        Verdict verdict = posture(TODAY);

        assertThat(verdict.exitCode()).isEqualTo(2);
        assertThat(ladder(verdict).message()).contains("budget could not be read");
    }

    @Test
    void anotherCurrencyCannotBePlacedOnTheLadder() {
        costToDate("12.5", "EUR", TODAY.withDayOfMonth(1));

        CheckResult ladder = ladder(posture(TODAY));

        assertThat(ladder.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(ladder.message()).contains("amounts in EUR cannot be compared with the ladder in USD");
    }

    @Test
    void costExplorerWithoutThisMonthsResultIsNotZero() {
        costToDate("12.5", "USD", TODAY.withDayOfMonth(1).minusMonths(1));

        Verdict verdict = posture(TODAY);

        assertThat(verdict.checks().get(0).status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(verdict.checks().get(0).message()).contains("no UnblendedCost for the month starting 2026-11-01");
    }
}
