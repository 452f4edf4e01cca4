package devmin.plan.cost;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceView;
import stacks.demo.CapacityStrategy;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
     * @throws IllegalArgumentException when the table has no prices for the spec's region, or lacks a price or an
     *                                  assumption the estimate needs (the message names it)
     */
    public static CostEstimate estimate(EnvironmentSpec spec, List<ResourceView> resources, PriceTable prices,
                                        double windowHours) {
        String region = spec.awsRegion();
        if (!prices.covers(region)) {
            throw new IllegalArgumentException("the price table " + PriceTable.SOURCE + " has no prices for region "
                    + region);
        }
        Pricing p = new Pricing(prices, region);
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
                window, kept, violations, jobRuns, spec.budget().monthlyLimit(), crossed);
    }

    /** What the persistent layers cost per month with every window closed, whatever the window hours. */
    private static List<CostLine> idle(EnvironmentSpec spec, Pricing p) {
        double month = p.assumption("hours_per_month");
        List<CostLine> idle = new ArrayList<>();
        double evidenceGb = p.assumption("evidence_gb");
        idle.add(p.line("S3 evidence bucket", evidenceGb + " GB stored", "s3_standard_gb_month", evidenceGb));
        double imageGb = p.assumption("image_gb");
        idle.add(p.line("ECR images", spec.ecrKeepTaggedImages() + " images × " + imageGb + " GB",
                "ecr_storage_gb_month", spec.ecrKeepTaggedImages() * imageGb));
        idle.add(p.line("SSM handles", "standard parameters", "ssm_standard_parameter_month", 0));
        idle.add(p.line("Confluent Basic cluster", month + " h", "confluent_basic_base_hour", month));
        double storedGb = p.assumption("kafka_stored_gb");
        idle.add(p.line("Confluent storage", storedGb + " GB", "confluent_storage_gb_month", storedGb));
        return idle;
    }

    /**
     * What the month's window hours leave stored: the running services' logs, kept in the persistent log groups
     * after the windows close. It grows with the window hours, so it is not idle cost.
     */
    private static List<CostLine> kept(EnvironmentSpec spec, Pricing p, double windowHours) {
        double logGb = runningTasks(spec) * p.assumption("log_gb_per_lane_hour") * windowHours;
        return List.of(p.line("CloudWatch Logs kept from window hours", String.format(Locale.ROOT,
                "%.2f GB kept from %.0f window-hours", logGb, windowHours), "logs_storage_gb_month", logGb));
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
            double amount = (vcpu * p.price("fargate_vcpu_hour") + gb * p.price("fargate_gb_hour")) * minutes / 60;
            String basis = vcpu + " vCPU, " + gb + " GB on demand for " + formatMinutes(minutes) + " min ("
                    + from.description() + ")" + (lane.spot() ? "; its spot: true does not apply, a job is started"
                    + " with launch type FARGATE" : "") + "; Fargate only, its logs and public IPv4 address not"
                    + " included; " + p.source("fargate_vcpu_hour");
            runs.add(new JobRunCost(lane.name(), lane.probe(), minutes, from,
                    new CostLine("Fargate: " + lane.name() + ", one run", basis, amount)));
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
            window.addAll(fargate(lane, p));
        }
        double laneHours = runningTasks(spec);
        double logGbPerLaneHour = p.assumption("log_gb_per_lane_hour");
        window.add(p.line("CloudWatch Logs ingestion", laneHours + " task-hours × " + logGbPerLaneHour + " GB",
                "logs_ingestion_gb", laneHours * logGbPerLaneHour));
        double publicAddresses = publicAddresses(resources);
        if (publicAddresses > 0) {
            window.add(p.line("Public IPv4 addresses", (long) publicAddresses + " running tasks with a public IP",
                    "public_ipv4_address_hour", publicAddresses));
        }
        double registered = registeredInstances(resources);
        if (registered > 0) {
            double month = p.assumption("hours_per_month");
            window.add(p.line("Cloud Map names", (long) registered + " registered tasks", "cloud_map_instance_month",
                    registered / month));
            // The namespace's private hosted zone is free when a window closes within 12 hours of opening.
            window.add(p.line("Route 53 zone of the Cloud Map namespace", "free for a window closed within 12 h;"
                    + " a longer window is billed a month", "route53_hosted_zone_month", 0));
        }
        double kafkaGb = p.assumption("kafka_gb_per_window_hour");
        window.add(p.line("Confluent throughput", kafkaGb + " GB", "confluent_throughput_gb", kafkaGb));
        if (spec.database().enabled()) {
            String instanceClass = spec.database().instanceClass();
            window.add(p.line("RDS " + instanceClass, "1 instance-hour",
                    "rds_" + instanceClass.replace('.', '_').replace('-', '_') + "_hour", 1));
            window.add(p.line("RDS storage", spec.database().allocatedStorageGb() + " GB for 1 h", "rds_gp2_gb_month",
                    spec.database().allocatedStorageGb() / p.assumption("hours_per_month")));
        }
        return window;
    }

    /** One line per capacity the lane's tasks run on: Spot, FARGATE, or both with an on-demand base. */
    private static List<CostLine> fargate(LaneSpec lane, Pricing p) {
        int spot = CapacityStrategy.spotTasks(lane);
        int onDemand = lane.desiredCount() - spot;
        List<CostLine> lines = new ArrayList<>();
        if (spot > 0) {
            lines.add(fargate(lane, spot, true, onDemand > 0 ? " (beyond its on-demand base)" : "", p));
        }
        if (onDemand > 0 || spot == 0) {
            lines.add(fargate(lane, onDemand, false, spot > 0 ? " (on-demand base)" : "", p));
        }
        return lines;
    }

    private static CostLine fargate(LaneSpec lane, int tasks, boolean spot, String note, Pricing p) {
        double vcpu = lane.cpu() / 1024.0 * tasks;
        double gb = lane.memory() / 1024.0 * tasks;
        String kind = spot ? "Fargate Spot" : "Fargate";
        String prefix = spot ? "fargate_spot_" : "fargate_";
        double amount = vcpu * p.price(prefix + "vcpu_hour") + gb * p.price(prefix + "gb_hour");
        return new CostLine(kind + ": " + lane.name() + note, tasks + " × (" + lane.cpu() / 1024.0 + " vCPU, "
                + lane.memory() / 1024.0 + " GB); " + p.source(prefix + "vcpu_hour"), amount);
    }

    /** NAT gateways and load balancers the policies forbid: what they would add if they were allowed to stay. */
    private static List<CostLine> violations(List<ResourceView> resources, Pricing p, double windowHours) {
        double month = p.assumption("hours_per_month");
        List<CostLine> violations = new ArrayList<>();
        for (ResourceView r : resources) {
            boolean nat = NAT_TYPES.contains(r.type());
            if (nat || LB_TYPES.contains(r.type())) {
                double hours = "demo".equals(r.layer()) ? windowHours : month;
                violations.add(p.line((nat ? "NAT gateway " : "Load balancer ") + r.name(), hours + " h/month",
                        nat ? "nat_gateway_hour" : "load_balancer_hour", hours));
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

    private record Pricing(PriceTable prices, String region) {
        CostLine line(String item, String quantity, String priceItem, double units) {
            double price = price(priceItem);
            return new CostLine(item, quantity + " × " + price + " (" + source(priceItem) + ")", units * price);
        }

        double price(String item) {
            return prices.price(region, item);
        }

        String source(String item) {
            return prices.source(region, item).orElse("");
        }

        double assumption(String name) {
            return prices.assumption(name);
        }
    }
}
