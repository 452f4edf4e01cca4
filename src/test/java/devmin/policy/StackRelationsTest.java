package devmin.policy;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static devmin.policy.Views.core;
import static devmin.policy.Views.props;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How one resource's property names another ({@link StackView#refersTo}), and the waiver problems the policy pack
 * reports before it has seen the stack ({@link PolicyEngine#waiverProblemsSeenWithoutResources}).
 */
class StackRelationsTest {

    private static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    private static final String POLICY = "aws:s3/bucketPolicy:BucketPolicy";

    private static final ResourceView LOGS = core(BUCKET, "logs", props("bucket", "devmin-logs"));
    private static final ResourceView GUARD = core(POLICY, "logs-tls", props("bucket", "devmin-logs"));
    private static final StackView STACK = new StackView(List.of(LOGS, GUARD));

    @Test
    void aValueRefersToAResourceByUrnOrByAKnownIdentity() {
        assertThat(STACK.refersTo(GUARD, TextNode.valueOf(LOGS.urn()), LOGS)).as("by URN").isTrue();
        assertThat(STACK.refersTo(GUARD, TextNode.valueOf("devmin-logs"), LOGS)).as("by its bucket name").isTrue();
        assertThat(STACK.refersTo(GUARD, TextNode.valueOf("devmin-other"), LOGS)).isFalse();
        assertThat(STACK.refersTo(GUARD, null, LOGS)).isFalse();
        assertThat(STACK.refersTo(GUARD, com.fasterxml.jackson.databind.node.NullNode.getInstance(), LOGS)).isFalse();
    }

    @Test
    void aPlaceholderIdentityNamesNothing() {
        // An identity the stack export shows only as a placeholder ([secret], [unknown]) is not the resource's name:
        // another value shown the same way does not refer to it.
        ResourceView hidden = core(BUCKET, "hidden", props("bucket", "[secret]", "id", "[unknown]"));

        assertThat(STACK.refersTo(GUARD, TextNode.valueOf("[secret]"), hidden)).isFalse();
        assertThat(STACK.refersTo(GUARD, TextNode.valueOf("[unknown]"), hidden)).isFalse();
    }

    @Test
    void waiverProblemsThatNeedNoResourceAreReportedAgainstTheGivenUrn() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        Waiver unknownRule = new Waiver("DM-NOPE-999", "*", "a reason that is long enough to count", "team",
                today.plusDays(10));
        Waiver expired = new Waiver("DM-COST-002", "*", "a reason that is long enough to count", "team",
                today.minusDays(1));
        Waiver fine = new Waiver("DM-COST-002", "*", "a reason that is long enough to count", "team",
                today.plusDays(10));
        PolicyEngine engine = new PolicyEngine(RulePack.devmin(),
                PolicyConfig.none().withWaivers(List.of(unknownRule, expired, fine)), today);

        List<Finding> problems = engine.waiverProblemsSeenWithoutResources("urn:first");

        assertThat(problems).hasSize(2).allSatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo(PolicyEngine.WAIVER_RULE_ID);
            assertThat(f.urn()).isEqualTo("urn:first");
            assertThat(f.isMandatory()).isTrue();
        });
        assertThat(problems.get(0).message()).contains("DM-NOPE-999").contains("names unknown rule");
        assertThat(problems.get(1).message()).contains("DM-COST-002").contains("expired on " + today.minusDays(1));
    }
}
