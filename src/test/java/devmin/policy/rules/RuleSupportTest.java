package devmin.policy.rules;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import devmin.policy.ResourceView;
import devmin.policy.RulePack;
import devmin.policy.StackView;
import devmin.policy.Violation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static devmin.policy.Views.core;
import static devmin.policy.Views.props;
import static devmin.policy.Views.tree;
import static devmin.policy.Views.withOutputs;
import static org.assertj.core.api.Assertions.assertThat;

/** The property helpers the rules share, and what every rule of the pack declares about itself. */
class RuleSupportTest {

    private static final String BUCKET = "aws:s3/bucketV2:BucketV2";

    @Test
    void aFlagIsTrueOnlyWhenItIsTrueAsABooleanOrAsText() {
        ResourceView r = core(BUCKET, "b", props("on", true, "onText", "true", "off", false, "other", "yes"));

        assertThat(RuleSupport.isTrue(r, "on")).isTrue();
        assertThat(RuleSupport.isTrue(r, "onText")).isTrue();
        assertThat(RuleSupport.isTrue(r, "off")).isFalse();
        assertThat(RuleSupport.isTrue(r, "other")).isFalse();
        assertThat(RuleSupport.isTrue(r, "absent")).isFalse();
    }

    @Test
    void aLegacyBlockIsTheFirstElementOfItsListAndAnEmptyListStaysItself() {
        assertThat(RuleSupport.object(tree("[{'enabled':true},{'enabled':false}]")))
                .isEqualTo(tree("{'enabled':true}"));
        assertThat(RuleSupport.object(tree("[]"))).isNotNull().isEqualTo(tree("[]"));
        assertThat(RuleSupport.object(tree("{'enabled':true}"))).isEqualTo(tree("{'enabled':true}"));
        assertThat(RuleSupport.object(null).isMissingNode()).isTrue();
    }

    @Test
    void everyRuleOfThePackDeclaresASeverityThatItsFindingsCarry() {
        assertThat(RulePack.devmin().rules()).allSatisfy(rule -> assertThat(rule.severity()).as(rule.id())
                .isNotNull());
    }

    @Test
    void aBucketWhoseArnIsUnknownIsJudgedByItsNameForTheTlsGuard() {
        // At preview the bucket's ARN output is unknown; its name is known, so the TLS Deny that names the bucket by
        // ARN built from that name covers it. The same Deny on another bucket's ARN does not.
        List<ResourceView> guarded = new ArrayList<>(WorkloadRuleCases.guardedBucket(true, true, true, false));
        ResourceView bucket = guarded.get(0);
        guarded.set(0, withOutputs(bucket, props("arn", devmin.graph.WireValues.UNKNOWN)));

        List<ResourceView> named = new ArrayList<>(guarded);
        named.add(AwsSemanticsCases.tls(bucket, "'*'", "'s3:*'",
                "['arn:aws:s3:::evidence-bucket','arn:aws:s3:::evidence-bucket/*']", "Bool"));
        List<ResourceView> other = new ArrayList<>(guarded);
        other.add(AwsSemanticsCases.tls(bucket, "'*'", "'s3:*'",
                "['arn:aws:s3:::other-bucket','arn:aws:s3:::other-bucket/*']", "Bool"));

        assertThat(messages(named)).isEmpty();
        assertThat(messages(other)).singleElement().asString().contains("has no policy denying non-TLS");
    }

    private static List<String> messages(List<ResourceView> views) {
        return new BucketsAreGuarded().check(new StackView(views)).stream().map(Violation::message).toList();
    }

    @Test
    void aMissingObjectIsNotTrue() {
        assertThat(RuleSupport.isTrue(JsonNodeFactory.instance.missingNode())).isFalse();
        assertThat(RuleSupport.isTrue((com.fasterxml.jackson.databind.JsonNode) null)).isFalse();
    }
}
