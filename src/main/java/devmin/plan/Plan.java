package devmin.plan;

import devmin.evidence.Provenance;
import devmin.plan.cost.CostEstimate;
import devmin.policy.PolicyReport;
import stacks.spec.EnvironmentSpec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The offline plan of one stack: what each layer declares, the handle registry, the policy report and the cost
 * estimate against the budget, ending in a verdict.
 *
 * @param costUnavailable why there is no estimate (e.g. no prices for the region); empty when {@code cost} is set
 */
public record Plan(EnvironmentSpec spec, List<LayerSummary> layers, Map<String, String> handles,
                   PolicyReport policy, Optional<CostEstimate> cost, String costUnavailable, Provenance provenance) {

    public static final String SCHEMA = "devmin.plan-snapshot/v1";

    public Plan {
        layers = List.copyOf(layers);
        handles = Map.copyOf(handles);
    }

    /** What fails the plan: mandatory policy findings, an estimate above the budget, or no estimate at all. */
    public List<String> blockers() {
        List<String> blockers = new java.util.ArrayList<>();
        policy.mandatory().forEach(f -> blockers.add("policy " + f.ruleId() + " " + f.urn() + ": " + f.message()));
        if (cost.isEmpty()) {
            blockers.add("cost: no estimate (" + costUnavailable + ")");
        } else if (!cost.get().withinBudget()) {
            blockers.add(String.format("cost: estimated %s %.2f/month exceeds the budget devmin:budget.monthlyLimit"
                    + " of %s", cost.get().currency(), cost.get().monthlyTotal(),
                    cost.get().budgetLimit().toPlainString()));
        }
        return blockers;
    }

    public boolean passes() {
        return blockers().isEmpty();
    }
}
