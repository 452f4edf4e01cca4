package stacks.demo;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.ClusterCapacityProviders;
import com.pulumi.aws.ecs.ClusterCapacityProvidersArgs;
import com.pulumi.aws.ecs.inputs.ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import stacks.Layer;
import stacks.LayerScope;
import stacks.handles.HandleName;
import stacks.handles.HandleRegistry;
import stacks.spec.LaneSpec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ephemeral demo layer (never protected): a no-NAT network, an ECS cluster on Fargate/Fargate Spot, one log group,
 * task role, task definition (and for services, ECS service) per lane, the execution role, and optionally RDS.
 */
public final class DemoStack extends ComponentResource {

    public DemoStack(String name, DemoPlan plan, HandleRegistry handles, DemoSecrets secrets,
                     ComponentResourceOptions options) {
        super(Layer.DEMO.componentType(), name, options);
        LayerScope scope = new LayerScope(Layer.DEMO, this, plan.spec());
        DemoNames names = plan.names();
        DemoNetwork network = new DemoNetwork(scope, SubnetPlan.of(plan.spec().awsRegion()),
                LaneContainer.ingressPorts(plan.spec().lanes()));
        Cluster cluster = cluster(scope, names);

        Map<String, LogGroup> logGroups = new LinkedHashMap<>();
        for (LaneSpec lane : plan.spec().lanes()) {
            logGroups.put(lane.name(), new LogGroup("log-" + lane.name(), LogGroupArgs.builder()
                    .name(names.logGroupName(lane.name()))
                    .retentionInDays(plan.spec().logRetentionDays())
                    .build(), scope.aws()));
        }
        Role execution = executionRole(scope, plan);
        // Derived ARNs are what the role gets and are known at preview, so plans and verify-iam can name them.
        handles.publish(HandleName.ROLE_ECS_TASK_EXECUTION, "DemoStack",
                names.roleArn(names.executionRoleName()));

        LaneWorkloads lanes = new LaneWorkloads(scope, plan, cluster, network, execution, logGroups);
        lanes.publish(handles);
        if (plan.spec().database().enabled()) {
            new DemoDatabase(scope, plan, network, secrets);
        }
        registerOutputs(Map.of("clusterName", cluster.name(), "vpcId", network.vpcId()));
    }

    private static Cluster cluster(LayerScope scope, DemoNames names) {
        Cluster cluster = new Cluster("ecs-cluster", ClusterArgs.builder()
                .name(names.clusterName())
                .settings(ClusterSettingArgs.builder().name("containerInsights").value("disabled").build())
                .build(), scope.aws());
        new ClusterCapacityProviders("ecs-capacity", ClusterCapacityProvidersArgs.builder()
                .clusterName(cluster.name())
                .capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategies(ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs.builder()
                        .capacityProvider("FARGATE_SPOT").weight(1).build())
                .build(), scope.aws());
        return cluster;
    }

    private static Role executionRole(LayerScope scope, DemoPlan plan) {
        Role role = new Role("ecs-execution-role", RoleArgs.builder()
                .name(plan.names().executionRoleName())
                .description("devmin ECS execution role: pull the one image, write lane logs; reads no secret")
                .assumeRolePolicy(LanePermissions.ecsTasksTrust().toJson())
                .build(), scope.aws());
        new RolePolicy("ecs-execution-policy", RolePolicyArgs.builder()
                .role(role.id())
                .policy(plan.repositoryArn().applyValue(arn ->
                        LanePermissions.executionRolePolicy(plan.spec(), plan.names(), arn).toJson()))
                .build(), scope.aws());
        return role;
    }
}
