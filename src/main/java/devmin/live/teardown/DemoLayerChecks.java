package devmin.live.teardown;

import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.aws.AwsClients;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The absence checks for one region: no NAT gateway at all, and none of the stack's demo-layer load balancers, ECS
 * clusters/services/tasks, RDS, EC2 instances, Elastic IPs or interface endpoints. Every list follows pagination.
 */
final class DemoLayerChecks {

    private final AwsClients aws;
    private final TeardownTarget target;
    private final String region;

    DemoLayerChecks(AwsClients aws, TeardownTarget target, String region) {
        this.aws = aws;
        this.region = region;
        this.target = target;
    }

    /** Any NAT gateway that is not deleted, whatever its tags: a NAT gateway costs money in any state but deleted. */
    CheckResult natGateways(CallLog log) {
        List<String> found = new ArrayList<>();
        for (var response : log.pages("ec2:DescribeNatGateways", () -> aws.ec2(region).describeNatGatewaysPaginator(
                b -> b.maxResults(1000)))) {
            response.natGateways().stream().filter(n -> n.state() != NatGatewayState.DELETED)
                    .forEach(n -> found.add(n.natGatewayId() + " (" + n.stateAsString() + ")"));
        }
        return log.result("nat-gateways", region, found, "no NAT gateway in the region",
                "NAT gateways not deleted");
    }

    CheckResult loadBalancers(CallLog log) {
        List<String> found = new ArrayList<>();
        List<String> arns = new ArrayList<>();
        for (var response : log.pages("elasticloadbalancingv2:DescribeLoadBalancers",
                () -> aws.elbv2(region).describeLoadBalancersPaginator(b -> b.pageSize(400)))) {
            response.loadBalancers().forEach(lb -> arns.add(lb.loadBalancerArn()));
        }
        for (int i = 0; i < arns.size(); i += 20) {
            List<String> batch = arns.subList(i, Math.min(arns.size(), i + 20));
            var tags = log.call("elasticloadbalancingv2:DescribeTags",
                    () -> aws.elbv2(region).describeTags(b -> b.resourceArns(batch)));
            tags.tagDescriptions().stream().filter(d -> target.isDemo(toMap(d.tags(), t -> t.key(), t -> t.value())))
                    .forEach(d -> found.add(d.resourceArn()));
        }
        List<String> names = new ArrayList<>();
        for (var response : log.pages("elasticloadbalancing:DescribeLoadBalancers",
                () -> aws.elb(region).describeLoadBalancersPaginator(b -> b.pageSize(400)))) {
            response.loadBalancerDescriptions().forEach(lb -> names.add(lb.loadBalancerName()));
        }
        for (int i = 0; i < names.size(); i += 20) {
            List<String> batch = names.subList(i, Math.min(names.size(), i + 20));
            var tags = log.call("elasticloadbalancing:DescribeTags",
                    () -> aws.elb(region).describeTags(b -> b.loadBalancerNames(batch)));
            tags.tagDescriptions().stream().filter(d -> target.isDemo(toMap(d.tags(), t -> t.key(), t -> t.value())))
                    .forEach(d -> found.add("classic:" + d.loadBalancerName()));
        }
        return log.result("load-balancers", region, found, "no demo-layer load balancer (v2 or classic)",
                "demo-layer load balancers remain");
    }

    CheckResult ecs(CallLog log) {
        List<String> found = new ArrayList<>();
        List<String> clusterArns = new ArrayList<>();
        for (var response : log.pages("ecs:ListClusters", () -> aws.ecs(region).listClustersPaginator(b -> b.maxResults(100)))) {
            clusterArns.addAll(response.clusterArns());
        }
        for (int i = 0; i < clusterArns.size(); i += 100) {
            List<String> batch = clusterArns.subList(i, Math.min(clusterArns.size(), i + 100));
            var clusters = log.call("ecs:DescribeClusters", () -> aws.ecs(region).describeClusters(
                    b -> b.clusters(batch).include(ClusterField.TAGS)));
            for (var cluster : clusters.clusters()) {
                if (!target.isDemo(toMap(cluster.tags(), Tag::key, Tag::value)) || "INACTIVE".equals(cluster.status())) {
                    continue;
                }
                found.add("cluster " + cluster.clusterName());
                services(log, cluster.clusterArn(), found);
                List<String> tasks = new ArrayList<>();
                for (var page : log.pages("ecs:ListTasks", () -> aws.ecs(region).listTasksPaginator(
                        b -> b.cluster(cluster.clusterArn()).desiredStatus(DesiredStatus.RUNNING)))) {
                    tasks.addAll(page.taskArns());
                }
                tasks.forEach(t -> found.add("running task " + t));
            }
        }
        return log.result("ecs", region, found, "no demo-layer ECS cluster, service or running task",
                "demo-layer ECS resources remain");
    }

