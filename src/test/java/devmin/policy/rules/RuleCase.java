package devmin.policy.rules;

import devmin.policy.ResourceView;
import devmin.policy.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * One rule test: a small stack, whether the rule must find a violation in it, and — for a violating case — on which
 * resource and by which sub-check (a fragment of the message naming the field or reason).
 *
 * @param group the class of problem the case belongs to (issue #18's classes), or empty
 */
record RuleCase(Rule rule, String description, boolean violates, List<ResourceView> stack, List<Expected> expected,
                String group) {

    /** A violation the case must produce: on the resource named {@code resource}, with {@code fragment} in its message. */
    record Expected(String resource, String fragment) {
    }

    static RuleCase violates(Rule rule, String description, ResourceView... stack) {
        return new RuleCase(rule, description, true, List.of(stack), List.of(), "");
    }

    static RuleCase complies(Rule rule, String description, ResourceView... stack) {
        return new RuleCase(rule, description, false, List.of(stack), List.of(), "");
    }

    /** The case must report {@code fragment} on the resource named {@code resource}. */
    RuleCase firing(String resource, String fragment) {
        List<Expected> more = new ArrayList<>(expected);
        more.add(new Expected(resource, fragment));
        return new RuleCase(rule, description, violates, stack, List.copyOf(more), group);
    }

    RuleCase in(String newGroup) {
        return new RuleCase(rule, description, violates, stack, expected, newGroup);
    }

    @Override
    public String toString() {
        return rule.id() + " " + (violates ? "rejects " : "accepts ") + description;
    }
}
