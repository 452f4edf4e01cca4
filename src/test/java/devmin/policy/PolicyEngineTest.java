package devmin.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static devmin.policy.Views.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Waivers and enforcement levels as README promises them: reasoned, owned, expiring, never for three rules. */
class PolicyEngineTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final com.fasterxml.jackson.databind.JsonNode TAGS = tree("{'devmin:layer':'demo'}");
    static final String REASON = "Two-hour partner demo needs one public HTTPS endpoint";
    static final ResourceView ALB = demo("aws:lb/loadBalancer:LoadBalancer", "partner-alb", props("tags", TAGS));
    static final ResourceView NAT = demo("aws:ec2/natGateway:NatGateway", "nat", props("tags", TAGS));
    static final ResourceView BUDGET = core("aws:budgets/budget:Budget", "b", props("notifications",
            tree("[{'threshold':10}]")));

    static PolicyReport evaluate(List<Waiver> waivers, Map<String, Enforcement> levels, ResourceView... resources) {
        return new PolicyEngine(RulePack.devmin(), new PolicyConfig(levels, waivers), TODAY)
                .evaluate(List.of(resources));
    }

    static Waiver waiver(String rule, String resource, String reason, LocalDate expires) {
        return new Waiver(rule, resource, reason, "platform-team", expires);
    }

    @Test
    void aValidWaiverCoversTheExactResourceAndIsReportedAsUsed() {
        Waiver w = waiver("DM-COST-002", ALB.urn(), REASON, TODAY);

        PolicyReport report = evaluate(List.of(w), Map.of(), ALB, BUDGET);

        assertThat(report.findings()).isEmpty();
        assertThat(report.waived()).singleElement().satisfies(f -> assertThat(f.waiver()).isEqualTo(w));
        assertThat(report.waiversUsed()).containsExactly(w);
        assertThat(report.passes()).isTrue();
    }

    @Test
    void aWaiverExpiresTheDayAfterItsLastDay() {
        PolicyReport report = evaluate(List.of(waiver("no-load-balancer", ALB.urn(), REASON, TODAY.minusDays(1))),
                Map.of(), ALB, BUDGET);

        assertThat(report.findings()).extracting(Finding::ruleId).containsExactlyInAnyOrder("DM-COST-002",
                PolicyEngine.WAIVER_RULE_ID);
        assertThat(report.findings()).anySatisfy(f -> assertThat(f.message()).contains("expired on 2026-11-29"));
    }

    @Test
    void aNeverWaivableRuleIsNotWaivedAndTheWaiverIsItselfABlocker() {
        PolicyReport report = evaluate(List.of(waiver("DM-COST-001", NAT.urn(), REASON, TODAY.plusDays(5))),
                Map.of(), NAT, BUDGET);

        assertThat(report.waived()).isEmpty();
        assertThat(report.mandatory()).extracting(Finding::ruleId).containsExactlyInAnyOrder("DM-COST-001",
                PolicyEngine.WAIVER_RULE_ID);
        assertThat(report.findings()).anySatisfy(f -> assertThat(f.message()).contains("can never be waived"));
    }

    @Test
    void aReasonOfNineteenCharactersIsTooShortTwentyIsEnough() {
        PolicyReport tooShort = evaluate(List.of(waiver("DM-COST-002", ALB.urn(), "x".repeat(19), TODAY)), Map.of(),
                ALB, BUDGET);
        PolicyReport enough = evaluate(List.of(waiver("DM-COST-002", ALB.urn(), "x".repeat(20), TODAY)), Map.of(),
                ALB, BUDGET);

        assertThat(tooShort.findings()).extracting(Finding::ruleId).contains("DM-COST-002", PolicyEngine.WAIVER_RULE_ID);
        assertThat(enough.findings()).isEmpty();
    }

    @Test
    void aWaiverThatMatchesNothingOrNamesNoRuleIsABlocker() {
        PolicyReport report = evaluate(List.of(waiver("DM-COST-002", "urn:pulumi:dev-min::devmin::*::other", REASON,
                TODAY), waiver("DM-NOPE-001", ALB.urn(), REASON, TODAY)), Map.of(), ALB, BUDGET);

        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals(PolicyEngine.WAIVER_RULE_ID))
                .extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("matches no resource"))
                .anySatisfy(m -> assertThat(m).contains("names unknown rule 'DM-NOPE-001'"));
    }

    @Test
    void patternsMatchWholeUrnsOnly() {
        Waiver pattern = waiver("DM-COST-002", "urn:pulumi:dev-min::devmin::*::partner-alb", REASON, TODAY);

        assertThat(pattern.covers(ALB.urn())).isTrue();
        assertThat(pattern.covers("x" + ALB.urn())).isFalse();
        assertThat(pattern.covers(ALB.urn() + "-2")).isFalse();
        assertThat(waiver("DM-COST-002", ALB.urn(), REASON, TODAY).covers(ALB.urn() + "x")).isFalse();
        assertThat(waiver("DM-COST-002", "*", REASON, TODAY).covers("anything")).isTrue();
    }

    @Test
    void enforcementCanBeSoftenedByIdOrNameButNeverForANeverWaivableRule() {
        PolicyReport report = evaluate(List.of(), Map.of("no-load-balancer", Enforcement.ADVISORY,
                "DM-COST-001", Enforcement.DISABLED, "DM-COST-004", Enforcement.DISABLED), ALB, NAT, BUDGET,
                demo("aws:cloudwatch/logGroup:LogGroup", "lg", props("tags", TAGS)));

        assertThat(report.findings()).extracting(f -> f.ruleId() + " " + f.enforcement())
                .containsExactlyInAnyOrder("DM-COST-002 ADVISORY", "DM-COST-001 MANDATORY");
        assertThat(report.passedRules()).doesNotContain("DM-COST-004", "DM-COST-001");
        assertThat(report.passes()).isFalse();
    }

    @Test
    void perResourceEvaluationRunsOnlyPerResourceRulesWithWaivers() {
        PolicyEngine engine = new PolicyEngine(RulePack.devmin(), new PolicyConfig(Map.of(),
                List.of(waiver("DM-COST-002", ALB.urn(), REASON, TODAY))), TODAY);

        assertThat(engine.evaluateResource(NAT)).extracting(Finding::ruleId).containsExactly("DM-COST-001");
        assertThat(engine.evaluateResource(ALB)).isEmpty();
        assertThat(engine.evaluateResource(BUDGET)).isEmpty();
    }

    @Test
    void policyPackConfigSetsLevelsAndRefusesUnknownOnes() throws Exception {
        ObjectNode config = (ObjectNode) tree("{'no-load-balancer':'advisory','DM-COST-004':{'enforcementLevel':"
                + "'disabled'},'all':'mandatory','waivers-are-valid':{'enforcementLevel':'mandatory'},'x':{}}");

        assertThat(PolicyConfig.parseEnforcement(config, "config.json")).containsOnly(
                Map.entry("no-load-balancer", Enforcement.ADVISORY), Map.entry("DM-COST-004", Enforcement.DISABLED));
        assertThatThrownBy(() -> PolicyConfig.parseEnforcement(tree("{'no-load-balancer':'loud'}"), "config.json"))
                .hasMessage("config.json: no-load-balancer.enforcementLevel: got 'loud', expected mandatory, advisory"
                        + " or disabled");
    }
}
