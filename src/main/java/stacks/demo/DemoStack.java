package stacks.demo;

import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.ClusterCapacityProviders;
import com.pulumi.aws.ecs.ClusterCapacityProvidersArgs;
import com.pulumi.aws.ecs.inputs.ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import stacks.Layer;
import stacks.LayerScope;
import stacks.handles.Handle;
import stacks.handles.HandleName;
import stacks.handles.HandleRegistry;
import stacks.spec.EnvironmentSpec;
import stacks.spec.ImageSpec;

import java.util.Map;

/**
 * The ephemeral demo layer (never protected): a no-NAT network, an ECS cluster on Fargate/Fargate Spot, one task
 * definition (and for services, ECS service) per lane, Cloud Map names for the lanes others call, and optionally RDS.
 * The roles its tasks run as are core's (persistent, changed only by an administrator): the demo layer names them by
 * handle, so a window creates, changes and deletes no IAM. Nothing of it is declared before the pinned image is
 * verified to be in the repository ({@link PinnedImageGate}).
 */
public final class DemoStack extends ComponentResource {

    static final String PUBLISHER = "DemoStack";

    private final LayerScope scope;
    private final ImageSpec image;

    /**
     * The layer's component and its AWS provider only, which is all the image gate's ECR lookup needs; the program
     * calls {@link #declare} once it has seen the gate pass, so nothing that costs or runs precedes the gate.
     */
    public DemoStack(String name, EnvironmentSpec spec, ComponentResourceOptions options) {
        super(Layer.DEMO.componentType(), name, options);
        this.scope = new LayerScope(Layer.DEMO, this, spec);
        this.image = spec.image();
    }

    /**
     * Resolves once ECR holds the pinned image under its tag (at once in a preview), through this layer's provider;
     * otherwise it fails the run with {@link PinnedImageGate#BLOCKER}.
     */
    public Output<ImageSpec> pinnedImageVerified() {
        return PinnedImageGate.verify(image, scope.awsProvider());
    }

    /** Declares the layer's resources: call it only once {@link #pinnedImageVerified()} has resolved. */
    public void declare(DemoPlan plan, HandleRegistry handles, DemoSecrets secrets) {
        DemoNames names = plan.names();
        DemoNetwork network = new DemoNetwork(scope, SubnetPlan.of(plan.spec().awsRegion()), plan.spec().lanes());
        Cluster cluster = new Cluster("ecs-cluster", ClusterArgs.builder()
                .name(names.clusterName())
                .settings(ClusterSettingArgs.builder().name("containerInsights").value("disabled").build())
                .build(), scope.aws());
        ClusterCapacityProviders capacity = capacityProviders(scope, cluster);
        Handle execution = handles.require(HandleName.ROLE_ECS_TASK_EXECUTION, PUBLISHER);

        LaneDiscovery discovery = new LaneDiscovery(scope, names, network, plan.spec().lanes());
        discovery.publish(handles, plan.spec().lanes());
        LaneWorkloads lanes = new LaneWorkloads(scope, plan,
                new LaneWorkloads.Shared(cluster, capacity, network, execution, discovery, handles));
        lanes.publish(handles);
        publishRunTaskHandles(handles, cluster, network);
        if (plan.spec().database().enabled()) {
            new DemoDatabase(scope, plan, network, secrets);
        }
        registerOutputs(Map.of("clusterName", cluster.name(), "vpcId", network.vpcId()));
    }

    /** A FARGATE_SPOT strategy is refused until the cluster has the provider: services wait for this. */
    private static ClusterCapacityProviders capacityProviders(LayerScope scope, Cluster cluster) {
        return new ClusterCapacityProviders("ecs-capacity", ClusterCapacityProvidersArgs.builder()
                .clusterName(cluster.name())
                .capacityProviders("FARGATE", "FARGATE_SPOT")
                .defaultCapacityProviderStrategies(ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs.builder()
                        .capacityProvider("FARGATE_SPOT").weight(1).build())
                .build(), scope.aws());
    }

    /** What {@code RunTask} needs to start a job lane: the cluster, the subnets and the lanes' security group. */
    private static void publishRunTaskHandles(HandleRegistry handles, Cluster cluster, DemoNetwork network) {
        handles.publish(HandleName.ECS_CLUSTER_ARN, PUBLISHER, cluster.arn(), cluster);
        handles.publish(HandleName.ECS_SUBNET_IDS, PUBLISHER, Output.all(network.subnetIds())
                .applyValue(ids -> String.join(",", ids)), network.routeAssociations());
        handles.publish(HandleName.ECS_SECURITY_GROUP_ID, PUBLISHER, network.lanesSecurityGroup().id(),
                network.lanesSecurityGroup());
    }
}
