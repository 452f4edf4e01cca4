package devmin.plan.cost;

import devmin.policy.ResourceView;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The cost estimate as a pure function of the spec, the declared resources and the price table: idle monthly cost
 * (persistent layers), hourly cost of an open window (demo layer), and the month at a number of window-hours.
 */
public final class CostModel {

    static final List<String> NAT_TYPES = List.of("aws:ec2/natGateway:NatGateway");
    static final List<String> LB_TYPES = List.of("aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer",
            "aws:elb/loadBalancer:LoadBalancer");

    private CostModel() {
    }

    /** @throws IllegalArgumentException when the table has no prices for the spec's region */
    public static CostEstimate estimate(EnvironmentSpec spec, List<ResourceView> resources, PriceTable prices,
                                        double windowHours) {
        String region = spec.awsRegion();
        if (!prices.covers(region)) {
            throw new IllegalArgumentException("the price table has no prices for region " + region);
        }
        Pricing p = new Pricing(prices, region);
        double month = prices.assumption("hours_per_month");
        List<CostLine> idle = new ArrayList<>();
        double evidenceGb = prices.assumption("evidence_gb");
        idle.add(p.line("S3 evidence bucket", evidenceGb + " GB stored", "s3_standard_gb_month", evidenceGb));
        double imagesGb = spec.ecrKeepTaggedImages() * prices.assumption("image_gb");
        idle.add(p.line("ECR images", spec.ecrKeepTaggedImages() + " images × " + prices.assumption("image_gb")
                + " GB", "ecr_storage_gb_month", imagesGb));
        idle.add(p.line("SSM handles", "standard parameters", "ssm_standard_parameter_month", 0));
        idle.add(p.line("Confluent Basic cluster", month + " h", "confluent_basic_base_hour", month));
        double storedGb = prices.assumption("kafka_stored_gb");
        idle.add(p.line("Confluent storage", storedGb + " GB", "confluent_storage_gb_month", storedGb));
        double logGb = running(spec).stream().mapToDouble(LaneSpec::desiredCount).sum()
                * prices.assumption("log_gb_per_lane_hour") * windowHours;
        idle.add(p.line("CloudWatch Logs storage", String.format("%.2f GB kept", logGb), "logs_storage_gb_month", logGb));

        List<CostLine> window = new ArrayList<>();
        for (LaneSpec lane : running(spec)) {
            double vcpu = lane.cpu() / 1024.0 * lane.desiredCount();
            double gb = lane.memory() / 1024.0 * lane.desiredCount();
            String kind = lane.spot() ? "Fargate Spot" : "Fargate";
            String prefix = lane.spot() ? "fargate_spot_" : "fargate_";
            double amount = vcpu * prices.price(region, prefix + "vcpu_hour") + gb * prices.price(region, prefix + "gb_hour");
            window.add(new CostLine(kind + ": " + lane.name(), lane.desiredCount() + " × (" + lane.cpu() / 1024.0
                    + " vCPU, " + lane.memory() / 1024.0 + " GB); " + prices.source(region, prefix + "vcpu_hour")
                    .orElse(""), amount));
        }
        double laneHours = running(spec).stream().mapToDouble(LaneSpec::desiredCount).sum();
        window.add(p.line("CloudWatch Logs ingestion", laneHours + " lane-hours × "
                + prices.assumption("log_gb_per_lane_hour") + " GB", "logs_ingestion_gb",
                laneHours * prices.assumption("log_gb_per_lane_hour")));
        window.add(p.line("Confluent throughput", prices.assumption("kafka_gb_per_window_hour") + " GB",
                "confluent_throughput_gb", prices.assumption("kafka_gb_per_window_hour")));
        if (spec.database().enabled()) {
            window.add(p.line("RDS " + spec.database().instanceClass(), "1 instance-hour", "rds_db_t4g_micro_hour", 1));
            window.add(p.line("RDS storage", spec.database().allocatedStorageGb() + " GB for 1 h", "rds_gp2_gb_month",
                    spec.database().allocatedStorageGb() / month));
        }

        List<CostLine> violations = new ArrayList<>();
        for (ResourceView r : resources) {
            boolean nat = NAT_TYPES.contains(r.type());
            if (nat || LB_TYPES.contains(r.type())) {
                double hours = "demo".equals(r.layer()) ? windowHours : month;
                violations.add(p.line((nat ? "NAT gateway " : "Load balancer ") + r.name(), hours + " h/month",
                        nat ? "nat_gateway_hour" : "load_balancer_hour", hours));
            }
        }

        double idleMonthly = sum(idle);
        double windowHourly = sum(window);
        double total = idleMonthly + windowHourly * windowHours + sum(violations);
        List<BigDecimal> crossed = spec.budget().alertThresholds().stream()
                .filter(t -> BigDecimal.valueOf(total).compareTo(t) >= 0).toList();
        return new CostEstimate(prices.currency(), idleMonthly, windowHourly, windowHours, total, idle, window,
                violations, spec.budget().monthlyLimit(), crossed);
    }

    private static List<LaneSpec> running(EnvironmentSpec spec) {
        return spec.lanes().stream().filter(l -> l.isService() && l.desiredCount() > 0).toList();
    }

    private static double sum(List<CostLine> lines) {
        return lines.stream().mapToDouble(CostLine::amount).sum();
    }

    private record Pricing(PriceTable prices, String region) {
        CostLine line(String item, String quantity, String priceItem, double units) {
            double price = prices.price(region, priceItem);
            return new CostLine(item, quantity + " × " + price + " (" + prices.source(region, priceItem).orElse("")
                    + ")", units * price);
        }
    }
}
