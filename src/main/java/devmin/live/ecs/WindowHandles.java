package devmin.live.ecs;

import devmin.live.aws.ResourceArn;
import stacks.handles.HandleName;
import stacks.spec.LaneSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a window's stack outputs name for running lanes: the cluster, the subnets and security group tasks start in,
 * and each lane's task definition with its revision (what {@code pulumi up} declared, the revision readiness expects
 * ECS to run). Read from the stack output {@code handles}; anything missing or malformed is refused, naming the handle.
 *
 * @param clusterArn      {@code ECS_CLUSTER_ARN}
 * @param subnets         {@code ECS_SUBNET_IDS}, comma-separated in the output
 * @param securityGroup   {@code ECS_SECURITY_GROUP_ID}
 * @param taskDefinitions lane name to its {@code TASK_DEFINITION_<LANE>} ARN
 */
public record WindowHandles(String clusterArn, List<String> subnets, String securityGroup,
                            Map<String, String> taskDefinitions) {

    public WindowHandles {
        subnets = List.copyOf(subnets);
        taskDefinitions = Map.copyOf(taskDefinitions);
    }

    /**
     * The handles the given lanes need, from the stack output {@code handles}.
     *
     * @param network also require the subnets and security group (to start a task, not to inspect one)
     * @throws IllegalArgumentException listing every missing or malformed handle
     */
    public static WindowHandles of(Map<String, String> handles, List<LaneSpec> lanes, boolean network) {
        List<String> problems = new ArrayList<>();
        String cluster = arnOf(handles, HandleName.ECS_CLUSTER_ARN, "ecs:cluster", "the demo cluster's ARN", problems);
        Map<String, String> definitions = new LinkedHashMap<>();
        for (LaneSpec lane : lanes) {
            String name = HandleName.taskDefinition(lane.name());
            String arn = arnOf(handles, name, "ecs:task-definition", "the ARN of lane " + lane.name()
                    + "'s task definition with its revision (…:task-definition/family:revision)", problems);
            if (!arn.isEmpty() && !arn.matches(".*:task-definition/[^:/]+:\\d+")) {
                problems.add(name + ": got '" + arn + "', expected a task definition ARN ending in family:revision");
            }
            definitions.put(lane.name(), arn);
        }
        List<String> subnets = List.of();
        String group = "";
        if (network) {
            subnets = Arrays.stream(value(handles, HandleName.ECS_SUBNET_IDS, problems).split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
            subnets.stream().filter(s -> !s.matches("subnet-[0-9a-f]+")).forEach(s -> problems.add(
                    HandleName.ECS_SUBNET_IDS + ": got '" + s + "', expected subnet ids (subnet-…), comma-separated"));
            if (subnets.isEmpty() && handles.containsKey(HandleName.ECS_SUBNET_IDS)) {
                problems.add(HandleName.ECS_SUBNET_IDS + ": got '', expected at least one subnet id");
            }
            group = value(handles, HandleName.ECS_SECURITY_GROUP_ID, problems);
            if (!group.isEmpty() && !group.matches("sg-[0-9a-f]+")) {
                problems.add(HandleName.ECS_SECURITY_GROUP_ID + ": got '" + group + "', expected a security group id"
                        + " (sg-…)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the stack outputs do not name what this command needs (run 'pulumi"
                    + " stack output --json' after 'pulumi up' of this window): " + String.join("; ", problems));
        }
        return new WindowHandles(cluster, subnets, group, definitions);
    }

    public String taskDefinition(String lane) {
        return Optional.ofNullable(taskDefinitions.get(lane)).orElseThrow(() -> new IllegalArgumentException(
                "no task definition handle for lane " + lane));
    }

    private static String arnOf(Map<String, String> handles, String name, String kind, String expected,
                                List<String> problems) {
        String value = value(handles, name, problems);
        if (value.isEmpty()) {
            return "";
        }
        try {
            if (ResourceArn.parse(value).kind().equals(kind)) {
                return value;
            }
        } catch (IllegalArgumentException notAnArn) {
            // reported below
        }
        problems.add(name + ": got '" + value + "', expected " + expected);
        return "";
    }

    private static String value(Map<String, String> handles, String name, List<String> problems) {
        String value = handles.get(name);
        if (value == null || value.isBlank()) {
            problems.add(name + ": missing");
            return "";
        }
        return value.trim();
    }
}
