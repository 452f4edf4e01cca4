package devmin.policy.rules;

import devmin.policy.Severity;
import devmin.policy.StackView;
import devmin.policy.Violation;

import java.util.List;

/** The stack declares an AWS cost budget with at least one alert. */
public final class StackHasBudget extends AbstractRule {

    static final String BUDGET = "aws:budgets/budget:Budget";

    public StackHasBudget() {
        super("DM-COST-005", "stack-has-budget", Severity.HIGH,
                "The stack declares an AWS cost budget with at least one alert notification.",
                "Keep devmin:budget in the stack config; the core layer turns it into an AWS budget with alerts.");
    }

    @Override
    public boolean stackLevel() {
        return true;
    }

    @Override
    public List<Violation> check(StackView stack) {
        var budgets = stack.ofType(BUDGET);
        if (budgets.isEmpty()) {
            String urn = stack.resources().stream().filter(r -> r.type().equals("pulumi:pulumi:Stack"))
                    .map(r -> r.urn()).findFirst().orElse("stack");
            return List.of(new Violation(urn, "the stack declares no AWS budget"));
        }
        return budgets.stream().filter(b -> b.property("notifications").map(n -> n.size() == 0).orElse(true))
                .map(b -> new Violation(b.urn(), "budget '" + b.name() + "' alerts nobody"))
                .toList();
    }
}
