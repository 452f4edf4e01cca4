package devmin.live.teardown;

import devmin.live.CallLog;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsFailure;
import devmin.live.aws.CloudMapReads;
import devmin.live.aws.ResourceArn;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Confirms by a direct describe whether a resource the Tagging API still lists really exists: the Tagging API also
 * lists resources that were deleted. Each ARN is described by what it names ({@link ResourceArn}): the role's name
 * without its path, the service in its own cluster, a Cloud Map namespace or service by its id. Answers present,
 * gone, or empty when devmin has no describe for the type (the caller treats that as unverified). Only an answer that
 * describes the very resource counts as present.
 */
final class DirectDescribe {

    enum Existence { PRESENT, GONE }

    private final AwsClients aws;
    private final String region;
    private final EcsExistence ecs;

    DirectDescribe(AwsClients aws, String region) {
        this.aws = aws;
        this.region = region;
        this.ecs = new EcsExistence(aws, region);
    }

    Optional<Existence> exists(ResourceArn arn, CallLog log) {
        String id = arn.name();
        var ec2 = aws.ec2(region);
        return switch (arn.kind()) {
            case "ec2:vpc" -> existence(log.find("ec2:DescribeVpcs", () -> ec2.describeVpcs(b -> b.vpcIds(id)),
                    code("InvalidVpcID.NotFound")), r -> r.vpcs().stream().anyMatch(v -> id.equals(v.vpcId())));
            case "ec2:subnet" -> existence(log.find("ec2:DescribeSubnets",
                    () -> ec2.describeSubnets(b -> b.subnetIds(id)), code("InvalidSubnetID.NotFound")),
                    r -> r.subnets().stream().anyMatch(v -> id.equals(v.subnetId())));
            case "ec2:security-group" -> existence(log.find("ec2:DescribeSecurityGroups",
                    () -> ec2.describeSecurityGroups(b -> b.groupIds(id)), code("InvalidGroup.NotFound")),
                    r -> r.securityGroups().stream().anyMatch(v -> id.equals(v.groupId())));
            case "ec2:internet-gateway" -> existence(log.find("ec2:DescribeInternetGateways",
                    () -> ec2.describeInternetGateways(b -> b.internetGatewayIds(id)),
                    code("InvalidInternetGatewayID.NotFound")),
                    r -> r.internetGateways().stream().anyMatch(v -> id.equals(v.internetGatewayId())));
            case "ec2:route-table" -> existence(log.find("ec2:DescribeRouteTables",
                    () -> ec2.describeRouteTables(b -> b.routeTableIds(id)), code("InvalidRouteTableID.NotFound")),
                    r -> r.routeTables().stream().anyMatch(v -> id.equals(v.routeTableId())));
            case "ec2:network-interface" -> existence(log.find("ec2:DescribeNetworkInterfaces",
                    () -> ec2.describeNetworkInterfaces(b -> b.networkInterfaceIds(id)),
                    code("InvalidNetworkInterfaceID.NotFound")),
                    r -> r.networkInterfaces().stream().anyMatch(v -> id.equals(v.networkInterfaceId())));
            case "ec2:instance" -> existence(log.find("ec2:DescribeInstances",
                    () -> ec2.describeInstances(b -> b.instanceIds(id)), code("InvalidInstanceID.NotFound")),
                    r -> r.reservations().stream().flatMap(v -> v.instances().stream())
                            .anyMatch(i -> id.equals(i.instanceId())
                                    && !"terminated".equals(i.state().nameAsString())));
            case "ec2:natgateway" -> existence(log.find("ec2:DescribeNatGateways",
                    () -> ec2.describeNatGateways(b -> b.natGatewayIds(id)),
                    code("NatGatewayNotFound", "InvalidNatGatewayID.NotFound")),
                    r -> r.natGateways().stream().anyMatch(n -> id.equals(n.natGatewayId())
                            && n.state() != NatGatewayState.DELETED));
            case "ec2:elastic-ip", "ec2:eip-allocation" -> existence(log.find("ec2:DescribeAddresses",
                    () -> ec2.describeAddresses(b -> b.allocationIds(id)), code("InvalidAllocationID.NotFound")),
                    r -> r.addresses().stream().anyMatch(a -> id.equals(a.allocationId())));
            case "ec2:vpc-endpoint" -> existence(log.find("ec2:DescribeVpcEndpoints",
                    () -> ec2.describeVpcEndpoints(b -> b.vpcEndpointIds(id)),
                    code("InvalidVpcEndpointId.NotFound")),
                    r -> r.vpcEndpoints().stream().anyMatch(e -> id.equals(e.vpcEndpointId())
                            && !"deleted".equalsIgnoreCase(e.stateAsString())));
            case "ecs:cluster" -> ecs.cluster(arn, log);
            case "ecs:service" -> ecs.service(arn, log);
            case "ecs:task" -> ecs.task(arn, log);
            case "ecs:task-definition" -> ecs.taskDefinition(arn, log);
            case "elasticloadbalancing:loadbalancer/app", "elasticloadbalancing:loadbalancer/net",
                    "elasticloadbalancing:loadbalancer/gwy" -> existence(log.find(
                    "elasticloadbalancingv2:DescribeLoadBalancers",
                    () -> aws.elbv2(region).describeLoadBalancers(b -> b.loadBalancerArns(arn.arn())),
                    code("LoadBalancerNotFound")),
                    r -> r.loadBalancers().stream().anyMatch(b -> arn.arn().equals(b.loadBalancerArn())));
            case "elasticloadbalancing:loadbalancer" -> existence(log.find("elasticloadbalancing:DescribeLoadBalancers",
                    () -> aws.elb(region).describeLoadBalancers(b -> b.loadBalancerNames(id)),
                    code("LoadBalancerNotFound")),
                    r -> r.loadBalancerDescriptions().stream().anyMatch(b -> id.equals(b.loadBalancerName())));
            case "elasticloadbalancing:targetgroup" -> existence(log.find("elasticloadbalancingv2:DescribeTargetGroups",
                    () -> aws.elbv2(region).describeTargetGroups(b -> b.targetGroupArns(arn.arn())),
                    code("TargetGroupNotFound")),
                    r -> r.targetGroups().stream().anyMatch(g -> arn.arn().equals(g.targetGroupArn())));
            case "rds:db" -> existence(log.find("rds:DescribeDBInstances",
                    () -> aws.rds(region).describeDBInstances(b -> b.dbInstanceIdentifier(id)),
                    code("DBInstanceNotFound", "DBInstanceNotFoundFault")),
                    r -> r.dbInstances().stream().anyMatch(d -> id.equals(d.dbInstanceIdentifier())));
            case "rds:cluster" -> existence(log.find("rds:DescribeDBClusters",
                    () -> aws.rds(region).describeDBClusters(b -> b.dbClusterIdentifier(id)),
                    code("DBClusterNotFoundFault")),
                    r -> r.dbClusters().stream().anyMatch(c -> id.equals(c.dbClusterIdentifier())));
            case "rds:subgrp" -> existence(log.find("rds:DescribeDBSubnetGroups",
                    () -> aws.rds(region).describeDBSubnetGroups(b -> b.dbSubnetGroupName(id)),
                    code("DBSubnetGroupNotFoundFault")),
                    r -> r.dbSubnetGroups().stream().anyMatch(g -> id.equals(g.dbSubnetGroupName())));
            case "logs:log-group" -> existence(log.find("logs:DescribeLogGroups",
                    () -> aws.logs(region).describeLogGroups(b -> b.logGroupNamePrefix(id)),
                    code("ResourceNotFoundException")),
                    r -> r.logGroups().stream().anyMatch(g -> g.logGroupName().equals(id)));
            case "iam:role" -> existence(log.find("iam:GetRole", () -> aws.iam().getRole(b -> b.roleName(id)),
                    code("NoSuchEntity")), r -> id.equals(r.role().roleName()));
            case "servicediscovery:namespace" -> cloudMap(CloudMapReads.Read.NAMESPACE, id, log);
            case "servicediscovery:service" -> cloudMap(CloudMapReads.Read.SERVICE, id, log);
            default -> Optional.empty();
        };
    }

    private Optional<Existence> cloudMap(CloudMapReads.Read read, String id, CallLog log) {
        log.note(read.action());
        try {
            return Optional.of(aws.cloudMap(region).exists(read, id) ? Existence.PRESENT : Existence.GONE);
        } catch (SdkException e) {
            throw new CallLog.Unverified(read.action() + ": " + AwsFailure.describe(e));
        }
    }

    /** Gone when the describe said "not found", else what {@code present} reads from the answer. */
    static <T extends SdkResponse> Optional<Existence> existence(Optional<T> answer, Predicate<T> present) {
        return Optional.of(answer.filter(present).isPresent() ? Existence.PRESENT : Existence.GONE);
    }

    static Predicate<SdkException> code(String... notFound) {
        return e -> AwsFailure.hasCode(e, notFound);
    }
}
