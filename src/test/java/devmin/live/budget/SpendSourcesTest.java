package devmin.live.budget;

import devmin.live.CallLog;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.DateInterval;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Cost Explorer's month-to-date answer read without HTTP (GetCostAndUsage: ResultsByTime[].Total keyed by metric). */
class SpendSourcesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @SuppressWarnings("unchecked")
    private static CostExplorerClient answering(ResultByTime... results) {
        CostExplorerClient ce = mock(CostExplorerClient.class);
        when(ce.getCostAndUsage(any(Consumer.class)))
                .thenReturn(GetCostAndUsageResponse.builder().resultsByTime(results).build());
        return ce;
    }

    private static ResultByTime month(String start, Map<String, MetricValue> total) {
        return ResultByTime.builder().timePeriod(DateInterval.builder().start(start).end("2027-01-01").build())
                .total(total).build();
    }

    @Test
    void theMonthsUnblendedCostIsTheAmount() {
        CostExplorerClient ce = answering(month("2026-12-01",
                Map.of("UnblendedCost", MetricValue.builder().amount("12.34").unit("USD").build())));

        SpendSources.Money money = SpendSources.monthToDate(ce, TODAY, new CallLog());

        assertThat(money.amount()).isEqualByComparingTo("12.34");
        assertThat(money.unit()).isEqualTo("USD");
    }

    @Test
    void aResultForTheMonthWithoutTheMetricIsUnverifiedNamingIt() {
        CostExplorerClient ce = answering(month("2026-12-01",
                Map.of("BlendedCost", MetricValue.builder().amount("1").unit("USD").build())));

        assertThatThrownBy(() -> SpendSources.monthToDate(ce, TODAY, new CallLog()))
                .isInstanceOf(CallLog.Unverified.class)
                .hasMessage("ce:GetCostAndUsage: the answer has no UnblendedCost for the month starting 2026-12-01");
    }
}
