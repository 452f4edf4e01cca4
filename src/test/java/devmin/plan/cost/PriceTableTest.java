package devmin.plan.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import stacks.spec.AwsRegions;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bundled price table ({@value PriceTable#SOURCE}) as issue #31 asks for it: the ten regions, every price with
 * its source and date, every gap stated with its reason, and how the table is read.
 */
class PriceTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Issue #31: the regions the table must price. */
    private static final List<String> TEN = List.of("us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-west-2",
            "eu-central-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ap-south-1");

    private static JsonNode bundledJson() throws Exception {
        try (InputStream in = PriceTable.class.getResourceAsStream("/devmin/plan/prices.json")) {
            return JSON.readTree(in);
        }
    }

    /** The keys London states: every region must state each of them, priced or a stated gap. */
    private static List<String> keys(JsonNode table) {
        List<String> keys = new ArrayList<>();
        table.at("/regions/eu-west-2").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void everyRegionOfIssue31IsInTheTableWithEveryKeyStated() throws Exception {
        JsonNode table = bundledJson();
        PriceTable bundled = PriceTable.of(table);

        assertThat(bundled.regions()).containsAll(TEN);
        for (String region : TEN) {
            for (String key : keys(table)) {
                assertThat(bundled.hasPrice(region, key) || bundled.unknown(region, key).isPresent())
                        .as("%s %s: got %s, expected a price or \"price\": null with an \"unknown\" reason", region,
                                key, table.at("/regions/" + region + "/" + key)).isTrue();
            }
        }
    }

    @Test
    void everyPriceHasASourceAndAnIsoDateAndEveryFigureReadFromACopyNamesIt() throws Exception {
        JsonNode table = bundledJson();
        List<String> checked = new ArrayList<>();
        table.get("regions").fields().forEachRemaining(region -> region.getValue().fields().forEachRemaining(e -> {
            String where = region.getKey() + " " + e.getKey();
            JsonNode entry = e.getValue();
            if (entry.path("price").isNull()) {
                assertThat(entry.path("unknown").asText("")).as("%s: a gap must say why", where).isNotBlank();
                return;
            }
            assertThat(entry.path("price").isNumber()).as("%s: price got %s, expected a number or null", where,
                    entry.path("price")).isTrue();
            assertThat(entry.path("source").asText("")).as("%s: source", where).isNotBlank();
            String date = entry.path("date").asText("");
            assertThat(date).as("%s: date got '%s', expected an ISO date", where, date).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(LocalDate.parse(date)).as("%s: date", where).isBefore(LocalDate.of(2026, 12, 8));
            if (!region.getKey().equals("eu-west-2")) {
                // every figure of the nine regions added for #31 was read from a copy: it names it (repo@commit path)
                assertThat(entry.path("via").asText("")).as("%s: via", where).isNotBlank();
            }
            checked.add(where);
        }));
        // 19 London figures + the 101 first-party figures found for the nine other regions (2026-12-07)
        assertThat(checked).hasSize(120);
    }

    @Test
    void aGapIsNamedWithItsReasonNeverAZero() {
        PriceTable bundled = PriceTable.bundled();

        // no first-party Cloud Map price was reachable offline on 2026-12-07 for any region but London's
        assertThat(bundled.hasPrice("us-east-1", "cloud_map_instance_month")).isFalse();
        assertThat(bundled.unknown("us-east-1", "cloud_map_instance_month")).get().asString()
                .contains("no first-party Cloud Map price for us-east-1").contains("2026-12-07");
        assertThatThrownBy(() -> bundled.price("us-east-1", "cloud_map_instance_month"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no price cloud_map_instance_month for us-east-1")
                .hasMessageContaining("no first-party Cloud Map price");
        assertThat(bundled.unknown("eu-west-2", "cloud_map_instance_month")).isEmpty();
    }

    @Test
    void theFirstPartyFiguresAreTheRowsTheirSourceNames() {
        PriceTable bundled = PriceTable.bundled();

        // AWS Price List, AmazonECS offer 20260911124425, us-east-1, SKU 8CESGAFWKAJ98PME: $0.04048 per vCPU-hour
        assertThat(bundled.price("us-east-1", "fargate_vcpu_hour")).isEqualTo(0.04048);
        assertThat(bundled.source("us-east-1", "fargate_vcpu_hour")).get().asString()
                .contains("AmazonECS/20260911124425/us-east-1").contains("SKU 8CESGAFWKAJ98PME").endsWith("2026-09-11");
        // AWS Price List, AmazonEC2 offer 20260904231117, ap-south-1, SKU DJ4GYZ29AWV3WFQX: $0.056 per NAT gateway-hour
        assertThat(bundled.price("ap-south-1", "nat_gateway_hour")).isEqualTo(0.056);
        assertThat(bundled.source("ap-south-1", "nat_gateway_hour")).get().asString().contains("DJ4GYZ29AWV3WFQX");
        // aws.amazon.com/fargate/pricing data (ecs.json, 2025-10-27), 'Asia Pacific (Mumbai)', 'perCPU per hour'
        assertThat(bundled.price("ap-south-1", "fargate_vcpu_hour")).isEqualTo(0.04256);
    }

    @Test
    void anUnknownSpotPriceIsBoundedByTheOnDemandPriceOnAFirstPartyStatement() {
        PriceTable bundled = PriceTable.bundled();

        assertThat(bundled.upperBound("us-east-1", "fargate_spot_vcpu_hour")).get().satisfies(b -> {
            assertThat(b.item()).isEqualTo("fargate_vcpu_hour");
            assertThat(b.price()).isEqualTo(bundled.price("us-east-1", "fargate_vcpu_hour"));
            // AWS, ECS Best Practices Guide, "Amazon ECS clusters for Fargate" (read 2026-12-07)
            assertThat(b.source()).contains("docs.aws.amazon.com/AmazonECS")
                    .contains("a rate that's discounted compared to the Fargate price");
        });
        assertThat(bundled.upperBound("us-east-1", "fargate_spot_gb_hour")).get()
                .extracting(PriceTable.UpperBound::item).isEqualTo("fargate_gb_hour");
        // London has its own Spot price: no bound is needed
        assertThat(bundled.upperBound("eu-west-2", "fargate_spot_vcpu_hour")).isEmpty();
    }

    @Test
    void aNullPriceWithoutAReasonIsABrokenTableNotAGap() throws Exception {
        PriceTable table = PriceTable.of(JSON.readTree("""
                {"regions": {"eu-west-2": {"a": {"price": null}, "b": {"price": null, "unknown": "not found",
                  "at_most": "c", "at_most_source": "says so"}, "c": {"price": null, "unknown": "neither"}}}}
                """));

        assertThat(table.unknown("eu-west-2", "a")).isEmpty();
        assertThatThrownBy(() -> table.price("eu-west-2", "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no price a for eu-west-2");
        // a bound that is itself unknown bounds nothing
        assertThat(table.unknown("eu-west-2", "b")).contains("not found");
        assertThat(table.upperBound("eu-west-2", "b")).isEmpty();
    }

    @Test
    void aRegionOutsideTheTableHasANearestPricedRegion() {
        PriceTable bundled = PriceTable.bundled();

        assertThat(bundled.covers("eu-west-3")).isFalse();
        assertThat(AwsRegions.nearestPriced("eu-west-3", bundled.regions())).contains("eu-west-1");
        assertThat(AwsRegions.nearestPriced("ap-northeast-3", bundled.regions())).contains("ap-northeast-1");
        for (String region : AwsRegions.known()) {
            assertThat(AwsRegions.nearestPriced(region, bundled.regions())).as(region).get()
                    .satisfies(nearest -> assertThat(bundled.covers(nearest)).isTrue());
        }
    }
}
