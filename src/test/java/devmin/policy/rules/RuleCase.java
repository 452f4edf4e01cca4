package devmin.policy.rules;

import devmin.policy.ResourceView;
import devmin.policy.Rule;

import java.util.List;

/** One rule test: a small stack, and whether the rule must find a violation in it. */
record RuleCase(Rule rule, String description, boolean violates, List<ResourceView> stack) {

    static RuleCase violates(Rule rule, String description, ResourceView... stack) {
        return new RuleCase(rule, description, true, List.of(stack));
    }

    static RuleCase complies(Rule rule, String description, ResourceView... stack) {
        return new RuleCase(rule, description, false, List.of(stack));
    }

    @Override
    public String toString() {
        return rule.id() + " " + (violates ? "rejects " : "accepts ") + description;
    }
}
