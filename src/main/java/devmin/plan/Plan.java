package devmin.plan;

import devmin.evidence.Provenance;
import devmin.plan.cost.CostEstimate;
import devmin.plan.cost.PriceGap;
import devmin.policy.PolicyReport;
import stacks.spec.EnvironmentSpec;
import stacks.spec.Placeholders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The offline plan of one stack: every declared resource, what each layer declares, the handle registry, the policy
 * report and the cost estimate against the budget, ending in a verdict.
 *
 * @param resources       every declared resource (components and providers included), in registration order
 * @param cost            the estimate, when the price table could make one
 * @param costUnavailable why there is no estimate; empty when {@code cost} is set
 * @param costGapBlocks   whether a missing estimate fails the plan (a broken price table does; a region the table
 *                        does not price yet is a warning, so a plan outside the priced regions can still pass)
 */
public record Plan(EnvironmentSpec spec, List<LayerSummary> layers, List<PlannedResource> resources,
                   Map<String, String> handles, PolicyReport policy, Optional<CostEstimate> cost,
                   String costUnavailable, boolean costGapBlocks, Provenance provenance, List<String> unsetSecrets,
                   List<Placeholders.Placeholder> placeholders) {

    public static final String SCHEMA = "devmin.plan-snapshot/v2";

    public Plan {
        layers = List.copyOf(layers);
        resources = List.copyOf(resources);
        handles = Map.copyOf(handles);
        unsetSecrets = List.copyOf(unsetSecrets);
        placeholders = List.copyOf(placeholders);
    }

    public Plan(EnvironmentSpec spec, List<LayerSummary> layers, List<PlannedResource> resources,
                Map<String, String> handles, PolicyReport policy, Optional<CostEstimate> cost, String costUnavailable,
                boolean costGapBlocks, Provenance provenance, List<String> unsetSecrets) {
        this(spec, layers, resources, handles, policy, cost, costUnavailable, costGapBlocks, provenance, unsetSecrets,
                List.of());
    }

    /**
     * What fails the plan: mandatory policy findings, an estimate above the budget (an incomplete one too: its priced
     * lines alone are above it), or a broken price table.
     */
    public List<String> blockers() {
        List<String> blockers = new ArrayList<>();
        policy.mandatory().forEach(f -> blockers.add("policy " + f.ruleId() + " " + f.urn() + ": " + f.message()));
        if (cost.isEmpty() && costGapBlocks) {
            blockers.add("cost: no estimate (" + costUnavailable + ")");
        } else if (cost.isPresent() && cost.get().exceedsBudget()) {
            CostEstimate c = cost.get();
            int bounds = c.upperBounds().size();
            blockers.add(String.format("cost: estimated %s %.2f/month exceeds the budget devmin:budget.monthlyLimit"
                    + " of %s", c.currency(), c.monthlyTotal(), c.budgetLimit().toPlainString())
                    + (c.complete() ? "" : " with " + PriceGap.lines(c.unpriced().size()) + " not priced yet")
                    + (bounds == 0 ? "" : "; it prices " + PriceGap.lines(bounds) + " at an upper bound, so the"
                    + " true month may be lower"));
        }
        return blockers;
    }

    /**
     * What a reader should know that does not fail the plan: among them an estimate the table could not make (a
     * region it does not price) or could make only in part (lines whose price it states unknown, each named).
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        unsetSecrets.forEach(key -> warnings.add(key + " is not set in this stack: pulumi refuses the stack until it"
                + " is (pulumi config set --secret " + key + ")"));
        placeholders.forEach(p -> warnings.add("placeholder: " + p.describe() + "; replace it before a real deploy"
                + " (devmin preflight refuses it)"));
        if (cost.isEmpty() && !costGapBlocks) {
            warnings.add("cost: no estimate and no budget check (" + costUnavailable + ")");
        }
        cost.filter(c -> !c.complete()).ifPresent(c -> warnings.add(String.format("cost: incomplete estimate%s:"
                + " %s not priced (%s); the priced lines come to %s %.2f/month of the budget %s",
                c.exceedsBudget() ? "" : ", no budget check", PriceGap.lines(c.unpriced().size()),
                c.unpriced().stream().map(PriceGap::describe).collect(Collectors.joining("; ")), c.currency(),
                c.monthlyTotal(), c.budgetLimit().toPlainString())));
        return warnings;
    }

    public boolean passes() {
        return blockers().isEmpty();
    }
}
