package stacks.iam;

import java.util.List;
import java.util.Map;

/**
 * One IAM policy statement, as data. Principals and conditions are kept in the shape IAM documents use:
 * {@code {"Federated": [arn]}} and {@code {"StringEquals": {"key": [values]}}}. A statement names either actions or
 * (for a Deny of everything else) not-actions.
 */
public record Statement(String sid, String effect, Map<String, List<String>> principal, List<String> actions,
                        List<String> notActions, List<String> resources,
                        Map<String, Map<String, List<String>>> conditions) {

    public Statement {
        principal = Map.copyOf(principal);
        actions = List.copyOf(actions);
        notActions = List.copyOf(notActions);
        resources = List.copyOf(resources);
        conditions = Map.copyOf(conditions);
    }

    public Statement(String sid, String effect, Map<String, List<String>> principal, List<String> actions,
                     List<String> resources, Map<String, Map<String, List<String>>> conditions) {
        this(sid, effect, principal, actions, List.of(), resources, conditions);
    }

    public static Statement allow(String sid, List<String> actions, List<String> resources) {
        return new Statement(sid, "Allow", Map.of(), actions, resources, Map.of());
    }

    public Statement withConditions(Map<String, Map<String, List<String>>> newConditions) {
        return new Statement(sid, effect, principal, actions, notActions, resources, newConditions);
    }

    /** The statement applied to every action except these (and to no {@code Action} list). */
    public Statement withNotActions(List<String> newNotActions) {
        return new Statement(sid, effect, principal, List.of(), newNotActions, resources, conditions);
    }
}
