package stacks.core;

import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import stacks.LayerScope;
import stacks.demo.DemoNames;
import stacks.handles.HandleName;
import stacks.handles.HandleRegistry;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roles the demo layer's tasks run as: the ECS execution role (pull the one image, write the lanes' logs, read no
 * secret) and one task role per lane (its own handles and prefixes). Roles cost nothing, so they persist in core,
 * protected, and only an administrator's {@code pulumi up} creates or changes them: the window role only passes them
 * to ECS tasks and writes no IAM. Every one carries the demo permissions boundary; each lane role is tagged with its
 * lane, which the boundary reads ({@code aws:PrincipalTag}) to keep a lane to its own Kafka credentials.
 */
final class LaneRoles {

    /** The principal tag that names a lane role's lane: the boundary's policy variable. */
    static final String LANE_TAG = "devmin:lane";

    private final Map<String, List<Resource>> laneRoles = new LinkedHashMap<>();
    private final DemoNames names;
    private final List<Resource> execution;
    private final Policy boundary;
    private final String boundaryArn;

    LaneRoles(LayerScope scope, EnvironmentSpec spec, CoreNames core) {
        this.names = DemoNames.of(spec);
        this.boundaryArn = core.demoBoundaryArn();
        this.boundary = new Policy("demo-permissions-boundary", PolicyArgs.builder()
                .name(core.demoBoundaryName())
                .description("devmin: the most a demo task's role may do (its permissions boundary)")
                .policy(CorePolicies.demoBoundaryPolicy(core, spec).toJson())
                .build(), scope.aws());
        Role executionRole = new Role("ecs-execution-role", RoleArgs.builder()
                .name(names.executionRoleName())
                .description("devmin ECS execution role: pull the one image, write lane logs; reads no secret")
                .assumeRolePolicy(LanePermissions.ecsTasksTrust(spec.awsAccountId(), spec.awsRegion()).toJson())
                .permissionsBoundary(boundaryArn)
                .build(), scope.aws(List.of(boundary)));
        RolePolicy executionPolicy = new RolePolicy("ecs-execution-policy", RolePolicyArgs.builder()
                .role(executionRole.id())
                .policy(LanePermissions.executionRolePolicy(spec, names, core.ecrRepositoryArn()).toJson())
                .build(), scope.aws());
        this.execution = List.of(executionRole, executionPolicy);
        for (LaneSpec lane : spec.lanes()) {
            laneRoles.put(lane.name(), laneRole(scope, spec, lane, core.bucketArn(), boundary, boundaryArn));
        }
    }

    private List<Resource> laneRole(LayerScope scope, EnvironmentSpec spec, LaneSpec lane, String bucketArn,
                                    Resource boundary, String boundaryArn) {
        Role role = new Role("lane-role-" + lane.name(), RoleArgs.builder()
                .name(names.laneRoleName(lane.name()))
                .description("devmin lane " + lane.name() + ": its own SSM handles and S3 prefixes only")
                .assumeRolePolicy(LanePermissions.ecsTasksTrust(spec.awsAccountId(), spec.awsRegion()).toJson())
                .permissionsBoundary(boundaryArn)
                .tags(Map.of(LANE_TAG, lane.name()))
                .build(), scope.aws(List.of(boundary)));
        List<Resource> resources = new ArrayList<>(List.of(role));
        if (!lane.reads().isEmpty() || !lane.s3Access().isEmpty()) {
            resources.add(new RolePolicy("lane-policy-" + lane.name(), RolePolicyArgs.builder()
                    .role(role.id())
                    .policy(LanePermissions.taskRolePolicy(spec, lane, bucketArn).toJson())
                    .build(), scope.aws()));
        }
        return List.copyOf(resources);
    }

    /** Role ARNs are derived from names (known at preview); the handle carries the role and its policy. */
    void publish(HandleRegistry handles, String publisher) {
        handles.publish(HandleName.IAM_DEMO_PERMISSIONS_BOUNDARY, publisher, boundaryArn, boundary);
        handles.publish(HandleName.ROLE_ECS_TASK_EXECUTION, publisher,
                Output.of(names.roleArn(names.executionRoleName())), execution);
        laneRoles.forEach((lane, resources) -> handles.publish(HandleName.laneRole(lane), publisher,
                Output.of(names.roleArn(names.laneRoleName(lane))), resources));
    }
}
