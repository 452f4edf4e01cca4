package devmin.plan;

import devmin.evidence.Provenance;
import devmin.plan.cost.CostEstimate;
import devmin.plan.cost.CostLine;
import devmin.plan.cost.PriceGap;
import devmin.policy.Enforcement;
import devmin.policy.Finding;
import devmin.policy.PolicyReport;
import devmin.policy.Severity;
import org.junit.jupiter.api.Test;
import stacks.spec.Placeholders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate before {@code pulumi up}, decided on a plan built in memory (no program preview). */
class PlanBlockersTest {

    private static final Provenance PROVENANCE = new Provenance("1.0.0", "unknown", "dev-min", "tag", "sha256:x",
            Instant.EPOCH, Instant.EPOCH);
    private static final Finding NAT = new Finding("DM-COST-001", "no-nat-gateway", Severity.CRITICAL,
            Enforcement.MANDATORY, "urn:nat", "NAT gateway 'nat' is declared", "remove it");
    private static final Finding UNKNOWN_TYPE = new Finding("DM-KIND-001", "aws-types-are-known", Severity.LOW,
            Enforcement.ADVISORY, "urn:x", "unknown type", "add it");

    private static PolicyReport policy(Finding... findings) {
        return new PolicyReport("devmin-policies", 3, List.of(findings), List.of(), List.of(), List.of());
    }

    private static CostEstimate costing(double monthlyTotal) {
        return new CostEstimate("USD", 10, 1, 20, 0, monthlyTotal, List.of(), List.of(), List.of(), List.of(),
                List.of(), new BigDecimal("30"), List.of());
    }

    private static Plan plan(PolicyReport policy, Optional<CostEstimate> cost, String unavailable, boolean gapBlocks,
                             List<String> unsetSecrets) {
        // the spec is not read by the verdict; the plan record does not need it to decide
        return new Plan(null, List.of(), List.of(), Map.of(), policy, cost, unavailable, gapBlocks, PROVENANCE,
                unsetSecrets);
    }

    @Test
    void aCleanPlanWithinBudgetPasses() {
        Plan plan = plan(policy(UNKNOWN_TYPE), Optional.of(costing(29.99)), "", true, List.of());

        assertThat(plan.blockers()).isEmpty();
        assertThat(plan.warnings()).isEmpty();
        assertThat(plan.passes()).isTrue();
    }

    @Test
    void aMandatoryFindingBlocksNamingRuleUrnAndMessage() {
        Plan plan = plan(policy(NAT, UNKNOWN_TYPE), Optional.of(costing(1)), "", true, List.of());

        assertThat(plan.blockers()).containsExactly("policy DM-COST-001 urn:nat: NAT gateway 'nat' is declared");
        assertThat(plan.passes()).isFalse();
    }

    @Test
    void anEstimateExactlyOnTheBudgetIsWithinIt() {
        assertThat(plan(policy(), Optional.of(costing(30.0)), "", true, List.of()).blockers()).isEmpty();
    }

    @Test
    void anEstimateAboveTheBudgetBlocksWithTheAmountAndTheLimit() {
        Plan plan = plan(policy(), Optional.of(costing(30.004)), "", true, List.of());

        assertThat(plan.blockers()).containsExactly(
                "cost: estimated USD 30.00/month exceeds the budget devmin:budget.monthlyLimit of 30");
        assertThat(plan.passes()).isFalse();
    }

    @Test
    void noEstimateBlocksWhenTheGapBlocksAndOtherwiseWarns() {
        Plan broken = plan(policy(), Optional.empty(), "price table unreadable", true, List.of());
        Plan unpriced = plan(policy(), Optional.empty(), "no prices for ap-east-2", false, List.of());

        assertThat(broken.blockers()).containsExactly("cost: no estimate (price table unreadable)");
        assertThat(broken.warnings()).isEmpty();
        assertThat(unpriced.blockers()).isEmpty();
        assertThat(unpriced.passes()).isTrue();
        assertThat(unpriced.warnings()).containsExactly("cost: no estimate and no budget check (no prices for ap-east-2)");
    }

    private static final PriceGap CLOUD_MAP = new PriceGap("Cloud Map names", "cloud_map_instance_month", "us-east-1",
            "no first-party figure");

