package devmin.live.teardown;

import devmin.live.CallLog;
import devmin.live.aws.AwsClients;
import devmin.live.aws.ResourceArn;
import devmin.live.teardown.DirectDescribe.Existence;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ecs.model.Cluster;

import java.util.Map;
import java.util.Optional;

/**
 * Whether one resource of the state's inventory still exists, read directly by its id: the one table of how each
 * Pulumi type is looked up. Ids follow the AWS provider's (Terraform's) attribute reference: EC2 resources by their
 * own id ({@code vpc-…}, {@code subnet-…}, {@code rtbassoc-…}), an ECS cluster and service by ARN, a task definition
 * by its {@code arn} output (family:revision), an IAM role by name, a role policy as {@code role:policy}, a Cloud Map
 * namespace or service by id, ECS cluster capacity providers by the cluster's name, RDS by the ARN that names the
 * identifier. A type missing here has no direct read and is never reported gone.
 */
final class ReadById {

    /** Types whose id names an ARN resource of this kind ({@code service:type}). */
    static final Map<String, String> ARN_KINDS = Map.ofEntries(
            Map.entry("aws:ec2/vpc:Vpc", "ec2:vpc"),
            Map.entry("aws:ec2/subnet:Subnet", "ec2:subnet"),
            Map.entry("aws:ec2/routeTable:RouteTable", "ec2:route-table"),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", "ec2:security-group"),
            Map.entry("aws:ec2/internetGateway:InternetGateway", "ec2:internet-gateway"),
            Map.entry("aws:ec2/networkInterface:NetworkInterface", "ec2:network-interface"),
            Map.entry("aws:ec2/eip:Eip", "ec2:elastic-ip"),
            Map.entry("aws:ec2/natGateway:NatGateway", "ec2:natgateway"),
            Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", "ec2:vpc-endpoint"),
            Map.entry("aws:ecs/cluster:Cluster", "ecs:cluster"),
            Map.entry("aws:ecs/service:Service", "ecs:service"),
            Map.entry("aws:ecs/taskDefinition:TaskDefinition", "ecs:task-definition"),
            Map.entry("aws:iam/role:Role", "iam:role"),
            Map.entry("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "servicediscovery:namespace"),
            Map.entry("aws:servicediscovery/service:Service", "servicediscovery:service"),
            Map.entry("aws:rds/instance:Instance", "rds:db"),
            Map.entry("aws:rds/cluster:Cluster", "rds:cluster"),
            Map.entry("aws:rds/subnetGroup:SubnetGroup", "rds:subgrp"),
            Map.entry("aws:lb/loadBalancer:LoadBalancer", "elasticloadbalancing:loadbalancer/app"),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", "logs:log-group"));

    static final String ROUTE_TABLE_ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation";
    static final String CLUSTER_CAPACITY_PROVIDERS = "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders";
    static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

    private final AwsClients aws;
    private final String region;
    private final String account;
    private final DirectDescribe describe;

    ReadById(AwsClients aws, String region, String account) {
        this.aws = aws;
        this.region = region;
        this.account = account;
        this.describe = new DirectDescribe(aws, region);
    }

    /** Whether devmin has a direct read for resources of this Pulumi type. */
    static boolean readable(String type) {
        return ARN_KINDS.containsKey(type) || type.equals(ROUTE_TABLE_ASSOCIATION)
                || type.equals(CLUSTER_CAPACITY_PROVIDERS) || type.equals(ROLE_POLICY);
    }

    /**
     * Present or gone; empty when there is no direct read for the type or the state does not say which resource it
     * is (no id, a secret id, an ARN of another kind). {@link CallLog.Unverified} when AWS could not answer.
     */
    Optional<Existence> exists(InventoryEntry entry, CallLog log) {
        if (entry.id().isEmpty() || entry.id().equals(InventoryEntry.SECRET)) {
            return Optional.empty();
        }
        return switch (entry.type()) {
            case ROUTE_TABLE_ASSOCIATION -> routeTableAssociation(entry.id(), log);
            case CLUSTER_CAPACITY_PROVIDERS -> capacityProviders(entry.id(), log);
            case ROLE_POLICY -> rolePolicy(entry.id(), log);
            default -> arnOf(entry).flatMap(arn -> describe.exists(arn, log));
        };
    }

    /** The ARN that names the resource: the state's own, the id when it is one, else built from the id. */
    Optional<ResourceArn> arnOf(InventoryEntry entry) {
        String kind = ARN_KINDS.get(entry.type());
        if (kind == null) {
            return Optional.empty();
        }
        String text = !entry.arn().isEmpty() && !entry.arn().equals(InventoryEntry.SECRET) ? entry.arn()
                : entry.id().startsWith("arn:") ? entry.id() : built(kind, entry.id());
        try {
            ResourceArn arn = ResourceArn.parse(text);
            return arn.kind().equals(kind) ? Optional.of(arn) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String built(String kind, String id) {
        String service = kind.substring(0, kind.indexOf(':'));
        String type = kind.substring(kind.indexOf(':') + 1);
        String where = service.equals("iam") ? "" : region;
        return "arn:aws:" + service + ":" + where + ":" + account + ":" + type + "/" + id;
    }

    /** EC2 API reference, DescribeRouteTables: the filter association.route-table-association-id. */
    private Optional<Existence> routeTableAssociation(String id, CallLog log) {
        var answer = log.call("ec2:DescribeRouteTables", () -> aws.ec2(region).describeRouteTables(b -> b.filters(
                Filter.builder().name("association.route-table-association-id").values(id).build())));
        boolean associated = answer.routeTables().stream().flatMap(t -> t.associations().stream())
                .anyMatch(a -> id.equals(a.routeTableAssociationId())
                        && !"disassociated".equals(a.associationState() == null ? ""
                        : a.associationState().stateAsString()));
        return Optional.of(associated ? Existence.PRESENT : Existence.GONE);
    }

    /**
     * The provider's id is the cluster's name; the capacity providers are a setting of the cluster, so they are gone
     * when the cluster is (INACTIVE or MISSING) or lists none (what the provider's delete leaves).
     */
    private Optional<Existence> capacityProviders(String clusterName, CallLog log) {
        var answer = log.call("ecs:DescribeClusters", () -> aws.ecs(region).describeClusters(
                b -> b.clusters(clusterName)));
        boolean held = answer.clusters().stream().filter(c -> clusterName.equals(c.clusterName()))
                .filter(c -> !"INACTIVE".equals(c.status())).anyMatch(ReadById::hasCapacityProviders);
        boolean answered = !answer.clusters().isEmpty() || !answer.failures().isEmpty();
        if (!answered) {
            throw new CallLog.Unverified("ecs:DescribeClusters: the answer neither describes " + clusterName
                    + " nor reports it missing");
        }
        return Optional.of(held ? Existence.PRESENT : Existence.GONE);
    }

    private static boolean hasCapacityProviders(Cluster cluster) {
        return cluster.hasCapacityProviders() && !cluster.capacityProviders().isEmpty();
    }

    /** The provider's id is {@code role:policy}; IAM GetRolePolicy answers NoSuchEntity when either is gone. */
    private Optional<Existence> rolePolicy(String id, CallLog log) {
        int colon = id.indexOf(':');
        if (colon <= 0 || colon == id.length() - 1) {
            return Optional.empty();
        }
        String role = id.substring(0, colon);
        String policy = id.substring(colon + 1);
        var answer = log.find("iam:GetRolePolicy", () -> aws.iam().getRolePolicy(b -> b.roleName(role)
                .policyName(policy)), DirectDescribe.code("NoSuchEntity"));
        return DirectDescribe.existence(answer, r -> policy.equals(r.policyName()) && role.equals(r.roleName()));
    }
}
