package devmin.plan;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.plan.cost.CostEstimate;
import devmin.plan.cost.JobRunCost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import stacks.spec.LaneSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.editLane;
import static devmin.testing.Fixtures.laneIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The cost as each output of the plan shows it (text, Markdown, JSON): the logs kept from window hours apart from
 * idle, and one run of every job lane by name, said to be outside the monthly total.
 */
class PlanCostOutputTest {

    private static Plan plan;
    private static CostEstimate cost;
    private static List<String> jobLanes;

    @BeforeAll
    static void planTheCommittedConfigWithOneRunTimeStated() {
        // stream-sort states its run time; every other job falls back to the price table's assumption
        plan = Plans.plan(editLane(committedConfig(), laneIndex(committedConfig(), "stream-sort"),
                l -> l.put("runMinutes", 25)));
        cost = plan.cost().orElseThrow();
        jobLanes = plan.spec().lanes().stream().filter(l -> !l.isService()).map(LaneSpec::name).toList();
    }

    @Test
    void theCommittedJobLanesAreEachCostedPerRun() {
        assertThat(jobLanes).contains("seed-pack", "stream-sort", "checker", "reporter", "probe-ingress");
        assertThat(cost.jobRuns()).extracting(JobRunCost::lane).containsExactlyElementsOf(jobLanes);
        JobRunCost sort = cost.jobRuns().stream().filter(j -> j.lane().equals("stream-sort")).findFirst()
                .orElseThrow();
        assertThat(sort.runMinutes()).isEqualTo(25);
        assertThat(sort.runTimeFrom()).isEqualTo(JobRunCost.RunTimeFrom.LANE);
        assertThat(cost.jobRuns()).filteredOn(j -> !j.lane().equals("stream-sort"))
                .allSatisfy(j -> assertThat(j.runTimeFrom()).isEqualTo(JobRunCost.RunTimeFrom.PRICE_TABLE));
    }

    @Test
    void theTextNamesEveryJobLaneWithItsRunCostAndSaysRunsAreNotInTheTotal() {
        String text = Plans.text(plan);

        assertThat(text).contains("job runs, " + CostEstimate.JOB_RUNS_NOT_IN_TOTAL);
        for (JobRunCost j : cost.jobRuns()) {
            assertThat(text).containsPattern("\n    " + j.lane() + " +" + String.format(Locale.ROOT, "%.4f", j.line()
                    .amount()) + "/run  \\S+ min from " + j.runTimeFrom().description());
        }
        assertThat(text).contains("25 min from the lane's runMinutes")
                .contains(String.format(Locale.ROOT, "of which %.2f logs kept from them", cost.keptMonthly()));
    }

    @Test
    void theMarkdownListsEveryJobRunAndTheLogsKeptAsTheirOwnRows() {
        String md = PlanMarkdown.of(plan);

        assertThat(md).contains("Job runs are " + CostEstimate.JOB_RUNS_NOT_IN_TOTAL);
        for (JobRunCost j : cost.jobRuns()) {
            assertThat(md).contains("| Fargate: " + j.lane() + ", one run | run (not in the month) | "
                    + String.format(Locale.ROOT, "%.4f", j.line().amount()) + " |");
        }
        assertThat(md).contains("| CloudWatch Logs kept from window hours | month | "
                + String.format(Locale.ROOT, "%.2f", cost.keptMonthly()) + " |");
    }

    @Test
    void theJsonHasTheJobRunsApartFromTheMonthAndTheLogsKept() {
        JsonNode json = PlanJson.of(plan).get("cost");

        assertThat(json.get("job_runs_in_monthly_total").asBoolean(true)).isFalse();
        List<String> lanes = new ArrayList<>();
        json.get("job_run_lines").forEach(j -> lanes.add(j.get("lane").asText()));
        assertThat(lanes).containsExactlyElementsOf(jobLanes);
        JsonNode sort = json.get("job_run_lines").get(jobLanes.indexOf("stream-sort"));
        assertThat(sort.get("run_minutes").asDouble()).isEqualTo(25);
        assertThat(sort.get("run_minutes_from").asText()).isEqualTo("lane");
        assertThat(json.get("job_run_lines").get(jobLanes.indexOf("seed-pack")).get("run_minutes_from").asText())
                .isEqualTo("price_table");
        assertThat(json.get("kept_lines")).extracting(l -> l.get("item").asText())
                .containsExactly("CloudWatch Logs kept from window hours");
        assertThat(json.get("idle_lines")).extracting(l -> l.get("item").asText())
                .noneMatch(item -> item.contains("CloudWatch"));
        assertThat(json.get("monthly_total").asDouble()).isCloseTo(json.get("idle_monthly").asDouble()
                + json.get("window_hours_per_month").asDouble() * json.get("window_hourly").asDouble()
                + json.get("kept_monthly").asDouble(), within(0.001));
    }
}