    private static CostEstimate incomplete(double monthlyTotal) {
        return new CostEstimate("USD", 10, 1, 20, 0, monthlyTotal, List.of(), List.of(), List.of(), List.of(),
                List.of(), new BigDecimal("30"), List.of(), List.of(CLOUD_MAP));
    }

    /** Like a region the table does not price: a warning naming what is missing, and no budget verdict. */
    @Test
    void anIncompleteEstimateWarnsNamingEachLineItCouldNotPriceAndChecksNoBudget() {
        Plan plan = plan(policy(), Optional.of(incomplete(5)), "", true, List.of());

        assertThat(plan.blockers()).isEmpty();
        assertThat(plan.warnings()).containsExactly("cost: incomplete estimate, no budget check: 1 line not priced"
                + " (Cloud Map names: no price cloud_map_instance_month for us-east-1 (no first-party figure));"
                + " the priced lines come to USD 5.00/month of the budget 30");
        assertThat(plan.passes()).isTrue();
    }

    @Test
    void anIncompleteEstimateWhosePricedLinesExceedTheBudgetBlocks() {
        Plan plan = plan(policy(), Optional.of(incomplete(31)), "", true, List.of());

        assertThat(plan.blockers()).containsExactly("cost: estimated USD 31.00/month exceeds the budget"
                + " devmin:budget.monthlyLimit of 30 with 1 line not priced yet");
        assertThat(plan.warnings()).singleElement().asString().startsWith("cost: incomplete estimate: 1 line not priced")
                .contains("cloud_map_instance_month for us-east-1");
        assertThat(plan.passes()).isFalse();
    }

    /** An upper bound over the budget still blocks (fail closed), and says the true month may be lower. */
    @Test
    void anEstimateOverTheBudgetThroughAnUpperBoundBlocksAndSaysSo() {
        CostLine spot = new CostLine("Fargate Spot: ig", "upper bound: on-demand price; no Spot price for us-east-1",
                1.5, "on-demand price; no Spot price for us-east-1");
        CostEstimate bounded = new CostEstimate("USD", 1, 1.5, 20, 0, 31, List.of(), List.of(spot), List.of(),
                List.of(), List.of(), new BigDecimal("30"), List.of());

        assertThat(plan(policy(), Optional.of(bounded), "", true, List.of()).blockers()).containsExactly(
                "cost: estimated USD 31.00/month exceeds the budget devmin:budget.monthlyLimit of 30; it prices 1 line"
                        + " at an upper bound, so the true month may be lower");
    }

    /** An example value left in the stack file is said, with where it is, but does not fail the plan. */
    @Test
    void aPlaceholderIsAWarningNamingItAndPreflightsRefusal() {
        Placeholders.Placeholder account = new Placeholders.Placeholder("devmin:awsAccountId", "123456789012",
                "Pulumi.dev-min.yaml:11", "AWS's documented example account id: set your account's");
        Plan plan = new Plan(null, List.of(), List.of(), Map.of(), policy(), Optional.of(costing(1)), "", true,
                PROVENANCE, List.of(), List.of(account));

        assertThat(plan.warnings()).containsExactly("placeholder: " + account.describe()
                + "; replace it before a real deploy (devmin preflight refuses it)");
        assertThat(plan.warnings().get(0)).contains("Pulumi.dev-min.yaml:11: devmin:awsAccountId")
                .contains("'123456789012'");
        assertThat(plan.passes()).isTrue();
    }

    @Test
    void anUnsetSecretIsAWarningThatSaysHowToSetIt() {
        Plan plan = plan(policy(), Optional.of(costing(1)), "", true, List.of("devmin:igApiKey"));

        assertThat(plan.warnings()).containsExactly("devmin:igApiKey is not set in this stack: pulumi refuses the stack"
                + " until it is (pulumi config set --secret devmin:igApiKey)");
        assertThat(plan.passes()).isTrue();
    }

    @Test
    void thePlanKeepsCopies() {
        List<String> unset = new ArrayList<>(List.of("a"));
        Plan plan = plan(policy(), Optional.of(costing(1)), "", true, unset);
        unset.add("b");

        assertThat(plan.unsetSecrets()).containsExactly("a");
    }
}
