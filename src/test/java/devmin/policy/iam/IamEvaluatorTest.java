package devmin.policy.iam;

import org.junit.jupiter.api.Test;

import java.util.List;

import static devmin.policy.Views.tree;
import static org.assertj.core.api.Assertions.assertThat;

/** IAM evaluation edge semantics, as AWS documents them (policy evaluation logic, IAM JSON policy elements). */
class IamEvaluatorTest {

    static List<IamStatement> statements(String statementsSingleQuoted) {
        return PolicyStatements.parse(tree("{'Version':'2012-10-17','Statement':" + statementsSingleQuoted + "}"));
    }

    @Test
    void aConditionalDenyDoesNotCancelAnAllow() {
        var s = statements("[{'Effect':'Allow','Action':'ssm:*','Resource':'*'},"
                + "{'Effect':'Deny','Action':'ssm:*','Resource':'*','Condition':{'Bool':{'aws:SecureTransport':'false'}}}]");

        assertThat(IamEvaluator.grantOnAnyResource(s, "ssm:GetParameter")).isPresent();
        assertThat(IamEvaluator.grant(s, "ssm:GetParameter", "arn:aws:ssm:eu-west-2:1:parameter/x")).isPresent();
    }

    @Test
    void anEmptyConditionBlockIsNoCondition() {
        var s = statements("[{'Effect':'Allow','Action':'ssm:*','Resource':'*'},"
                + "{'Effect':'Deny','Action':'ssm:*','Resource':'*','Condition':{}}]");

        assertThat(IamEvaluator.grantOnAnyResource(s, "ssm:GetParameter")).isEmpty();
    }

    @Test
    void anUnconditionalDenyOnEveryResourceCancelsIt() {
        var s = statements("[{'Effect':'Allow','Action':'ssm:*','Resource':'*'},"
                + "{'Effect':'Deny','Action':'ssm:Get*','Resource':'*'}]");

        assertThat(IamEvaluator.grantOnAnyResource(s, "ssm:GetParameter")).isEmpty();
        assertThat(IamEvaluator.grantOnAnyResource(s, "ssm:PutParameter")).isPresent();
    }

    @Test
    void aDenyOnOneResourceLeavesTheRestGranted() {
        var s = statements("[{'Effect':'Allow','Action':'kms:*','Resource':'*'},"
                + "{'Effect':'Deny','Action':'kms:Decrypt','Resource':'arn:aws:kms:eu-west-2:1:key/one'}]");

        assertThat(IamEvaluator.grantOnAnyResource(s, "kms:Decrypt")).isPresent();
        assertThat(IamEvaluator.grant(s, "kms:Decrypt", "arn:aws:kms:eu-west-2:1:key/one")).isEmpty();
        assertThat(IamEvaluator.grant(s, "kms:Decrypt", "arn:aws:kms:eu-west-2:1:key/two")).isPresent();
    }

    @Test
    void actionsMatchInAnyCasingResourcesDoNot() {
        var s = statements("[{'Effect':'Allow','Action':['SSM:GetParameter','Ssm:Get*'],'Resource':'arn:aws:ssm:*:*:parameter/A'}]");

        assertThat(IamEvaluator.grantOnAnyResource(s, "ssm:GetParameters")).isPresent();
        assertThat(IamEvaluator.grant(s, "ssm:getparameter", "arn:aws:ssm:r:1:parameter/A")).isPresent();
        assertThat(IamEvaluator.grant(s, "ssm:GetParameter", "arn:aws:ssm:r:1:parameter/a")).isEmpty();
    }

    @Test
    void wildcardsStarAnywhereAndQuestionMarkForOneCharacter() {
        assertThat(IamStatement.wildcardMatch("*Secret*", "secretsmanager:GetSecretValue", true)).isTrue();
        assertThat(IamStatement.wildcardMatch("ssm:GetParamete?", "ssm:GetParameter", true)).isTrue();
        assertThat(IamStatement.wildcardMatch("ssm:GetParamete?", "ssm:GetParameters", true)).isFalse();
        assertThat(IamStatement.wildcardMatch("?sm:GetParameter", "ssm:GetParameter", true)).isTrue();
        assertThat(IamStatement.wildcardMatch("ssm:GetParameter", "ssm:GetParameters", true)).isFalse();
    }