    private void services(CallLog log, String clusterArn, List<String> found) {
        List<String> serviceArns = new ArrayList<>();
        for (var page : log.pages("ecs:ListServices", () -> aws.ecs(region).listServicesPaginator(
                b -> b.cluster(clusterArn)))) {
            serviceArns.addAll(page.serviceArns());
        }
        for (int i = 0; i < serviceArns.size(); i += 10) {
            List<String> batch = serviceArns.subList(i, Math.min(serviceArns.size(), i + 10));
            var services = log.call("ecs:DescribeServices", () -> aws.ecs(region).describeServices(
                    b -> b.cluster(clusterArn).services(batch)));
            services.services().stream().filter(s -> s.desiredCount() > 0 || s.runningCount() > 0)
                    .forEach(s -> found.add("service " + s.serviceName() + " (desired " + s.desiredCount()
                            + ", running " + s.runningCount() + ")"));
        }
    }

    CheckResult rds(CallLog log) {
        List<String> found = new ArrayList<>();
        for (var page : log.pages("rds:DescribeDBInstances", () -> aws.rds(region).describeDBInstancesPaginator(b -> { }))) {
            page.dbInstances().stream().filter(db -> target.isDemo(toMap(db.tagList(), t -> t.key(), t -> t.value())))
                    .forEach(db -> found.add("db " + db.dbInstanceIdentifier() + " (" + db.dbInstanceStatus() + ")"));
        }
        for (var page : log.pages("rds:DescribeDBClusters", () -> aws.rds(region).describeDBClustersPaginator(b -> { }))) {
            page.dbClusters().stream().filter(c -> target.isDemo(toMap(c.tagList(), t -> t.key(), t -> t.value())))
                    .forEach(c -> found.add("cluster " + c.dbClusterIdentifier()));
        }
        return log.result("rds", region, found, "no demo-layer RDS instance or cluster", "demo-layer RDS remains");
    }

    CheckResult ec2Leftovers(CallLog log) {
        List<String> found = new ArrayList<>();
        List<Filter> tagged = target.demoTags().entrySet().stream()
                .map(e -> Filter.builder().name("tag:" + e.getKey()).values(e.getValue()).build()).toList();
        List<Filter> live = new ArrayList<>(tagged);
        live.add(Filter.builder().name("instance-state-name").values("pending", "running", "shutting-down",
                "stopping", "stopped").build());
        for (var page : log.pages("ec2:DescribeInstances", () -> aws.ec2(region).describeInstancesPaginator(
                b -> b.filters(live)))) {
            page.reservations().forEach(r -> r.instances().forEach(i -> found.add("instance " + i.instanceId())));
        }
        log.call("ec2:DescribeAddresses", () -> aws.ec2(region).describeAddresses(b -> b.filters(tagged)))
                .addresses().forEach(a -> found.add("elastic IP " + a.allocationId()));
        List<Filter> endpoints = new ArrayList<>(tagged);
        endpoints.add(Filter.builder().name("vpc-endpoint-type").values("Interface").build());
        for (var page : log.pages("ec2:DescribeVpcEndpoints", () -> aws.ec2(region).describeVpcEndpointsPaginator(
                b -> b.filters(endpoints)))) {
            page.vpcEndpoints().stream().filter(e -> !"deleted".equalsIgnoreCase(e.stateAsString()))
                    .forEach(e -> found.add("interface endpoint " + e.vpcEndpointId()));
        }
        return log.result("ec2", region, found, "no demo-layer EC2 instance, Elastic IP or interface endpoint",
                "demo-layer EC2 resources remain");
    }

    static <T> Map<String, String> toMap(List<T> tags, Function<T, String> key, Function<T, String> value) {
        Map<String, String> out = new HashMap<>();
        if (tags != null) {
            tags.forEach(t -> out.put(key.apply(t), value.apply(t)));
        }
        return out;
    }
}
