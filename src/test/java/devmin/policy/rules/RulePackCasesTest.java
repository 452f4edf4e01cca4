package devmin.policy.rules;

import devmin.policy.Rule;
import devmin.policy.RulePack;
import devmin.policy.StackView;
import devmin.policy.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of the pack against small stacks that must violate it, and stacks that must not. */
class RulePackCasesTest {

    /** The classes of problem issue #18 names; each needs its own violating and compliant cases. */
    static final List<String> GROUPS = List.of(ProviderTypeCases.GROUP, FailClosedCases.SECRETS,
            FailClosedCases.FAIL_CLOSED, FailClosedCases.EMPTY_IS_ABSENT, EffectiveReasoningCases.NAT_ROUTES,
            EffectiveReasoningCases.EFFECTIVE, AwsSemanticsCases.GROUP);

    static Stream<RuleCase> cases() {
        return Stream.of(CostRuleCases.all(), IamRuleCases.all(), WorkloadRuleCases.all(), ProviderTypeCases.all(),
                FailClosedCases.all(), EffectiveReasoningCases.all(), AwsSemanticsCases.all()).flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleJudgesTheStack(RuleCase c) {
        List<Violation> violations = c.rule().check(new StackView(c.stack()));
        if (!c.violates()) {
            assertThat(violations).as(c.toString()).isEmpty();
            return;
        }
        assertThat(c.expected()).as(c + ": a violating case names the resource and sub-check that fire").isNotEmpty();
        for (RuleCase.Expected e : c.expected()) {
            assertThat(violations).as(c + " on '" + e.resource() + "' with '" + e.fragment() + "'")
                    .anySatisfy(v -> {
                        assertThat(v.urn()).endsWith("::" + e.resource());
                        assertThat(v.message()).contains(e.fragment());
                    });
        }
        List<String> urns = c.stack().stream().map(devmin.policy.ResourceView::urn).toList();
        assertThat(violations).as(c + ": every violation names a resource of the stack")
                .allSatisfy(v -> assertThat(urns).contains(v.urn()));
    }

    @Test
    void everyRuleHasAtLeastThreeViolatingAndTwoCompliantCases() {
        Map<String, List<RuleCase>> byRule = cases().collect(Collectors.groupingBy(c -> c.rule().id()));
        for (Rule rule : RulePack.devmin().rules()) {
            List<RuleCase> ruleCases = byRule.getOrDefault(rule.id(), List.of());
            assertThat(ruleCases.stream().filter(RuleCase::violates).count()).as(rule.id()).isGreaterThanOrEqualTo(3);
            assertThat(ruleCases.stream().filter(c -> !c.violates()).count()).as(rule.id()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void everyClassOfProblemHasAtLeastThreeViolatingAndTwoCompliantCases() {
        Map<String, List<RuleCase>> byGroup = cases().collect(Collectors.groupingBy(RuleCase::group));
        for (String group : GROUPS) {
            List<RuleCase> groupCases = byGroup.getOrDefault(group, List.of());
            assertThat(groupCases.stream().filter(RuleCase::violates).count()).as(group).isGreaterThanOrEqualTo(3);
            assertThat(groupCases.stream().filter(c -> !c.violates()).count()).as(group).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void ruleIdsAndNamesAreUniqueAndEveryRuleSaysWhatItRequires() {
        List<Rule> rules = RulePack.devmin().rules();
        assertThat(rules).extracting(Rule::id).doesNotHaveDuplicates().allMatch(id -> id.matches("DM-[A-Z]+-\\d{3}"));
        assertThat(rules).extracting(Rule::name).doesNotHaveDuplicates();
        assertThat(rules).allSatisfy(r -> {
            assertThat(r.statement()).endsWith(".");
            assertThat(r.remediation()).isNotBlank();
        });
        assertThat(rules).filteredOn(r -> !r.waivable()).extracting(Rule::id)
                .containsExactlyInAnyOrder("DM-COST-001", "DM-IAM-001", "DM-IAM-003");
        assertThat(rules).filteredOn(Rule::stackLevel).as("rules that relate resources run once per stack")
                .extracting(Rule::id).containsExactlyInAnyOrder("DM-COST-005", "DM-IAM-001", "DM-IAM-002",
                        "DM-IAM-003", "DM-DATA-001", "DM-LAYER-002");
        assertThat(rules).filteredOn(r -> r.defaultEnforcement() != devmin.policy.Enforcement.MANDATORY)
                .extracting(Rule::id).containsExactly("DM-KIND-001");
    }
}
