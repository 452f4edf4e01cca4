package devmin.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceView;
import devmin.policy.StackView;
import devmin.policy.Values;
import devmin.policy.Violation;
import devmin.policy.iam.RoleGrants;
import devmin.policy.kinds.Kind;
import devmin.policy.kinds.ResourceKinds;
import devmin.policy.kinds.TypeFacts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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

    /**
     * The roles of this stack that its task definitions name in one role property ({@link #executionRole} or
     * {@link #taskRole}). A task definition naming something that is no role of the stack adds a violation to
     * {@code out}: what that role may do cannot be verified.
     *
     * @param roleWord how the violation calls the role, e.g. {@code execution role}
     */
    static Set<ResourceView> namedRoles(StackView stack, Function<ResourceView, Optional<String>> property,
                                        String roleWord, List<Violation> out) {
        Set<ResourceView> roles = new LinkedHashSet<>();
        for (ResourceView task : stack.ofKind(Kind.TASK_DEFINITION)) {
            Optional<String> path = property.apply(task);
            if (path.isPresent()) {
                RoleGrants.References refs = RoleGrants.rolesReferencedBy(stack, task, path.get());
                roles.addAll(refs.roles());
                refs.unresolved().forEach(value -> out.add(new Violation(task.urn(), "task definition '"
                        + task.name() + "' names " + roleWord + " '" + value + "' (" + path.get() + "), which is no"
                        + " role of this stack, so what it can read cannot be verified")));
            }
        }
        return roles;
    }

    static String containerName(JsonNode container) {
        return Values.field(container, "name").map(JsonNode::asText).orElse("?");
    }

    private static TypeFacts facts(ResourceView task) {
        return ResourceKinds.table().facts(task.type()).orElseThrow();
    }
}
