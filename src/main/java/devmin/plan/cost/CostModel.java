package devmin.plan.cost;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceView;
import stacks.demo.CapacityStrategy;
import stacks.spec.ConfluentSpec;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The cost estimate as a pure function of the spec, the declared resources and the price table: idle monthly cost
 * (persistent layers), hourly cost of an open window (demo layer), what the window hours leave stored (their logs),
 * the month at a number of window-hours, and beside it what one run of each job lane costs.
 */
public final class CostModel {

    static final List<String> NAT_TYPES = List.of("aws:ec2/natGateway:NatGateway");
    static final List<String> LB_TYPES = List.of("aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer",
            "aws:elb/loadBalancer:LoadBalancer");
    static final String ECS_SERVICE = "aws:ecs/service:Service";
    /** The price table's assumption for a job run's length, used where a job lane states no runMinutes. */
    public static final String JOB_RUN_MINUTES = "job_run_minutes";

    private CostModel() {
    }

    /**
     * A line whose price the table states as unknown is left out of every total and listed in
     * {@link CostEstimate#unpriced()}; one it prices only at an upper bound is priced there and says so.
     *
     * @throws IllegalArgumentException when the table has no prices for the spec's region, or lacks a price or an
     *                                  assumption the estimate needs without stating it unknown (the message names
     *                                  it)
     */
    public static CostEstimate estimate(EnvironmentSpec spec, List<ResourceView> resources, PriceTable prices,
                                        double windowHours) {
        String region = spec.awsRegion();
        if (!prices.covers(region)) {
            throw new IllegalArgumentException("the price table " + PriceTable.SOURCE + " has no prices for region "
                    + region);
        }
        Pricing p = new Pricing(prices, region, spec.confluent());
        List<CostLine> idle = idle(spec, p);
        List<CostLine> window = window(spec, resources, p);
        List<CostLine> kept = kept(spec, p, windowHours);
        List<CostLine> violations = violations(resources, p, windowHours);
        List<JobRunCost> jobRuns = jobRuns(spec, p);

        double idleMonthly = sum(idle);
        double windowHourly = sum(window);
        double keptMonthly = sum(kept);
        double total = idleMonthly + windowHourly * windowHours + keptMonthly + sum(violations);
        List<BigDecimal> crossed = spec.budget().alertThresholds().stream()
                .filter(t -> BigDecimal.valueOf(total).compareTo(t) >= 0).toList();
        return new CostEstimate(prices.currency(), idleMonthly, windowHourly, windowHours, keptMonthly, total, idle,
                window, kept, violations, jobRuns, spec.budget().monthlyLimit(), crossed, p.gaps());
    }

    /** What the persistent layers cost per month with every window closed, whatever the window hours. */
    private static List<CostLine> idle(EnvironmentSpec spec, Pricing p) {
        double month = p.assumption("hours_per_month");
        List<CostLine> idle = new ArrayList<>();
        double evidenceGb = p.assumption("evidence_gb");
        p.line(idle, "S3 evidence bucket", evidenceGb + " GB stored", "s3_standard_gb_month", evidenceGb);
        double imageGb = p.assumption("image_gb");
        p.line(idle, "ECR images", spec.ecrKeepTaggedImages() + " images × " + imageGb + " GB",
                "ecr_storage_gb_month", spec.ecrKeepTaggedImages() * imageGb);
        p.line(idle, "SSM handles", "standard parameters", "ssm_standard_parameter_month", 0);
        p.line(idle, "Confluent Basic cluster", month + " h", "confluent_basic_base_hour", month);
        double storedGb = p.assumption("kafka_stored_gb");
        p.line(idle, "Confluent storage", storedGb + " GB", "confluent_storage_gb_month", storedGb);
        return idle;
    }

    /**
     * What the month's window hours leave stored: the running services' logs, kept in the persistent log groups
     * after the windows close. It grows with the window hours, so it is not idle cost.
     */
    private static List<CostLine> kept(EnvironmentSpec spec, Pricing p, double windowHours) {
        double logGb = runningTasks(spec) * p.assumption("log_gb_per_lane_hour") * windowHours;
        List<CostLine> kept = new ArrayList<>();
        p.line(kept, "CloudWatch Logs kept from window hours", String.format(Locale.ROOT,
                "%.2f GB kept from %.0f window-hours", logGb, windowHours), "logs_storage_gb_month", logGb);
        return kept;
    }

