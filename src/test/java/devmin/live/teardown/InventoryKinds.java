package devmin.live.teardown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test inventories: one resource of every kind devmin reads by id, named as the wire worlds name them. */
public final class InventoryKinds {

    static final String ACCOUNT = "123456789012";

    private InventoryKinds() {
    }

    /** The id (or ARN) of one resource of each readable Pulumi type, in {@code region}. */
    static Map<String, String> ids(String region) {
        String ecs = "arn:aws:ecs:" + region + ":" + ACCOUNT + ":";
        return Map.ofEntries(
                Map.entry("aws:ec2/vpc:Vpc", "vpc-0a"),
                Map.entry("aws:ec2/subnet:Subnet", "subnet-0a"),
                Map.entry("aws:ec2/routeTable:RouteTable", "rtb-0a"),
                Map.entry("aws:ec2/securityGroup:SecurityGroup", "sg-0a"),
                Map.entry("aws:ec2/internetGateway:InternetGateway", "igw-0a"),
                Map.entry("aws:ec2/networkInterface:NetworkInterface", "eni-0a"),
                Map.entry("aws:ec2/eip:Eip", "eipalloc-0a"),
                Map.entry("aws:ec2/natGateway:NatGateway", "nat-0a"),
                Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", "vpce-0a"),
                Map.entry(ReadById.ROUTE_TABLE_ASSOCIATION, "rtbassoc-0a"),
                Map.entry("aws:ecs/cluster:Cluster", ecs + "cluster/devmin-old"),
                Map.entry(ReadById.CLUSTER_CAPACITY_PROVIDERS, "devmin-dev-min"),
                Map.entry("aws:ecs/service:Service", ecs + "service/devmin-dev-min/old"),
                Map.entry("aws:ecs/taskDefinition:TaskDefinition", "devmin-dev-min-ig"),
                Map.entry("aws:iam/role:Role", "devmin-dev-min-old"),
                Map.entry(ReadById.ROLE_POLICY, "devmin-dev-min-old:policy"),
                Map.entry("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "ns-0a"),
                Map.entry("aws:servicediscovery/service:Service", "srv-0a"),
                Map.entry("aws:rds/instance:Instance", "db-ABCDEFGHIJKL"),
                Map.entry("aws:rds/cluster:Cluster", "devmin-aurora"),
                Map.entry("aws:rds/subnetGroup:SubnetGroup", "devmin-subnets"),
                Map.entry("aws:lb/loadBalancer:LoadBalancer", "arn:aws:elasticloadbalancing:" + region + ":" + ACCOUNT
                        + ":loadbalancer/app/devmin/50dc6c495c0c9188"),
                Map.entry("aws:cloudwatch/logGroup:LogGroup", "/devmin/dev_min/demo"));
    }

    /** ARNs the state's outputs give where the id alone does not name the resource (RDS ids are resource ids). */
    static Map<String, String> arns(String region) {
        String ecs = "arn:aws:ecs:" + region + ":" + ACCOUNT + ":";
        String rds = "arn:aws:rds:" + region + ":" + ACCOUNT + ":";
        return Map.of(
                "aws:ecs/taskDefinition:TaskDefinition", ecs + "task-definition/devmin-dev-min-ig:3",
                "aws:rds/instance:Instance", rds + "db:devmin-db",
                "aws:rds/cluster:Cluster", rds + "cluster:devmin-aurora",
                "aws:rds/subnetGroup:SubnetGroup", rds + "subgrp:devmin-subnets",
                "aws:cloudwatch/logGroup:LogGroup", "arn:aws:logs:" + region + ":" + ACCOUNT
                        + ":log-group:/devmin/dev_min/demo:*");
    }

    public static StateInventory oneOfEachReadableKind(String region) {
        List<InventoryEntry> entries = new ArrayList<>();
        ids(region).forEach((type, id) -> entries.add(new InventoryEntry("urn:pulumi:dev-min::devmin::pulumi:pulumi:"
                + "Stack$devmin:stacks:DemoStack$" + type + "::" + type.substring(type.lastIndexOf(':') + 1)
                .toLowerCase(java.util.Locale.ROOT), type, id, arns(region).getOrDefault(type, ""), region)));
        return new StateInventory("dev-min", entries, List.of());
    }

    /** A {@code pulumi stack export} of stack dev-min holding {@link #oneOfEachReadableKind} as its demo layer. */
    public static String export(String region) {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = json.createObjectNode().put("version", 3);
        var resources = root.putObject("deployment").putArray("resources");
        for (InventoryEntry e : oneOfEachReadableKind(region).demo()) {
            var node = resources.addObject().put("urn", e.urn()).put("type", e.type()).put("custom", true)
                    .put("id", e.id());
            if (!e.arn().isEmpty()) {
                node.putObject("outputs").put("arn", e.arn());
            }
        }
        return root.toString();
    }

    /** A pre-destroy snapshot verdict recording {@link #oneOfEachReadableKind} as the state's inventory. */
    public static String snapshot(String region) {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = json.createObjectNode().put("schema", TeardownProof.SNAPSHOT_SCHEMA).put("overall_pass", true);
        root.set("inventory", oneOfEachReadableKind(region).toJson());
        return root.toString();
    }
}
