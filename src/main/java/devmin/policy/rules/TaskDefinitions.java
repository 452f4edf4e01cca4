package devmin.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceView;
import devmin.policy.Values;
import devmin.policy.kinds.Kind;
import devmin.policy.kinds.ResourceKinds;
import devmin.policy.kinds.TypeFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The containers and roles of anything the kind table calls a task definition: pulumi-aws's and aws-native's
 * {@code containerDefinitions} (JSON text or a list), awsx's {@code container} and {@code containers} map (also inside a
 * service's {@code taskDefinitionArgs}), aws-native's {@code primaryContainer}.
 */
final class TaskDefinitions {

    private TaskDefinitions() {
    }

    /**
     * @param containers every container definition that can be read, sidecars included
     * @param unreadable the properties holding container definitions that cannot be read (unknown, secret, not JSON)
     */
    record Containers(List<JsonNode> containers, List<String> unreadable) {
    }

    static boolean is(ResourceView r) {
        return ResourceKinds.table().is(r.type(), Kind.TASK_DEFINITION);
    }

    static Containers of(ResourceView task) {
        List<JsonNode> containers = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (String path : facts(task).properties("containers")) {
            Optional<JsonNode> value = task.path(path);
            if (value.isEmpty()) {
                continue;
            }
            Optional<JsonNode> tree = Values.tree(value.get());
            if (tree.isEmpty()) {
                unreadable.add(path);
            } else if (tree.get().isArray()) {
                containers.addAll(Values.elements(tree.get()));
            } else if (path.endsWith("containers") && tree.get().isObject()) {
                tree.get().forEach(c -> {
                    if (!Values.isAbsent(c)) {
                        containers.add(c);
                    }
                });
            } else {
                containers.add(tree.get());
            }
        }
        return new Containers(containers, unreadable);
    }

    /** The property (dotted path) naming the execution role, e.g. {@code executionRoleArn}. */
    static Optional<String> executionRole(ResourceView task) {
        return facts(task).property("executionRole");
    }

    /** The property (dotted path) naming the task (lane) role, e.g. {@code taskRoleArn}. */
    static Optional<String> taskRole(ResourceView task) {
        return facts(task).property("taskRole");
    }

    static String containerName(JsonNode container) {
        return Values.field(container, "name").map(JsonNode::asText).orElse("?");
    }

    private static TypeFacts facts(ResourceView task) {
        return ResourceKinds.table().facts(task.type()).orElseThrow();
    }
}