    /**
     * One run of each job lane, on demand: {@code devmin run} and {@code devmin readiness} start a job with launch
     * type FARGATE whatever its {@code spot} says. The run time is the lane's runMinutes, else the table's assumption.
     */
    private static List<JobRunCost> jobRuns(EnvironmentSpec spec, Pricing p) {
        List<JobRunCost> runs = new ArrayList<>();
        for (LaneSpec lane : spec.lanes()) {
            if (lane.isService()) {
                continue;
            }
            JobRunCost.RunTimeFrom from = lane.runTime().isPresent() ? JobRunCost.RunTimeFrom.LANE
                    : JobRunCost.RunTimeFrom.PRICE_TABLE;
            double minutes = lane.runTime().isPresent() ? lane.runTime().getAsInt() : p.assumption(JOB_RUN_MINUTES);
            double vcpu = lane.cpu() / 1024.0;
            double gb = lane.memory() / 1024.0;
            String item = "Fargate: " + lane.name() + ", one run";
            Optional<Quote> vcpuPrice = p.quote(item, "fargate_vcpu_hour");
            Optional<Quote> gbPrice = p.quote(item, "fargate_gb_hour");
            if (vcpuPrice.isEmpty() || gbPrice.isEmpty()) {
                continue;
            }
            double amount = (vcpu * vcpuPrice.get().price() + gb * gbPrice.get().price()) * minutes / 60;
            Quote shown = gbPrice.get().bound() && !vcpuPrice.get().bound() ? gbPrice.get() : vcpuPrice.get();
            String bound = shown.bound() ? "the price of " + shown.boundBy() : "";
            String basis = vcpu + " vCPU, " + gb + " GB on demand for " + formatMinutes(minutes) + " min ("
                    + from.description() + ")" + (lane.spot() ? "; its spot: true does not apply, a job is started"
                    + " with launch type FARGATE" : "") + "; Fargate only, its logs and public IPv4 address not"
                    + " included; " + (shown.bound() ? "upper bound: " + bound + "; " : "") + shown.source();
            runs.add(new JobRunCost(lane.name(), lane.probe(), minutes, from, new CostLine(item, basis, amount,
                    bound)));
        }
        return runs;
    }

    private static String formatMinutes(double minutes) {
        return minutes == Math.rint(minutes) ? String.valueOf((long) minutes) : String.valueOf(minutes);
    }

    /** What one hour of an open window costs: the running services, their addresses, logs and Kafka traffic. */
    private static List<CostLine> window(EnvironmentSpec spec, List<ResourceView> resources, Pricing p) {
        List<CostLine> window = new ArrayList<>();
        for (LaneSpec lane : running(spec)) {
            fargate(window, lane, p);
        }
        double laneHours = runningTasks(spec);
        double logGbPerLaneHour = p.assumption("log_gb_per_lane_hour");
        p.line(window, "CloudWatch Logs ingestion", laneHours + " task-hours × " + logGbPerLaneHour + " GB",
                "logs_ingestion_gb", laneHours * logGbPerLaneHour);
        double publicAddresses = publicAddresses(resources);
        if (publicAddresses > 0) {
            p.line(window, "Public IPv4 addresses", (long) publicAddresses + " running tasks with a public IP",
                    "public_ipv4_address_hour", publicAddresses);
        }
        double registered = registeredInstances(resources);
        if (registered > 0) {
            double month = p.assumption("hours_per_month");
            p.line(window, "Cloud Map names", (long) registered + " registered tasks", "cloud_map_instance_month",
                    registered / month);
            // The namespace's private hosted zone is free when a window closes within 12 hours of opening.
            p.line(window, "Route 53 zone of the Cloud Map namespace", "free for a window closed within 12 h;"
                    + " a longer window is billed a month", "route53_hosted_zone_month", 0);
        }
        double kafkaGb = p.assumption("kafka_gb_per_window_hour");
        p.line(window, "Confluent throughput", kafkaGb + " GB", "confluent_throughput_gb", kafkaGb);
        if (spec.database().enabled()) {
            String instanceClass = spec.database().instanceClass();
            p.line(window, "RDS " + instanceClass, "1 instance-hour",
                    "rds_" + instanceClass.replace('.', '_').replace('-', '_') + "_hour", 1);
            p.line(window, "RDS storage", spec.database().allocatedStorageGb() + " GB for 1 h", "rds_gp2_gb_month",
                    spec.database().allocatedStorageGb() / p.assumption("hours_per_month"));
        }
        return window;
    }

