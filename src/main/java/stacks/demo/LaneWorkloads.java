package stacks.demo;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ServiceCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import stacks.LayerScope;
import stacks.handles.HandleName;
import stacks.handles.HandleRegistry;
import stacks.spec.LaneSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per lane: a task role scoped to the lane's own handles and prefixes, a task definition from the single pinned
 * image, and for services an ECS service that rolls back a crash-looping deployment and makes {@code pulumi up} wait
 * for steady state instead of "succeeding".
 */
final class LaneWorkloads {

    private final Map<String, String> roleArns = new LinkedHashMap<>();

    LaneWorkloads(LayerScope scope, DemoPlan plan, Cluster cluster, DemoNetwork network, Role execution,
                  Map<String, LogGroup> logGroups) {
        for (LaneSpec lane : plan.spec().lanes()) {
            Role role = laneRole(scope, plan, lane);
            roleArns.put(lane.name(), plan.names().roleArn(plan.names().laneRoleName(lane.name())));
            TaskDefinition task = new TaskDefinition("task-" + lane.name(), TaskDefinitionArgs.builder()
                    .family(plan.names().taskFamily(lane.name()))
                    .networkMode("awsvpc")
                    .requiresCompatibilities("FARGATE")
                    .cpu(String.valueOf(lane.cpu()))
                    .memory(String.valueOf(lane.memory()))
                    .executionRoleArn(plan.names().roleArn(plan.names().executionRoleName()))
                    .taskRoleArn(plan.names().roleArn(plan.names().laneRoleName(lane.name())))
                    .containerDefinitions(containerDefinitions(plan, lane))
                    .build(), scope.aws(logGroups.get(lane.name()), execution, role));
            if (lane.isService()) {
                service(scope, lane, cluster, network.subnetIds(), network.lanesSecurityGroup(), task);
            }
        }
    }

    private static Role laneRole(LayerScope scope, DemoPlan plan, LaneSpec lane) {
        Role role = new Role("lane-role-" + lane.name(), RoleArgs.builder()
                .name(plan.names().laneRoleName(lane.name()))
                .description("devmin lane " + lane.name() + ": its own SSM handles and S3 prefixes only")
                .assumeRolePolicy(LanePermissions.ecsTasksTrust().toJson())
                .build(), scope.aws());
        boolean needsPolicy = !lane.reads().isEmpty() || !lane.s3Access().isEmpty();
        if (needsPolicy) {
            new RolePolicy("lane-policy-" + lane.name(), RolePolicyArgs.builder()
                    .role(role.id())
                    .policy(plan.bucketArn().applyValue(bucketArn ->
                            LanePermissions.taskRolePolicy(plan.spec(), lane, bucketArn).toJson()))
                    .build(), scope.aws());
        }
        return role;
    }

    private static Output<String> containerDefinitions(DemoPlan plan, LaneSpec lane) {
        Map<String, Output<String>> handles = plan.laneHandles().get(lane.name());
        List<Output<String>> inputs = new ArrayList<>();
        inputs.add(plan.repositoryUri());
        inputs.add(plan.bucketName());
        inputs.addAll(handles.values());
        List<String> handleNames = List.copyOf(handles.keySet());
        return Output.all(inputs).applyValue(values -> {
            Map<String, String> resolved = new LinkedHashMap<>();
            for (int i = 0; i < handleNames.size(); i++) {
                resolved.put(handleNames.get(i), values.get(i + 2));
            }
            var spec = plan.spec();
            var env = LaneContainer.environment(spec.environment(), spec.awsRegion(), lane, resolved, values.get(1));
            return LaneContainer.definitionJson(lane, LaneContainer.pinnedImage(values.get(0), spec.image()), env,
                    plan.names().logGroupName(lane.name()), spec.awsRegion());
        });
    }

    private static void service(LayerScope scope, LaneSpec lane, Cluster cluster, List<Output<String>> subnets,
                                SecurityGroup securityGroup, TaskDefinition task) {
        new Service("service-" + lane.name(), ServiceArgs.builder()
                .name(lane.name())
                .cluster(cluster.arn())
                .taskDefinition(task.arn())
                .desiredCount(lane.desiredCount())
                .capacityProviderStrategies(ServiceCapacityProviderStrategyArgs.builder()
                        .capacityProvider(lane.spot() ? "FARGATE_SPOT" : "FARGATE").weight(1).build())
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(Output.all(subnets))
                        .securityGroups(securityGroup.id().applyValue(List::of))
                        .assignPublicIp(true)
                        .build())
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder()
                        .enable(true).rollback(true).build())
                .waitForSteadyState(true)
                .propagateTags("SERVICE")
                .enableEcsManagedTags(true)
                .build(), scope.aws());
    }

    void publish(HandleRegistry handles) {
        roleArns.forEach((lane, arn) -> handles.publish(HandleName.laneRole(lane), "DemoStack", arn));
    }
}
