package devmin.live.teardown;

import devmin.live.CallLog;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsFailure;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Confirms by a direct describe whether a resource the Tagging API still lists really exists: the Tagging API also
 * lists resources that were deleted. Answers present, gone, or empty when devmin has no describe for the type (the
 * caller treats that as unverified).
 */
final class DirectDescribe {

    enum Existence { PRESENT, GONE }

    private final AwsClients aws;
    private final String region;

    DirectDescribe(AwsClients aws, String region) {
        this.aws = aws;
        this.region = region;
    }

    Optional<Existence> exists(String arnText, CallLog log) {
        Arn arn = Arn.fromString(arnText);
        String type = arn.resource().resourceType().orElse("");
        String id = arn.resource().resource();
        String qualifier = arn.resource().qualifier().orElse("");
        return switch (arn.service() + ":" + type) {
            case "ec2:vpc" -> Optional.of(describe(log, "ec2:DescribeVpcs",
                    () -> !aws.ec2(region).describeVpcs(b -> b.vpcIds(id)).vpcs().isEmpty()));
            case "ec2:subnet" -> Optional.of(describe(log, "ec2:DescribeSubnets",
                    () -> !aws.ec2(region).describeSubnets(b -> b.subnetIds(id)).subnets().isEmpty()));
            case "ec2:security-group" -> Optional.of(describe(log, "ec2:DescribeSecurityGroups",
                    () -> !aws.ec2(region).describeSecurityGroups(b -> b.groupIds(id)).securityGroups().isEmpty()));
            case "ec2:internet-gateway" -> Optional.of(describe(log, "ec2:DescribeInternetGateways",
                    () -> !aws.ec2(region).describeInternetGateways(b -> b.internetGatewayIds(id)).internetGateways()
                            .isEmpty()));
            case "ec2:route-table" -> Optional.of(describe(log, "ec2:DescribeRouteTables",
                    () -> !aws.ec2(region).describeRouteTables(b -> b.routeTableIds(id)).routeTables().isEmpty()));
            case "ec2:instance" -> Optional.of(describe(log, "ec2:DescribeInstances",
                    () -> aws.ec2(region).describeInstances(b -> b.instanceIds(id)).reservations().stream()
                            .flatMap(r -> r.instances().stream())
                            .anyMatch(i -> !"terminated".equals(i.state().nameAsString()))));
            case "ecs:cluster" -> Optional.of(describe(log, "ecs:DescribeClusters",
                    () -> aws.ecs(region).describeClusters(b -> b.clusters(arnText)).clusters().stream()
                            .anyMatch(c -> !"INACTIVE".equals(c.status()))));
            case "ecs:service" -> Optional.of(describe(log, "ecs:DescribeServices",
                    () -> aws.ecs(region).describeServices(b -> b.cluster(id).services(arnText)).services().stream()
                            .anyMatch(s -> !"INACTIVE".equals(s.status()))));
            case "ecs:task-definition" -> Optional.of(describe(log, "ecs:DescribeTaskDefinition",
                    () -> "ACTIVE".equals(aws.ecs(region).describeTaskDefinition(b -> b.taskDefinition(arnText))
                            .taskDefinition().statusAsString())));
            case "elasticloadbalancing:loadbalancer" -> Optional.of(describe(log,
                    "elasticloadbalancingv2:DescribeLoadBalancers",
                    () -> !aws.elbv2(region).describeLoadBalancers(b -> b.loadBalancerArns(arnText)).loadBalancers()
                            .isEmpty()));
            case "elasticloadbalancing:targetgroup" -> Optional.of(describe(log,
                    "elasticloadbalancingv2:DescribeTargetGroups",
                    () -> !aws.elbv2(region).describeTargetGroups(b -> b.targetGroupArns(arnText)).targetGroups()
                            .isEmpty()));
            case "rds:db" -> Optional.of(describe(log, "rds:DescribeDBInstances",
                    () -> !aws.rds(region).describeDBInstances(b -> b.dbInstanceIdentifier(id)).dbInstances().isEmpty()));
            case "logs:log-group" -> Optional.of(describe(log, "logs:DescribeLogGroups",
                    () -> aws.logs(region).describeLogGroups(b -> b.logGroupNamePrefix(logGroupName(id, qualifier)))
                            .logGroups().stream().anyMatch(g -> g.logGroupName().equals(logGroupName(id, qualifier)))));
            case "iam:role" -> Optional.of(describe(log, "iam:GetRole",
                    () -> aws.iam().getRole(b -> b.roleName(id.substring(id.lastIndexOf('/') + 1))).role() != null));
            default -> Optional.empty();
        };
    }

    /** {@code arn:aws:logs:r:a:log-group:/devmin/dev_min/ig:*} names the group {@code /devmin/dev_min/ig}. */
    static String logGroupName(String id, String qualifier) {
        String name = qualifier.isEmpty() || qualifier.equals("*") ? id : id + ":" + qualifier;
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }

    private static Existence describe(CallLog log, String api, Supplier<Boolean> present) {
        return log.call(api, () -> {
            try {
                return present.get() ? Existence.PRESENT : Existence.GONE;
            } catch (SdkException e) {
                if (isNotFound(e)) {
                    return Existence.GONE;
                }
                throw e;
            }
        });
    }

    static boolean isNotFound(SdkException e) {
        return AwsFailure.hasCode(e, "InvalidVpcID.NotFound", "InvalidSubnetID.NotFound", "InvalidGroup.NotFound",
                "InvalidInternetGatewayID.NotFound", "InvalidRouteTableID.NotFound", "InvalidInstanceID.NotFound",
                "ClusterNotFoundException", "ServiceNotFoundException", "LoadBalancerNotFound", "TargetGroupNotFound",
                "DBInstanceNotFound", "DBInstanceNotFoundFault", "ResourceNotFoundException", "NoSuchEntity");
    }
}
