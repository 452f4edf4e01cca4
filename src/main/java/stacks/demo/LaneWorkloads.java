package stacks.demo;

import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterCapacityProviders;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ServiceServiceRegistriesArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import stacks.LayerScope;
import stacks.handles.Handle;
import stacks.handles.HandleName;
import stacks.handles.HandleRegistry;
import stacks.spec.LaneSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per lane: a task definition from the single pinned image that runs as the lane's own role (core's), and for
 * services an ECS service that rolls back a crash-looping deployment. Every service depends on everything it needs
 * to start: the cluster's capacity providers, the execution and task roles with their policies, the subnets' routes
 * to the internet, and every resource behind every handle its lane reads.
 */
final class LaneWorkloads {

    /** What every lane shares from the rest of the demo layer. */
    record Shared(Cluster cluster, ClusterCapacityProviders capacity, DemoNetwork network, Handle execution,
                  LaneDiscovery discovery, HandleRegistry handles) {
    }

    private final Map<String, TaskDefinition> tasks = new LinkedHashMap<>();

    LaneWorkloads(LayerScope scope, DemoPlan plan, Shared shared) {
        for (LaneSpec lane : plan.spec().lanes()) {
            Handle role = shared.handles().require(HandleName.laneRole(lane.name()),
                    DemoStack.PUBLISHER + "/" + lane.name());
            Map<String, Handle> callees = callees(lane, shared.handles());
            TaskDefinition task = taskDefinition(scope, plan, lane, shared, role, callees);
            tasks.put(lane.name(), task);
            if (lane.isService()) {
                List<Resource> needs = new ArrayList<>(serviceNeeds(plan, lane, shared, role, task));
                callees.values().forEach(callee -> needs.addAll(callee.resources()));
                service(scope, lane, shared, task, needs, rolloutTriggers(plan, lane));
            }
        }
    }

    /** The addresses of the lanes this lane calls, by handle name ({@code LANE_ADDRESS_IG}). */
    private static Map<String, Handle> callees(LaneSpec lane, HandleRegistry handles) {
        Map<String, Handle> out = new LinkedHashMap<>();
        lane.calls().forEach(callee -> out.put(HandleName.laneAddress(callee),
                handles.require(HandleName.laneAddress(callee), DemoStack.PUBLISHER + "/" + lane.name())));
        return out;
    }

    private static TaskDefinition taskDefinition(LayerScope scope, DemoPlan plan, LaneSpec lane, Shared shared,
                                                 Handle role, Map<String, Handle> callees) {
        List<Resource> needs = new ArrayList<>(plan.lane(lane.name()).logGroup().resources());
        needs.addAll(shared.execution().resources());
        needs.addAll(role.resources());
        return new TaskDefinition("task-" + lane.name(), TaskDefinitionArgs.builder()
                .family(plan.names().taskFamily(lane.name()))
                .networkMode("awsvpc")
                .requiresCompatibilities("FARGATE")
                .cpu(String.valueOf(lane.cpu()))
                .memory(String.valueOf(lane.memory()))
                .executionRoleArn(shared.execution().value())
                .taskRoleArn(role.value())
                .volumes(TaskDefinitionVolumeArgs.builder().name(LaneContainer.SCRATCH_VOLUME).build())
                .containerDefinitions(containerDefinitions(plan, lane, callees))
                .build(), scope.aws(needs));
    }

    /**
     * Everything a lane's service must not start before. The task definition is named explicitly too: its ARN is
     * unknown during a preview, and an unknown output carries no dependency in the Java SDK's registrations.
     */
    private static List<Resource> serviceNeeds(DemoPlan plan, LaneSpec lane, Shared shared, Handle role,
                                               TaskDefinition task) {
        List<Resource> needs = new ArrayList<>(List.of(task, shared.capacity()));
        needs.addAll(shared.execution().resources());
        needs.addAll(role.resources());
        needs.addAll(shared.network().routeAssociations());
        plan.lane(lane.name()).reads().values().forEach(handle -> needs.addAll(handle.resources()));
        if (!lane.s3Access().isEmpty()) {
            needs.addAll(plan.bucketName().resources());
        }
        return needs.stream().distinct().toList();
    }

    private static Output<String> containerDefinitions(DemoPlan plan, LaneSpec lane, Map<String, Handle> callees) {
        Map<String, Handle> handles = new LinkedHashMap<>(plan.lane(lane.name()).reads());
        handles.putAll(callees);
        List<Output<String>> inputs = new ArrayList<>();
        inputs.add(plan.repositoryUriValue());
        inputs.add(plan.bucketName().value());
        handles.values().forEach(h -> inputs.add(h.value()));
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

    /**
     * The versions of the parameters a lane reads (never a value): every write of a parameter changes its version, so
     * a rotated credential changes the service's triggers and the service redeploys, and its new tasks read the new
     * value. They are not put in the task definition: unknown during a preview, they would make its container
     * definitions unreadable, and the execution-role rule refuses what it cannot read.
     */
    private static Output<Map<String, String>> rolloutTriggers(DemoPlan plan, LaneSpec lane) {
        Map<String, Handle> handles = plan.lane(lane.name()).reads();
        List<String> revised = handles.keySet().stream().filter(h -> handles.get(h).revision().isPresent()).sorted()
                .toList();
        return Output.all(revised.stream().map(h -> handles.get(h).revision().orElseThrow()).toList())
                .applyValue(versions -> {
                    Map<String, String> triggers = new java.util.TreeMap<>();
                    for (int i = 0; i < revised.size(); i++) {
                        triggers.put(revised.get(i), versions.get(i));
                    }
                    return triggers;
                });
    }

    private static void service(LayerScope scope, LaneSpec lane, Shared shared, TaskDefinition task,
                                List<Resource> needs, Output<Map<String, String>> triggers) {
        ServiceArgs.Builder args = ServiceArgs.builder()
                .name(lane.name())
                .cluster(shared.cluster().arn())
                .taskDefinition(task.arn())
                .desiredCount(lane.desiredCount())
                .capacityProviderStrategies(CapacityStrategy.serviceArgs(lane))
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(Output.all(shared.network().subnetIds()))
                        .securityGroups(shared.network().lanesSecurityGroup().id().applyValue(List::of))
                        .assignPublicIp(true)
                        .build())
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder()
                        .enable(true).rollback(true).build())
                .waitForSteadyState(true)
                .forceNewDeployment(true)
                .triggers(triggers)
                .propagateTags("SERVICE")
                .enableEcsManagedTags(true);
        shared.discovery().registryOf(lane.name()).ifPresent(registry -> args.serviceRegistries(
                ServiceServiceRegistriesArgs.builder().registryArn(registry.arn()).build()));
        new Service("service-" + lane.name(), args.build(), ServiceWait.bounded(scope.aws(needs)));
    }

    void publish(HandleRegistry handles) {
        tasks.forEach((lane, task) -> handles.publish(HandleName.taskDefinition(lane), DemoStack.PUBLISHER,
                task.arn(), task));
    }
}
