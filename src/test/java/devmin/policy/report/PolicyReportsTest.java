package devmin.policy.report;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.PolicyConfig;
import devmin.policy.PolicyEngine;
import devmin.policy.PolicyReport;
import devmin.policy.ResourceView;
import devmin.policy.RulePack;
import devmin.policy.Waiver;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static devmin.policy.Views.*;
import static org.assertj.core.api.Assertions.assertThat;

/** What each report says about a stack with one blocker, one waived finding and one advisory finding. */
class PolicyReportsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final com.fasterxml.jackson.databind.JsonNode TAGS = tree("{'devmin:layer':'demo'}");
    static final ResourceView ALB = demo("aws:lb/loadBalancer:LoadBalancer", "partner-alb", props("tags", TAGS));
    static final ResourceView NAT = demo("aws:ec2/natGateway:NatGateway", "nat", props("tags", TAGS));
    static final ResourceView NEW = demo("aws:ec2/someNewCompute:SomeNewCompute", "new", props("tags", TAGS));
    static final ResourceView BUDGET = core("aws:budgets/budget:Budget", "b", props("notifications",
            tree("[{'threshold':10}]")));
    static final Waiver WAIVER = new Waiver("DM-COST-002", ALB.urn(), "Two-hour partner demo | public endpoint",
            "platform-team", TODAY);
    static final PolicyEngine ENGINE = new PolicyEngine(RulePack.devmin(), new PolicyConfig(Map.of(),
            List.of(WAIVER)), TODAY);
    static final PolicyReport REPORT = ENGINE.evaluate(List.of(ALB, NAT, NEW, BUDGET));

    @Test
    void jsonIsAVerdictWithBlockersForMandatoryFindingsOnly() {
        JsonNode json = PolicyReportJson.of(REPORT);

        assertThat(json.get("schema").asText()).isEqualTo("devmin.policy-report/v1");
        assertThat(json.get("overall_pass").asBoolean()).isFalse();
        assertThat(json.get("evaluated_resources").asInt()).isEqualTo(4);
        assertThat(json.get("blockers")).singleElement().satisfies(b -> assertThat(b.asText())
                .startsWith("DM-COST-001 " + NAT.urn() + ": NAT gateway 'nat' is declared"));
        assertThat(json.get("findings").findValuesAsText("rule_id")).containsExactlyInAnyOrder("DM-COST-001",
                "DM-KIND-001");
        assertThat(json.get("findings").findValuesAsText("enforcement")).containsExactlyInAnyOrder("mandatory",
                "advisory");
        assertThat(json.at("/waived/0/rule_id").asText()).isEqualTo("DM-COST-002");
        assertThat(json.at("/waived/0/waiver/owner").asText()).isEqualTo("platform-team");
        assertThat(json.at("/waivers_used/0/expires").asText()).isEqualTo("2026-11-30");
        assertThat(json.get("passed_rules").findValuesAsText("")).isEmpty();
        assertThat(json.get("passed_rules")).hasSize(RulePack.devmin().rules().size() - 3);
    }

    @Test
    void sarifSuppressesWaivedResultsOnlyAndGradesByEnforcement() {
        JsonNode results = SarifReport.of(REPORT, ENGINE).at("/runs/0/results");

        assertThat(results).hasSize(3);
        for (JsonNode result : results) {
            String rule = result.get("ruleId").asText();
            assertThat(result.has("suppressions")).as(rule).isEqualTo(rule.equals("DM-COST-002"));
            assertThat(result.get("level").asText()).as(rule).isEqualTo(rule.equals("DM-KIND-001") ? "warning"
                    : "error");
            assertThat(result.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText()).endsWith(
                    rule.equals("DM-COST-001") ? "::nat" : rule.equals("DM-COST-002") ? "::partner-alb" : "::new");
        }
        JsonNode rules = SarifReport.of(REPORT, ENGINE).at("/runs/0/tool/driver/rules");
        assertThat(rules).hasSize(RulePack.devmin().rules().size() + 1);
        assertThat(rules.findValuesAsText("id")).contains("DM-KIND-001", PolicyEngine.WAIVER_RULE_ID);
    }

    @Test
    void markdownCountsAndListsFindingsAndWaiversEscapingTablePipes() {
        String md = PolicyReportMarkdown.of(REPORT);

        assertThat(md).startsWith("### Policy: FAIL (devmin-policies@1.0.0)")
                .contains("4 resources evaluated; 1 mandatory, 1 advisory finding(s);")
                .contains("1 waived.")
                .contains("| DM-COST-001 no-nat-gateway | mandatory | `aws:ec2/natGateway:NatGateway::nat` |")
                .contains("- DM-COST-002 on `" + ALB.urn() + "` — Two-hour partner demo \\| public endpoint"
                        + " (platform-team, expires 2026-11-30)");
        assertThat(PolicyReportMarkdown.shortUrn("urn:pulumi:s::p::aws:s3/bucketV2:BucketV2::b"))
                .isEqualTo("aws:s3/bucketV2:BucketV2::b");
        assertThat(PolicyReportMarkdown.of(new PolicyEngine(RulePack.devmin(), PolicyConfig.none(), TODAY)
                .evaluate(List.of(BUDGET)))).startsWith("### Policy: PASS")
                .doesNotContain("| rule |").doesNotContain("Waivers used");
    }
}