    @Test
    void withWildcardsActionsStillMatchWhateverTheCaseAndResourcesOnlyInTheirOwnCase() {
        // Patterns used by no other test, so this test compiles them (matching caches compiled patterns).
        assertThat(IamStatement.wildcardMatch("Kms:ReEncrypt*", "kms:reencryptfrom", true)).isTrue();
        assertThat(IamStatement.wildcardMatch("arn:aws:s3:::Case-Bucket/*", "arn:aws:s3:::case-bucket/k", false))
                .isFalse();
        assertThat(IamStatement.wildcardMatch("arn:aws:s3:::Case-Bucket/*", "arn:aws:s3:::Case-Bucket/k", false))
                .isTrue();
        assertThat(IamStatement.wildcardMatch("kms:ReEncrypt*", "KMS:REENCRYPTTO", true)).isTrue();
        assertThat(IamStatement.wildcardMatch("arn:aws:kms:?:*", "arn:aws:kms:ab:1", false)).isFalse();
        assertThat(IamStatement.wildcardMatch("arn:aws:kms:??:*", "arn:aws:kms:ab:1", false)).isTrue();
    }

    @Test
    void notActionGrantsEverythingItDoesNotName() {
        var s = statements("[{'Effect':'Allow','NotAction':['iam:*','ssm:*'],'Resource':'*'}]");

        assertThat(IamEvaluator.grantOnAnyResource(s, "kms:Decrypt")).isPresent();
        assertThat(IamEvaluator.grantOnAnyResource(s, "ssm:GetParameter")).isEmpty();
    }

    @Test
    void notResourceGrantsEverywhereElse() {
        var s = statements("[{'Effect':'Allow','Action':'s3:GetObject','NotResource':'arn:aws:s3:::private/*'}]");

        assertThat(IamEvaluator.grant(s, "s3:GetObject", "arn:aws:s3:::public/x")).isPresent();
        assertThat(IamEvaluator.grant(s, "s3:GetObject", "arn:aws:s3:::private/x")).isEmpty();
    }

    @Test
    void everythingOnEverythingIsJudgedOnTheEffectNotTheSpelling() {
        assertThat(IamEvaluator.allowsEverything(statements("[{'Effect':'Allow','Action':'*','Resource':'*'}]"))).isPresent();
        assertThat(IamEvaluator.allowsEverything(statements("[{'Effect':'Allow','Action':'iam:*','Resource':'*'},"
                + "{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}]"))).as("two halves").isPresent();
        assertThat(IamEvaluator.allowsEverything(statements("[{'Effect':'Allow','Action':'*','Resource':'*'},"
                + "{'Effect':'Deny','Action':'*','Resource':'*'}]"))).as("denied").isEmpty();
        assertThat(IamEvaluator.allowsEverything(statements("[{'Effect':'Allow','Action':'*','Resource':'arn:aws:s3:::*'}]")))
                .as("one service's resources").isEmpty();
    }

    @Test
    void documentsThatCannotBeReadSayWhy() {
        assertThat(PolicyStatements.opacity(tree("'[unknown]'"))).contains("its content is unknown until the update runs");
        assertThat(PolicyStatements.opacity(tree("'[secret]'"))).contains("it is a secret");
        assertThat(PolicyStatements.opacity(tree("'{not json'"))).contains("it is not a JSON policy document");
        assertThat(PolicyStatements.opacity(tree("{'Statement':'Allow'}")))
                .contains("its Statement is not a statement or a list of them");
        assertThat(PolicyStatements.opacity(tree("{'Version':'2012-10-17'}"))).isEmpty();
        assertThat(PolicyStatements.parse(tree("{'Version':'2012-10-17'}"))).isEmpty();
        assertThat(PolicyStatements.parse(com.fasterxml.jackson.databind.node.TextNode.valueOf(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}}"))).singleElement()
                .satisfies(st -> assertThat(st.actions()).containsExactly("s3:*"));
    }

    @Test
    void awsManagedPoliciesAreRecognisedInEveryPartition() {
        assertThat(ManagedPolicies.isAwsManaged("arn:aws:iam::aws:policy/ReadOnlyAccess")).isTrue();
        assertThat(ManagedPolicies.isAwsManaged("arn:aws-cn:iam::aws:policy/ReadOnlyAccess")).isTrue();
        assertThat(ManagedPolicies.isAwsManaged("arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess")).isTrue();
        assertThat(ManagedPolicies.isAwsManaged("arn:aws:iam::123456789012:policy/ReadOnlyAccess")).isFalse();
    }
}
