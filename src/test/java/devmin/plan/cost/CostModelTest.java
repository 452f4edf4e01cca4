package devmin.plan.cost;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.engine.StackConfig;
import devmin.policy.ResourceView;
import org.junit.jupiter.api.Test;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

import java.math.BigDecimal;
import java.util.List;

import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.editObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The estimate against a small price table written here with round prices, so every expected figure is arithmetic on
 * those facts (shown next to each assertion), never a figure the model computed.
 */
class CostModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double CENT = 1e-9;

    /** Facts of this test: prices per unit in eu-west-2, and the table's assumptions. */
    private static final String TABLE = """
            {"currency": "USD",
             "regions": {"eu-west-2": {
               "fargate_vcpu_hour": {"price": 0.04, "source": "fargate price page", "date": "2026-11-01"},
               "fargate_gb_hour": {"price": 0.005},
               "fargate_spot_vcpu_hour": {"price": 0.01}, "fargate_spot_gb_hour": {"price": 0.002},
               "logs_ingestion_gb": {"price": 0.5}, "logs_storage_gb_month": {"price": 0.03},
               "s3_standard_gb_month": {"price": 0.02}, "ecr_storage_gb_month": {"price": 0.1},
               "ssm_standard_parameter_month": {"price": 0.0},
               "rds_db_t4g_micro_hour": {"price": 0.02}, "rds_db_t4g_small_hour": {"price": 0.04},
               "rds_gp2_gb_month": {"price": 0.1},
               "confluent_basic_base_hour": {"price": 0.0}, "confluent_throughput_gb": {"price": 0.05},
               "confluent_storage_gb_month": {"price": 0.1},
               "nat_gateway_hour": {"price": 0.05}, "load_balancer_hour": {"price": 0.025},
               "public_ipv4_address_hour": {"price": 0.005},
               "cloud_map_instance_month": {"price": 0.1}, "route53_hosted_zone_month": {"price": 0.5}}},
             "assumptions": {"evidence_gb": 2, "image_gb": 0.5, "log_gb_per_lane_hour": 0.01,
               "kafka_gb_per_window_hour": 0.5, "kafka_stored_gb": 2, "hours_per_month": 730,
               "job_run_minutes": 12}}
            """;

    /**
     * Lanes of this test: "a" 2 on-demand tasks of 1 vCPU / 2 GB; "b" 1 Spot task of 0.5 vCPU / 1 GB; "j" a job of
     * 4 vCPU / 8 GB (run on demand, so never in an open window's hourly cost) that states no run time; "k" a job of
     * 1 vCPU / 2 GB that states a run of 45 minutes and asks for Spot. ECR keeps 10 images.
     */
    private static final String LANES = """
            [{"name": "a", "kind": "service", "command": ["a"], "cpu": 1024, "memory": 2048, "desiredCount": 2,
              "spot": false},
             {"name": "b", "kind": "service", "command": ["b"], "cpu": 512, "memory": 1024, "desiredCount": 1,
              "spot": true},
             {"name": "j", "kind": "job", "command": ["j"], "cpu": 4096, "memory": 8192},
             {"name": "k", "kind": "job", "command": ["k"], "cpu": 1024, "memory": 2048, "runMinutes": 45,
              "spot": true}]
            """;

    private static PriceTable table() throws Exception {
        return PriceTable.of(JSON.readTree(TABLE));
    }

    private static EnvironmentSpec spec(StackConfig config) {
        return SpecParser.parse(ConfigSource.of(config.values()), "devmin", "dev-min");
    }

    private static StackConfig lanes() {
        return committedConfig().with("devmin:lanes", LANES).with("devmin:ecrKeepTaggedImages", "10");
    }

    private static ResourceView service(String name, int desired, boolean publicIp) {
        ObjectNode inputs = JSON.createObjectNode().put("desiredCount", desired);
        inputs.putObject("networkConfiguration").put("assignPublicIp", publicIp);
        return ResourceView.of("urn:pulumi:dev-min::devmin::aws:ecs/service:Service::" + name,
                "aws:ecs/service:Service", name, "demo", inputs);
    }

    /** Services as the program would declare them: a (2 tasks) and b (1 task), both with public IPs. */
    private static List<ResourceView> services() {
        return List.of(service("service-a", 2, true), service("service-b", 1, true));
    }

    /** A figure of {@link #TABLE}, read from it so an expected amount is arithmetic on the table's own values. */
    private static double fact(String pointer) throws Exception {
        return JSON.readTree(TABLE).at(pointer).asDouble();
    }

    private static double line(List<CostLine> lines, String item) {
        return lines.stream().filter(l -> l.item().equals(item)).mapToDouble(CostLine::amount).findFirst()
                .orElseThrow(() -> new AssertionError("no cost line " + item + " in " + lines));
    }

    @Test
    void anOnDemandLaneCostsItsVcpuAndMemoryAtOnDemandPrices() throws Exception {
        CostEstimate c = CostModel.estimate(spec(lanes()), services(), table(), 20);

        // 2 tasks × (1 vCPU × 0.04 + 2 GB × 0.005) = 0.10 per hour
        assertThat(line(c.window(), "Fargate: a")).isCloseTo(0.10, within(CENT));
        assertThat(c.window()).filteredOn(l -> l.item().equals("Fargate: a")).singleElement()
                .extracting(CostLine::basis).asString().contains("2 × (1.0 vCPU, 2.0 GB)")
                .contains("fargate price page, 2026-11-01");
        assertThat(c.currency()).isEqualTo("USD");
    }

    @Test
    void aServiceScaledToZeroCostsNothingInTheWindow() throws Exception {
        StackConfig config = lanes().with("devmin:lanes", """
                [{"name": "a", "kind": "service", "command": ["a"], "cpu": 1024, "memory": 2048, "desiredCount": 0}]
                """);

        CostEstimate c = CostModel.estimate(spec(config), List.of(), table(), 20);

        assertThat(c.window()).extracting(CostLine::item).noneMatch(item -> item.endsWith(": a"));
        assertThat(line(c.window(), "CloudWatch Logs ingestion")).isZero();
    }

    @Test
    void aThresholdExactlyAtTheTotalIsReached() throws Exception {
        // a table where only Kafka traffic costs: 2 GB per window-hour × 0.5 = exactly 1.0 per hour, 20.0 a month
        ObjectNode table = (ObjectNode) JSON.readTree(TABLE);
        ((ObjectNode) table.get("regions").get("eu-west-2")).fields().forEachRemaining(e ->
                ((ObjectNode) e.getValue()).put("price", 0.0));
        ((ObjectNode) table.at("/regions/eu-west-2/confluent_throughput_gb")).put("price", 0.5);
        ((ObjectNode) table.get("assumptions")).put("kafka_gb_per_window_hour", 2);

        CostEstimate c = CostModel.estimate(spec(lanes()), services(), PriceTable.of(table), 20);

        assertThat(c.monthlyTotal()).isEqualTo(20.0);
        assertThat(c.thresholdsCrossed()).extracting(BigDecimal::intValue).containsExactly(10, 20);
    }

    @Test
    void aSpotLaneCostsItsVcpuAndMemoryAtSpotPrices() throws Exception {
        CostEstimate c = CostModel.estimate(spec(lanes()), services(), table(), 20);

        // 1 task × (0.5 vCPU × 0.01 + 1 GB × 0.002) = 0.007 per hour
        assertThat(line(c.window(), "Fargate Spot: b")).isCloseTo(0.007, within(CENT));
    }

    @Test
    void aSpotLaneWithAnOnDemandBasePaysOnDemandForTheBaseAndSpotForTheRest() throws Exception {
        StackConfig config = lanes().with("devmin:lanes", """
                [{"name": "a", "kind": "service", "command": ["a"], "cpu": 1024, "memory": 2048, "desiredCount": 2,
                  "spot": true, "onDemandBase": 1}]
                """);

        CostEstimate c = CostModel.estimate(spec(config), List.of(), table(), 20);

        // 1 task × (1 vCPU × 0.04 + 2 GB × 0.005) = 0.05 on demand; 1 task × (1 vCPU × 0.01 + 2 GB × 0.002) = 0.014
        assertThat(line(c.window(), "Fargate: a (on-demand base)")).isCloseTo(0.05, within(CENT));
        assertThat(line(c.window(), "Fargate Spot: a (beyond its on-demand base)")).isCloseTo(0.014, within(CENT));
    }

    @Test
    void aJobIsNotPricedAsRunningThroughTheWindow() throws Exception {
        CostEstimate c = CostModel.estimate(spec(lanes()), services(), table(), 20);

        assertThat(c.window()).extracting(CostLine::item).noneMatch(item -> item.endsWith(": j"));
        // logs: 3 running tasks (a: 2, b: 1) × 0.01 GB × 0.5 = 0.015 per hour; the job adds none
        assertThat(line(c.window(), "CloudWatch Logs ingestion")).isCloseTo(0.015, within(CENT));
    }

    @Test
    void everyRunningTaskWithAPublicAddressPaysForIt() throws Exception {
        CostEstimate c = CostModel.estimate(spec(lanes()), services(), table(), 20);

        // 3 tasks × 0.005 per address-hour = 0.015
        assertThat(line(c.window(), "Public IPv4 addresses")).isCloseTo(0.015, within(CENT));
        CostEstimate privateOnly = CostModel.estimate(spec(lanes()),
                List.of(service("service-a", 2, false), service("service-b", 1, false)), table(), 20);
        assertThat(privateOnly.window()).extracting(CostLine::item).doesNotContain("Public IPv4 addresses");
    }

    @Test
    void everyTaskRegisteredInCloudMapIsABilledResourceAndTheZoneIsFreeForAShortWindow() throws Exception {
        ResourceView registered = service("service-a", 2, true);
        ((ObjectNode) registered.inputs()).putObject("serviceRegistries").put("registryArn", "arn:x");
        CostEstimate c = CostModel.estimate(spec(lanes()), List.of(registered, service("service-b", 1, true)), table(),
                20);

        // 2 registered tasks × 0.1 per month / 730 h = 0.000273972… per hour
        assertThat(line(c.window(), "Cloud Map names")).isCloseTo(2 * 0.1 / 730, within(CENT));
        assertThat(line(c.window(), "Route 53 zone of the Cloud Map namespace")).isZero();
        assertThat(CostModel.estimate(spec(lanes()), services(), table(), 20).window()).extracting(CostLine::item)
                .doesNotContain("Cloud Map names");
    }

    @Test
    void theWindowHourIsTheSumOfItsLines() throws Exception {
        CostEstimate c = CostModel.estimate(spec(lanes()), services(), table(), 20);

        // 0.10 (a) + 0.007 (b) + 0.015 (logs) + 0.015 (addresses) + 0.5 GB × 0.05 (Kafka) = 0.162
        assertThat(c.windowHourly()).isCloseTo(0.162, within(CENT));
    }

    @Test
    void idleIsStorageOfEvidenceImagesAndKafka() throws Exception {
        CostEstimate c = CostModel.estimate(spec(lanes()), services(), table(), 20);

        assertThat(line(c.idle(), "S3 evidence bucket")).isCloseTo(0.04, within(CENT));      // 2 GB × 0.02
        assertThat(line(c.idle(), "ECR images")).isCloseTo(0.5, within(CENT));              // 10 × 0.5 GB × 0.1
        assertThat(line(c.idle(), "Confluent storage")).isCloseTo(0.2, within(CENT));       // 2 GB × 0.1
        assertThat(c.idle()).extracting(CostLine::item).noneMatch(item -> item.contains("CloudWatch"));
        assertThat(c.idleMonthly()).isCloseTo(0.74, within(CENT));
    }

    @Test
    void theLogsTheWindowHoursLeaveAreTheirOwnLineOfTheMonthNotIdle() throws Exception {
        CostEstimate c = CostModel.estimate(spec(lanes()), services(), table(), 20);

        // 3 running tasks × 0.01 GB per hour × 20 window-hours × 0.03 = 0.018
        assertThat(line(c.kept(), "CloudWatch Logs kept from window hours")).isCloseTo(0.018, within(CENT));
        assertThat(c.kept()).singleElement().extracting(CostLine::basis).asString()
                .contains("0.60 GB kept from 20 window-hours");
        assertThat(c.keptMonthly()).isCloseTo(0.018, within(CENT));
    }

    @Test
    void idleIsTheSameWithNoWindowHoursAndWithAWindowOpenAllMonth() throws Exception {
        CostEstimate none = CostModel.estimate(spec(lanes()), services(), table(), 0);
        CostEstimate allMonth = CostModel.estimate(spec(lanes()), services(), table(), 720);

        assertThat(allMonth.idleMonthly()).isEqualTo(none.idleMonthly()).isPositive();
        assertThat(allMonth.idle()).isEqualTo(none.idle());
        // what grows with the hours is the logs kept: 3 tasks × 0.01 GB × 720 h × 0.03, and nothing at 0 h
        assertThat(allMonth.keptMonthly()).isCloseTo(3 * 0.01 * 720 * 0.03, within(CENT));
        assertThat(none.keptMonthly()).isZero();
        // and the month: idle + 720 × hourly + the logs kept
        assertThat(allMonth.monthlyTotal()).isCloseTo(none.idleMonthly() + 720 * allMonth.windowHourly()
                + allMonth.keptMonthly(), within(CENT));
    }

    @Test
    void theMonthIsIdlePlusTheWindowHoursAtTheHourlyCost() throws Exception {
        CostEstimate c = CostModel.estimate(spec(lanes()), services(), table(), 20);

        // 0.74 idle + 20 × 0.162 + 0.018 logs kept = 3.998, within a budget of 30 and below every threshold (10, 20, 28)
        assertThat(c.monthlyTotal()).isCloseTo(3.998, within(CENT));
        assertThat(c.withinBudget()).isTrue();
        assertThat(c.thresholdsCrossed()).isEmpty();
    }

    @Test
    void theThresholdsReachedAreExactlyThoseAtOrBelowTheTotal() throws Exception {
        StackConfig config = editObject(lanes(), "devmin:budget", b -> {
            b.put("monthlyLimit", 5);
            b.set("alertThresholds", JSON.createArrayNode().add(1).add(3).add(4.5));
        });

        CostEstimate c = CostModel.estimate(spec(config), services(), table(), 20);

        // total 3.998 reaches 1 and 3, not 4.5; within the limit of 5
        assertThat(c.thresholdsCrossed()).extracting(BigDecimal::doubleValue).containsExactly(1.0, 3.0);
        assertThat(c.withinBudget()).isTrue();
    }

    @Test
    void aLongerMonthOfWindowsCanExceedTheBudget() throws Exception {
        CostEstimate c = CostModel.estimate(spec(lanes()), services(), table(), 200);

        // logs kept: 3 × 0.01 × 200 × 0.03 = 0.18, so idle 0.92; 0.92 + 200 × 0.162 = 33.32 > 30
        assertThat(c.monthlyTotal()).isCloseTo(33.32, within(CENT));
        assertThat(c.withinBudget()).isFalse();
        assertThat(c.thresholdsCrossed()).extracting(BigDecimal::intValue).containsExactly(10, 20, 28);
    }

    @Test
    void forbiddenResourcesAddWhatTheyWouldCostToTheMonth() throws Exception {
        List<ResourceView> resources = new java.util.ArrayList<>(services());
        resources.add(ResourceView.of("urn:nat", "aws:ec2/natGateway:NatGateway", "nat", "demo",
                JSON.createObjectNode()));
        resources.add(ResourceView.of("urn:lb", "aws:lb/loadBalancer:LoadBalancer", "alb", "core",
                JSON.createObjectNode()));

        CostEstimate c = CostModel.estimate(spec(lanes()), resources, table(), 20);

        // a demo-layer NAT gateway lives through the windows: 20 h × 0.05 = 1.0
        assertThat(line(c.violations(), "NAT gateway nat")).isCloseTo(1.0, within(CENT));
        // a core-layer load balancer lives all month: 730 h × 0.025 = 18.25
        assertThat(line(c.violations(), "Load balancer alb")).isCloseTo(18.25, within(CENT));
        // 3.998 + 1.0 + 18.25
        assertThat(c.monthlyTotal()).isCloseTo(23.248, within(CENT));
    }

    @Test
    void everyJobLaneIsListedByNameWithTheCostOfOneRunAtOnDemandPrices() throws Exception {
        CostEstimate c = CostModel.estimate(spec(lanes()), services(), table(), 20);

        double vcpuHour = fact("/regions/eu-west-2/fargate_vcpu_hour/price");
        double gbHour = fact("/regions/eu-west-2/fargate_gb_hour/price");
        assertThat(c.jobRuns()).extracting(JobRunCost::lane).containsExactly("j", "k");
        // j states no run time: the table's job_run_minutes; 4 vCPU, 8 GB
        JobRunCost j = c.jobRuns().get(0);
        double assumed = fact("/assumptions/job_run_minutes");
        assertThat(j.runMinutes()).isEqualTo(assumed);
        assertThat(j.runTimeFrom()).isEqualTo(JobRunCost.RunTimeFrom.PRICE_TABLE);
        assertThat(j.runTimeFrom().wireName()).as("the plan JSON's run_minutes_from").isEqualTo("price_table");
        assertThat(j.line().amount()).isCloseTo((4 * vcpuHour + 8 * gbHour) * assumed / 60, within(CENT));
        assertThat(j.line().basis()).contains("job_run_minutes").contains("4.0 vCPU, 8.0 GB on demand");
        // k states 45 minutes; it asks for Spot, but a job is started with launch type FARGATE: on-demand prices
        JobRunCost k = c.jobRuns().get(1);
        assertThat(k.runMinutes()).isEqualTo(45);
        assertThat(k.runTimeFrom()).isEqualTo(JobRunCost.RunTimeFrom.LANE);
        assertThat(k.runTimeFrom().wireName()).isEqualTo("lane");
        assertThat(k.line().amount()).isCloseTo((1 * vcpuHour + 2 * gbHour) * 45 / 60, within(CENT));
        assertThat(k.line().basis()).contains("45 min (the lane's runMinutes)").contains("spot: true does not apply");
        assertThat(c.jobRunsOnce()).isCloseTo(j.line().amount() + k.line().amount(), within(CENT));
    }

    @Test
    void jobRunsAreNotInTheMonthlyTotal() throws Exception {
        StackConfig servicesOnly = lanes().with("devmin:lanes", LANES.replaceAll("(?s),\\s*\\{\"name\": \"j\".*\\}\\]",
                "]"));
        assertThat(spec(servicesOnly).lanes()).extracting(l -> l.name()).containsExactly("a", "b");

        CostEstimate withJobs = CostModel.estimate(spec(lanes()), services(), table(), 20);
        CostEstimate without = CostModel.estimate(spec(servicesOnly), services(), table(), 20);

        assertThat(withJobs.jobRunsOnce()).isPositive();
        assertThat(without.jobRuns()).isEmpty();
        assertThat(withJobs.monthlyTotal()).isEqualTo(without.monthlyTotal());
        assertThat(CostEstimate.JOB_RUNS_NOT_IN_TOTAL).contains("not in the monthly total");
    }

    @Test
    void aProbeIsAJobRunAndSaysSo() throws Exception {
        StackConfig config = lanes().with("devmin:lanes", """
                [{"name": "p", "kind": "job", "probe": true, "command": ["p"], "cpu": 256, "memory": 512,
                  "runMinutes": 2}]
                """);

        CostEstimate c = CostModel.estimate(spec(config), List.of(), table(), 20);

        assertThat(c.jobRuns()).singleElement().satisfies(p -> {
            assertThat(p.probe()).isTrue();
            assertThat(p.line().amount()).isCloseTo((0.25 * fact("/regions/eu-west-2/fargate_vcpu_hour/price")
                    + 0.5 * fact("/regions/eu-west-2/fargate_gb_hour/price")) * 2 / 60, within(CENT));
        });
    }

    @Test
    void aJobWithoutRunMinutesNeedsTheTablesAssumptionAndNamesIt() throws Exception {
        ObjectNode table = (ObjectNode) JSON.readTree(TABLE);
        ((ObjectNode) table.get("assumptions")).remove("job_run_minutes");

        assertThatThrownBy(() -> CostModel.estimate(spec(lanes()), services(), PriceTable.of(table), 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("job_run_minutes")
                .hasMessageContaining(PriceTable.SOURCE);
        StackConfig stated = lanes().with("devmin:lanes", LANES.replace("\"memory\": 8192}",
                "\"memory\": 8192, \"runMinutes\": 5}"));
        assertThat(CostModel.estimate(spec(stated), services(), PriceTable.of(table), 20).jobRuns())
                .extracting(JobRunCost::runMinutes).containsExactly(5.0, 45.0);
    }

    @Test
    void theBundledTableAssumesAJobRunTime() {
        assertThat(PriceTable.bundled().assumption(CostModel.JOB_RUN_MINUTES)).isPositive();
    }

    @Test
    void theDatabaseIsPricedByItsOwnInstanceClassAndStorage() throws Exception {
        StackConfig config = lanes()
                .with("devmin:database", "{\"enabled\": true, \"instanceClass\": \"db.t4g.small\", "
                        + "\"allocatedStorageGb\": 20}")
                .with("devmin:dbUser", "u").with("devmin:dbPassword", "p");

        CostEstimate c = CostModel.estimate(spec(config), services(), table(), 20);

        assertThat(line(c.window(), "RDS db.t4g.small")).isCloseTo(0.04, within(CENT));
        // 20 GB-month for one hour of a 730-hour month: 20 / 730 × 0.1
        assertThat(line(c.window(), "RDS storage")).isCloseTo(20.0 / 730 * 0.1, within(CENT));
    }

    @Test
    void anInstanceClassTheTableDoesNotPriceIsNamedNotPricedAsAnother() throws Exception {
        StackConfig config = lanes()
                .with("devmin:database", "{\"enabled\": true, \"instanceClass\": \"db.t4g.medium\"}")
                .with("devmin:dbUser", "u").with("devmin:dbPassword", "p");

        assertThatThrownBy(() -> CostModel.estimate(spec(config), services(), table(), 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rds_db_t4g_medium_hour").hasMessageContaining("eu-west-2");
    }

    @Test
    void aMissingAssumptionIsAnErrorNotAZero() throws Exception {
        ObjectNode table = (ObjectNode) JSON.readTree(TABLE);
        ((ObjectNode) table.get("assumptions")).remove("evidence_gb");

        assertThatThrownBy(() -> CostModel.estimate(spec(lanes()), services(), PriceTable.of(table), 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evidence_gb")
                .hasMessageContaining(PriceTable.SOURCE);
    }

    @Test
    void aRegionTheTableDoesNotPriceIsNamed() throws Exception {
        assertThatThrownBy(() -> CostModel.estimate(spec(lanes().with("aws:region", "us-east-1")), services(),
                table(), 20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no prices for region us-east-1");
    }

    @Test
    void anEstimateExactlyAtTheLimitIsWithinTheBudget() {
        assertThat(estimate(30.0, "30").withinBudget()).isTrue();
        assertThat(estimate(30.01, "30").withinBudget()).isFalse();
    }

    private static CostEstimate estimate(double total, String limit) {
        return new CostEstimate("USD", 0, 0, 0, 0, total, List.of(), List.of(), List.of(), List.of(), List.of(),
                new BigDecimal(limit), List.of());
    }

    /** {@link #TABLE} with the entry of {@code key} in eu-west-2 replaced by {@code entry}. */
    private static PriceTable tableWith(String key, String entry) throws Exception {
        ObjectNode table = (ObjectNode) JSON.readTree(TABLE);
        ((ObjectNode) table.at("/regions/eu-west-2")).set(key, JSON.readTree(entry));
        return PriceTable.of(table);
    }

    private static List<ResourceView> registeredServices() {
        ResourceView registered = service("service-a", 2, true);
        ((ObjectNode) registered.inputs()).putObject("serviceRegistries").put("registryArn", "arn:x");
        return List.of(registered, service("service-b", 1, true));
    }

    @Test
    void aPriceTheTableStatesUnknownIsANamedGapInNoTotal() throws Exception {
        PriceTable table = tableWith("cloud_map_instance_month", "{\"price\": null, \"unknown\": \"not found\"}");

        CostEstimate c = CostModel.estimate(spec(lanes()), registeredServices(), table, 20);

        assertThat(c.unpriced()).containsExactly(new PriceGap("Cloud Map names", "cloud_map_instance_month",
                "eu-west-2", "not found"));
        assertThat(c.unpriced().get(0).describe())
                .isEqualTo("Cloud Map names: no price cloud_map_instance_month for eu-west-2 (not found)");
        assertThat(c.window()).extracting(CostLine::item).doesNotContain("Cloud Map names");
        // the other lines as with every price known: 0.162 per hour (see theWindowHourIsTheSumOfItsLines)
        assertThat(c.windowHourly()).isCloseTo(0.162, within(CENT));
        assertThat(c.complete()).isFalse();
        assertThat(c.exceedsBudget()).isFalse();
        assertThat(c.withinBudget()).as("an incomplete estimate is never within the budget").isFalse();
        assertThat(CostModel.estimate(spec(lanes()), registeredServices(), table(), 20).complete()).isTrue();
    }

    @Test
    void anUnknownSpotPriceWithAnUpperBoundIsPricedAtTheBoundAndSaysSo() throws Exception {
        ObjectNode json = (ObjectNode) JSON.readTree(TABLE);
        for (String unit : List.of("vcpu_hour", "gb_hour")) {
            ((ObjectNode) json.at("/regions/eu-west-2")).set("fargate_spot_" + unit, JSON.readTree(
                    "{\"price\": null, \"unknown\": \"no Spot price\", \"at_most\": \"fargate_" + unit + "\","
                            + " \"at_most_source\": \"Spot is discounted from on demand\"}"));
        }

        CostEstimate c = CostModel.estimate(spec(lanes()), services(), PriceTable.of(json), 20);

        // b: 1 task × (0.5 vCPU × 0.04 + 1 GB × 0.005) on demand = 0.025, at most
        assertThat(line(c.window(), "Fargate Spot: b")).isCloseTo(0.025, within(CENT));
        assertThat(c.upperBounds()).singleElement().satisfies(l -> {
            assertThat(l.item()).isEqualTo("Fargate Spot: b");
            assertThat(l.basis()).contains("upper bound: on-demand price; no Spot price for eu-west-2")
                    .contains("Spot is discounted from on demand").contains("fargate price page, 2026-11-01");
            assertThat(l.bound()).isEqualTo("on-demand price; no Spot price for eu-west-2");
        });
        assertThat(c.complete()).isTrue();
        assertThat(line(c.window(), "Fargate: a")).isCloseTo(0.10, within(CENT));
        assertThat(c.window()).filteredOn(l -> l.item().equals("Fargate: a")).singleElement().satisfies(l -> {
            assertThat(l.upperBound()).isFalse();
            assertThat(l.basis()).doesNotContain("upper bound");
        });
        assertThat(c.idle()).filteredOn(l -> l.item().equals("S3 evidence bucket")).singleElement()
                .extracting(CostLine::basis).asString().doesNotContain("upper bound");
    }

    @Test
    void anyUnknownPriceWithAStatedBoundIsPricedAtTheBoundNamingIt() throws Exception {
        PriceTable table = tableWith("ecr_storage_gb_month", "{\"price\": null, \"unknown\": \"no ECR price\","
                + " \"at_most\": \"load_balancer_hour\", \"at_most_source\": \"a statement\"}");

        CostEstimate c = CostModel.estimate(spec(lanes()), services(), table, 20);

        // 10 images × 0.5 GB at most 0.025 (the bound's price) = 0.125
        assertThat(line(c.idle(), "ECR images")).isCloseTo(0.125, within(CENT));
        assertThat(c.upperBounds()).singleElement().extracting(CostLine::basis).asString()
                .contains("upper bound: the price of load_balancer_hour; no ecr_storage_gb_month price for eu-west-2")
                .contains("a statement");
    }

    @Test
    void anUnknownOnDemandPriceLeavesEveryFargateLineAndJobRunUnpriced() throws Exception {
        PriceTable table = tableWith("fargate_vcpu_hour", "{\"price\": null, \"unknown\": \"no Fargate price\"}");

        CostEstimate c = CostModel.estimate(spec(lanes()), services(), table, 20);

        assertThat(c.jobRuns()).isEmpty();
        assertThat(c.window()).extracting(CostLine::item).doesNotContain("Fargate: a").contains("Fargate Spot: b");
        assertThat(c.unpriced()).extracting(PriceGap::item).containsExactly("Fargate: a", "Fargate: j, one run",
                "Fargate: k, one run");
        assertThat(c.unpriced()).extracting(PriceGap::key).containsOnly("fargate_vcpu_hour");
    }

    @Test
    void theUpperBoundsAreFoundInEveryPartOfTheEstimate() {
        CostLine idle = new CostLine("i", "", 1, "b");
        CostLine window = new CostLine("w", "", 1, "b");
        CostLine kept = new CostLine("k", "", 1, "b");
        CostLine violation = new CostLine("v", "", 1, "b");
        CostLine run = new CostLine("r", "", 1, "b");
        CostLine exact = new CostLine("e", "", 1);
        CostEstimate c = new CostEstimate("USD", 0, 0, 0, 0, 0, List.of(idle, exact), List.of(window, exact),
                List.of(kept), List.of(violation), List.of(new JobRunCost("r", false, 1,
                JobRunCost.RunTimeFrom.LANE, run)), new BigDecimal("30"), List.of());

        assertThat(c.upperBounds()).containsExactly(idle, window, kept, violation, run);
        assertThat(exact.upperBound()).isFalse();
        assertThat(PriceGap.lines(1)).isEqualTo("1 line");
        assertThat(PriceGap.lines(2)).isEqualTo("2 lines");
    }

    @Test
    void anUnknownSpotPriceWithoutAStatedBoundIsAGap() throws Exception {
        PriceTable table = tableWith("fargate_spot_vcpu_hour",
                "{\"price\": null, \"unknown\": \"no Spot price\", \"at_most\": \"fargate_vcpu_hour\"}");

        CostEstimate c = CostModel.estimate(spec(lanes()), services(), table, 20);

        assertThat(c.window()).extracting(CostLine::item).doesNotContain("Fargate Spot: b");
        assertThat(c.unpriced()).extracting(PriceGap::item, PriceGap::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Fargate Spot: b", "fargate_spot_vcpu_hour"));
        assertThat(c.upperBounds()).isEmpty();
    }

    @Test
    void confluentIsPricedInTheKafkaClustersRegionNotTheAwsRegion() throws Exception {
        ObjectNode json = (ObjectNode) JSON.readTree(TABLE);
        ObjectNode virginia = ((ObjectNode) json.get("regions")).putObject("us-east-1");
        json.at("/regions/eu-west-2").fields().forEachRemaining(e -> virginia.set(e.getKey(), e.getValue()));
        for (String key : List.of("confluent_basic_base_hour", "confluent_throughput_gb", "confluent_storage_gb_month")) {
            virginia.set(key, JSON.readTree("{\"price\": null, \"unknown\": \"no Confluent price\"}"));
        }
        PriceTable table = PriceTable.of(json);
        StackConfig inVirginia = lanes().with("aws:region", "us-east-1");

        // the committed cluster is in AWS eu-west-2: London's 0.1 per GB-month, 2 GB
        CostEstimate london = CostModel.estimate(spec(inVirginia), services(), table, 20);
        assertThat(line(london.idle(), "Confluent storage")).isCloseTo(0.2, within(CENT));
        assertThat(london.idle()).filteredOn(l -> l.item().equals("Confluent storage")).singleElement()
                .extracting(CostLine::basis).asString().contains("the Kafka cluster's region eu-west-2");
        assertThat(london.complete()).isTrue();

        assertThat(CostModel.estimate(spec(lanes()), services(), table, 20).idle()).filteredOn(l -> l.item()
                .equals("Confluent storage")).singleElement().extracting(CostLine::basis).asString()
                .doesNotContain("Kafka cluster's region");
        CostEstimate unpricedCluster = CostModel.estimate(spec(editObject(lanes(), "devmin:confluent",
                c -> c.put("region", "ap-east-1"))), services(), table, 20);
        assertThat(unpricedCluster.unpriced()).hasSize(3).allSatisfy(g -> {
            assertThat(g.region()).isEqualTo("ap-east-1");
            assertThat(g.reason()).contains("has no prices for the Kafka cluster's region ap-east-1");
        });

        CostEstimate virginiaCluster = CostModel.estimate(spec(editObject(inVirginia, "devmin:confluent",
                c -> c.put("region", "us-east-1"))), services(), table, 20);
        assertThat(virginiaCluster.unpriced()).extracting(PriceGap::key, PriceGap::region).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("confluent_basic_base_hour", "us-east-1"),
                org.assertj.core.groups.Tuple.tuple("confluent_storage_gb_month", "us-east-1"),
                org.assertj.core.groups.Tuple.tuple("confluent_throughput_gb", "us-east-1"));

        CostEstimate onGcp = CostModel.estimate(spec(editObject(inVirginia, "devmin:confluent",
                c -> c.put("cloud", "GCP").put("region", "europe-west2"))), services(), table, 20);
        assertThat(onGcp.unpriced()).hasSize(3).allSatisfy(g -> {
            assertThat(g.region()).isEqualTo("GCP europe-west2");
            assertThat(g.reason()).contains("AWS regions only");
        });
        assertThat(onGcp.idle()).extracting(CostLine::item).doesNotContain("Confluent storage");
    }

    @Test
    void aNullPriceWithoutAReasonIsABrokenTableNotAGap() throws Exception {
        PriceTable table = tableWith("ecr_storage_gb_month", "{\"price\": null}");

        assertThatThrownBy(() -> CostModel.estimate(spec(lanes()), services(), table, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no price ecr_storage_gb_month for eu-west-2");
    }

    @Test
    void anIncompleteEstimateIsNeverWithinTheBudgetButItsPricedLinesCanExceedIt() {
        List<PriceGap> gap = List.of(new PriceGap("x", "k", "r", "why"));

        assertThat(incomplete(29.0, gap).withinBudget()).isFalse();
        assertThat(incomplete(29.0, gap).exceedsBudget()).isFalse();
        assertThat(incomplete(30.01, gap).exceedsBudget()).isTrue();
        assertThat(incomplete(29.0, List.of()).withinBudget()).isTrue();
    }

    private static CostEstimate incomplete(double total, List<PriceGap> gaps) {
        return new CostEstimate("USD", 0, 0, 0, 0, total, List.of(), List.of(), List.of(), List.of(), List.of(),
                new BigDecimal("30"), List.of(), gaps);
    }

    @Test
    void theBundledTableStatesLondonsFargatePricesWithTheirSource() {
        PriceTable bundled = PriceTable.bundled();

        // aws.amazon.com/fargate/pricing, Linux/x86, Europe (London), as dated in the table
        assertThat(bundled.price("eu-west-2", "fargate_vcpu_hour")).isEqualTo(0.04656);
        assertThat(bundled.price("eu-west-2", "fargate_gb_hour")).isEqualTo(0.00511);
        assertThat(bundled.price("eu-west-2", "public_ipv4_address_hour")).isEqualTo(0.005);
        assertThat(bundled.source("eu-west-2", "fargate_vcpu_hour")).get().asString()
                .contains("aws.amazon.com/fargate/pricing");
        assertThat(bundled.regions()).contains("eu-west-2");
    }
}
