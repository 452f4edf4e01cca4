package devmin.plan;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.plan.cost.CostEstimate;
import devmin.plan.cost.CostLine;
import devmin.plan.cost.PriceGap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.editObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The committed stack planned in regions the bundled table prices only in part (issue #31): what it could not price
 * is named in every output and the budget is not passed; Spot lanes are priced at an upper bound that says so.
 */
class PlanRegionCostTest {

    private static Plan virginia;
    private static CostEstimate cost;

    @BeforeAll
    static void planTheCommittedStackInVirginia() {
        virginia = Plans.plan(committedConfig().with("aws:region", "us-east-1"));
        cost = virginia.cost().orElseThrow();
    }

    @Test
    void virginiaGetsAnEstimateThatNamesTheOneLineItCannotPrice() {
        // us-east-1 lacks only Cloud Map's price (2026-12-07); Confluent is priced in the cluster's region, eu-west-2
        assertThat(cost.unpriced()).extracting(PriceGap::item, PriceGap::key, PriceGap::region)
                .containsExactly(tuple("Cloud Map names", "cloud_map_instance_month", "us-east-1"));
        assertThat(cost.complete()).isFalse();
        assertThat(cost.withinBudget()).isFalse();
        assertThat(virginia.passes()).isTrue();
        assertThat(virginia.warnings()).filteredOn(w -> w.startsWith("cost:")).singleElement().asString()
                .startsWith("cost: incomplete estimate, no budget check: 1 line not priced")
                .contains("cloud_map_instance_month for us-east-1");
    }

    @Test
    void virginiasSpotLanesArePricedAtTheOnDemandPriceAndSaySo() {
        assertThat(cost.window()).filteredOn(l -> l.item().startsWith("Fargate Spot: ")).isNotEmpty()
                .allSatisfy(l -> {
                    assertThat(l.upperBound()).isTrue();
                    assertThat(l.basis()).contains("upper bound: on-demand price; no Spot price for us-east-1")
                            .contains("discounted compared to the Fargate price");
                });
        assertThat(cost.upperBounds()).allMatch(l -> l.item().startsWith("Fargate Spot: "));
        assertThat(cost.window()).filteredOn(l -> l.item().equals("Public IPv4 addresses"))
                .extracting(CostLine::upperBound).containsOnly(false);
        assertThat(Plans.text(virginia)).containsPattern(
                "\n  upper bound: Fargate Spot: \\S+ \\(on-demand price; no Spot price for us-east-1\\)\n");
    }

    @Test
    void everyOutputNamesWhatIsNotPriced() {
        assertThat(Plans.text(virginia)).contains("  incomplete: 1 line not priced, in none of these figures:\n"
                + "    Cloud Map names: no price cloud_map_instance_month for us-east-1 (");
        assertThat(PlanMarkdown.of(virginia)).contains("**Incomplete**: 1 line not priced")
                .contains("| :grey_question: Cloud Map names | | not priced | no price cloud_map_instance_month for"
                        + " us-east-1: ");
        JsonNode json = PlanJson.of(virginia).get("cost");
        assertThat(json.get("complete").asBoolean(true)).isFalse();
        assertThat(json.get("within_budget").asBoolean(true)).isFalse();
        assertThat(json.at("/unpriced_lines/0/key").asText()).isEqualTo("cloud_map_instance_month");
        assertThat(json.at("/unpriced_lines/0/region").asText()).isEqualTo("us-east-1");
    }

    @Test
    void mumbaiAlsoLacksEcrStorageAndAClusterThereLacksConfluent() {
        Plan mumbai = Plans.plan(editObject(committedConfig().with("aws:region", "ap-south-1"), "devmin:confluent",
                c -> c.put("region", "ap-south-1")));

        assertThat(mumbai.cost().orElseThrow().unpriced()).extracting(PriceGap::key).containsExactlyInAnyOrder(
                "ecr_storage_gb_month", "confluent_basic_base_hour", "confluent_storage_gb_month",
                "cloud_map_instance_month", "confluent_throughput_gb");
        assertThat(mumbai.passes()).isTrue();
    }

    @Test
    void londonIsCompleteAndHasNoUpperBound() {
        CostEstimate london = Plans.plan(committedConfig()).cost().orElseThrow();

        assertThat(london.complete()).isTrue();
        assertThat(london.upperBounds()).isEmpty();
        assertThat(london.withinBudget()).isTrue();
    }
}