    /** One line per capacity the lane's tasks run on: Spot, FARGATE, or both with an on-demand base. */
    private static void fargate(List<CostLine> into, LaneSpec lane, Pricing p) {
        int spot = CapacityStrategy.spotTasks(lane);
        int onDemand = lane.desiredCount() - spot;
        if (spot > 0) {
            fargate(into, lane, spot, true, onDemand > 0 ? " (beyond its on-demand base)" : "", p);
        }
        if (onDemand > 0 || spot == 0) {
            fargate(into, lane, onDemand, false, spot > 0 ? " (on-demand base)" : "", p);
        }
    }

    private static void fargate(List<CostLine> into, LaneSpec lane, int tasks, boolean spot, String note,
                                Pricing p) {
        double vcpu = lane.cpu() / 1024.0 * tasks;
        double gb = lane.memory() / 1024.0 * tasks;
        String item = (spot ? "Fargate Spot: " : "Fargate: ") + lane.name() + note;
        String prefix = spot ? "fargate_spot_" : "fargate_";
        Optional<Quote> vcpuPrice = p.quote(item, prefix + "vcpu_hour");
        Optional<Quote> gbPrice = p.quote(item, prefix + "gb_hour");
        if (vcpuPrice.isEmpty() || gbPrice.isEmpty()) {
            return;
        }
        Quote shown = gbPrice.get().bound() && !vcpuPrice.get().bound() ? gbPrice.get() : vcpuPrice.get();
        String bound = !shown.bound() ? "" : spot ? "on-demand price; no Spot price for " + p.region()
                : "the price of " + shown.boundBy();
        String basis = tasks + " × (" + lane.cpu() / 1024.0 + " vCPU, " + lane.memory() / 1024.0 + " GB); "
                + (shown.bound() ? "upper bound: " + bound + " (" + shown.source() + ")" : shown.source());
        into.add(new CostLine(item, basis, vcpu * vcpuPrice.get().price() + gb * gbPrice.get().price(), bound));
    }

    /** NAT gateways and load balancers the policies forbid: what they would add if they were allowed to stay. */
    private static List<CostLine> violations(List<ResourceView> resources, Pricing p, double windowHours) {
        double month = p.assumption("hours_per_month");
        List<CostLine> violations = new ArrayList<>();
        for (ResourceView r : resources) {
            boolean nat = NAT_TYPES.contains(r.type());
            if (nat || LB_TYPES.contains(r.type())) {
                double hours = "demo".equals(r.layer()) ? windowHours : month;
                p.line(violations, (nat ? "NAT gateway " : "Load balancer ") + r.name(), hours + " h/month",
                        nat ? "nat_gateway_hour" : "load_balancer_hour", hours);
            }
        }
        return violations;
    }

    /** Running tasks registered in Cloud Map (each registered task is a billed Cloud Map resource). */
    static double registeredInstances(List<ResourceView> resources) {
        double instances = 0;
        for (ResourceView r : resources) {
            if (r.is(ECS_SERVICE) && r.inputs().has("serviceRegistries")) {
                instances += r.inputs().path("desiredCount").asDouble(1);
            }
        }
        return instances;
    }

    /** Running tasks that get a public IPv4 address (AWS charges each address by the hour). */
    static double publicAddresses(List<ResourceView> resources) {
        double addresses = 0;
        for (ResourceView r : resources) {
            JsonNode network = r.inputs().path("networkConfiguration");
            if (r.is(ECS_SERVICE) && network.path("assignPublicIp").asBoolean(false)) {
                addresses += r.inputs().path("desiredCount").asDouble(1);
            }
        }
        return addresses;
    }

