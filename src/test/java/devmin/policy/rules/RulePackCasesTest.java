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

    static Stream<RuleCase> cases() {
        return Stream.of(CostRuleCases.all(), IamRuleCases.all(), WorkloadRuleCases.all()).flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleJudgesTheStack(RuleCase c) {
        List<Violation> violations = c.rule().check(new StackView(c.stack()));
        if (c.violates()) {
            assertThat(violations).as(c.toString()).isNotEmpty();
            assertThat(violations).allSatisfy(v -> assertThat(v.message()).isNotBlank());
        } else {
            assertThat(violations).as(c.toString()).isEmpty();
        }
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
    }
}