    private static List<LaneSpec> running(EnvironmentSpec spec) {
        return spec.lanes().stream().filter(l -> l.isService() && l.desiredCount() > 0).toList();
    }

    private static double runningTasks(EnvironmentSpec spec) {
        return running(spec).stream().mapToDouble(LaneSpec::desiredCount).sum();
    }

    private static double sum(List<CostLine> lines) {
        return lines.stream().mapToDouble(CostLine::amount).sum();
    }

    /**
     * The prices of one estimate: the AWS region's, and the Kafka cluster's region's for Confluent lines. It makes a
     * line when the table has its price (or an upper bound for it), and otherwise records a {@link PriceGap}.
     */
    private static final class Pricing {
        private final PriceTable prices;
        private final String region;
        private final ConfluentSpec confluent;
        private final List<PriceGap> gaps = new ArrayList<>();

        Pricing(PriceTable prices, String region, ConfluentSpec confluent) {
            this.prices = prices;
            this.region = region;
            this.confluent = confluent;
        }

        /** A line of {@code units} × the item's price, or a gap (then nothing is added). */
        void line(List<CostLine> into, String item, String quantity, String priceItem, double units) {
            quote(item, priceItem).ifPresent(q -> {
                String bound = q.bound() ? "the price of " + q.boundBy() + "; no " + priceItem + " price for "
                        + regionOf(priceItem) : "";
                into.add(new CostLine(item, quantity + " × " + q.price() + " (" + (q.bound() ? "upper bound: "
                        + bound + "; " : "") + q.source() + ")", units * q.price(), bound));
            });
        }

        /**
         * The item's price in the region it is billed in, with its source; an upper bound when the table gives one
         * for an unknown price; empty, with a gap recorded for {@code line}, when the table states it unknown.
         *
         * @throws IllegalArgumentException when the table lacks the price without saying why (a broken table)
         */
        Optional<Quote> quote(String line, String item) {
            String where = regionOf(item);
            if (where.isEmpty()) {
                gaps.add(new PriceGap(line, item, confluent.cloud() + " " + confluent.region(), "the price table "
                        + PriceTable.SOURCE + " prices Confluent clusters in AWS regions only; this cluster is on "
                        + confluent.cloud()));
                return Optional.empty();
            }
            if (!prices.covers(where)) {
                gaps.add(new PriceGap(line, item, where, "the price table " + PriceTable.SOURCE
                        + " has no prices for the Kafka cluster's region " + where));
                return Optional.empty();
            }
            if (prices.hasPrice(where, item)) {
                return Optional.of(new Quote(prices.price(where, item), prices.source(where, item).orElse("")
                        + (where.equals(region) ? "" : "; the Kafka cluster's region " + where), ""));
            }
            Optional<PriceTable.UpperBound> bound = prices.upperBound(where, item);
            if (bound.isPresent()) {
                return Optional.of(new Quote(bound.get().price(), bound.get().source() + "; "
                        + prices.source(where, bound.get().item()).orElse(""), bound.get().item()));
            }
            Optional<String> unknown = prices.unknown(where, item);
            if (unknown.isEmpty()) {
                prices.price(where, item); // throws, naming the item and the region
            }
            gaps.add(new PriceGap(line, item, where, unknown.orElseThrow()));
            return Optional.empty();
        }

        /** The region an item is billed in: Confluent's is the Kafka cluster's, empty for a cluster off AWS. */
        private String regionOf(String item) {
            if (!item.startsWith("confluent_")) {
                return region;
            }
            return "AWS".equals(confluent.cloud()) ? confluent.region() : "";
        }

        String region() {
            return region;
        }

        List<PriceGap> gaps() {
            return gaps;
        }

        double assumption(String name) {
            return prices.assumption(name);
        }
    }

    /**
     * A price to use for a line, with its source; {@code boundBy} names the item whose price it is when it is only an
     * upper bound for an unknown price (then {@code source} is the statement that makes it one, and that price's
     * source), and is empty otherwise.
     */
    private record Quote(double price, String source, String boundBy) {
        boolean bound() {
            return !boundBy.isEmpty();
        }
    }
}
