package devmin.policy.iam;

import org.junit.jupiter.api.Test;

import java.util.List;

import static devmin.policy.Views.tree;
import static devmin.policy.iam.IamEvaluatorTest.statements;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one place that decides AWS semantics: which resources an action takes (Service Authorization Reference, as
 * data), what a condition operator means (IAM User Guide, "IAM JSON policy elements: Condition operators") and which
 * keys every request carries ("AWS global condition context keys").
 */
class AwsSemanticsTest {

    static final String ALLOW_ALL = "{'Effect':'Allow','Action':['ssm:*','kms:*','secretsmanager:*'],'Resource':'*'}";

    @Test
    void aDenyOnEveryParameterArnDeniesAsMuchAsOneOnStar_SarSsmParameterArnFormat() {
        var everywhere = statements("[" + ALLOW_ALL + ",{'Effect':'Deny','Action':'ssm:GetParameter*',"
                + "'Resource':'arn:aws:ssm:*:*:parameter/*'}]");

        assertThat(IamEvaluator.grantOnAnyResource(everywhere, "ssm:GetParameter")).isEmpty();
        assertThat(IamEvaluator.grantOnAnyResource(everywhere, "ssm:GetParametersByPath")).isEmpty();
        assertThat(IamEvaluator.grantOnAnyResource(everywhere, "kms:Decrypt")).isPresent();
    }

    @Test
    void aDenyFixingARegionAnAccountOrAPathLeavesTheRest_SarVariablesAreAnyValue() {
        for (String resource : List.of("arn:aws:ssm:eu-west-2:*:parameter/*", "arn:aws:ssm:*:123456789012:parameter/*",
                "arn:aws:ssm:*:*:parameter/devmin/*", "arn:aws:ssm:*:*:parameter/?", "arn:aws-cn:ssm:*:*:parameter/*",
                "arn:aws:ssm:*:*:*/x", "arn:aws:kms:*:*:key/*")) {
            var s = statements("[" + ALLOW_ALL + ",{'Effect':'Deny','Action':'ssm:*','Resource':'" + resource + "'}]");
            assertThat(IamEvaluator.grantOnAnyResource(s, "ssm:GetParameter")).as(resource).isPresent();
        }
        var partition = statements("[" + ALLOW_ALL + ",{'Effect':'Deny','Action':'ssm:*','Resource':'arn:*:ssm:*:*:*'}]");
        assertThat(IamEvaluator.grantOnAnyResource(partition, "ssm:GetParameter")).isEmpty();
    }

    @Test
    void aDenyWithNotResourceCoversEverythingItDoesNotExclude() {
        var fence = statements("[" + ALLOW_ALL + ",{'Effect':'Deny','Action':'ssm:*',"
                + "'NotResource':'arn:aws:ssm:eu-west-2:1:parameter/devmin/x'}]");
        var excludesAll = statements("[" + ALLOW_ALL + ",{'Effect':'Deny','Action':'ssm:*','NotResource':'*'}]");

        assertThat(IamEvaluator.grantOnAnyResource(fence, "ssm:GetParameter")).isPresent();
        assertThat(IamEvaluator.grant(fence, "ssm:GetParameter", "arn:aws:ssm:eu-west-2:1:parameter/devmin/y")).isEmpty();
        assertThat(IamEvaluator.grantOnAnyResource(excludesAll, "ssm:GetParameter")).isPresent();
    }

    @Test
    void anActionWithoutResourceTypesIsNamedOnlyByStar_SarBatchGetSecretValue() {
        var onSecrets = statements("[{'Effect':'Allow','Action':'secretsmanager:BatchGetSecretValue',"
                + "'Resource':'arn:aws:secretsmanager:*:*:secret:*'}]");
        var onStar = statements("[{'Effect':'Allow','Action':'secretsmanager:BatchGetSecretValue','Resource':'*'}]");
        var deniedBesidesOne = statements("[{'Effect':'Allow','Action':'secretsmanager:*','Resource':'*'},"
                + "{'Effect':'Deny','Action':'secretsmanager:*','NotResource':'arn:aws:secretsmanager:r:1:secret:x'}]");

        assertThat(IamEvaluator.grantOnAnyResource(onSecrets, "secretsmanager:BatchGetSecretValue")).isEmpty();
        assertThat(IamEvaluator.grantOnAnyResource(onStar, "secretsmanager:BatchGetSecretValue")).isPresent();
        assertThat(IamEvaluator.grantOnAnyResource(deniedBesidesOne, "secretsmanager:BatchGetSecretValue")).isEmpty();
    }

    @Test
    void kmsDecryptOnAnAliasGrantsNothingAndOnAKeyPatternItDoes_SarKmsKeyResourceType() {
        assertThat(IamEvaluator.grantOnAnyResource(statements("[{'Effect':'Allow','Action':'kms:Decrypt',"
                + "'Resource':'arn:aws:kms:eu-west-2:1:alias/devmin'}]"), "kms:Decrypt")).isEmpty();
        assertThat(IamEvaluator.grantOnAnyResource(statements("[{'Effect':'Allow','Action':'kms:Decrypt',"
                + "'Resource':'arn:aws:kms:*:*:alias/*'}]"), "kms:Decrypt")).isEmpty();
        assertThat(IamEvaluator.grantOnAnyResource(statements("[{'Effect':'Allow','Action':'kms:Decrypt',"
                + "'Resource':['arn:aws:kms:eu-west-2:1:alias/a','arn:aws:kms:eu-west-2:1:key/*']}]"), "kms:Decrypt"))
                .isPresent();
        assertThat(IamEvaluator.grantOnAnyResource(statements("[{'Effect':'Allow','Action':'kms:Decrypt',"
                + "'NotResource':'arn:aws:kms:*:*:alias/*'}]"), "kms:Decrypt")).isPresent();
        assertThat(IamEvaluator.grantOnAnyResource(statements("[{'Effect':'Allow','Action':'kms:Decrypt'}]"),
                "kms:Decrypt")).isPresent();
    }

    @Test
    void anActionTheDataDoesNotKnowIsGrantedAnywhereAndDeniedOnlyByStar() {
        var onArn = statements("[{'Effect':'Allow','Action':'*','Resource':'*'},"
                + "{'Effect':'Deny','Action':'newsvc:Read','Resource':'arn:aws:newsvc:*:*:*'}]");
        var onStar = statements("[{'Effect':'Allow','Action':'newsvc:Read','Resource':'arn:aws:newsvc:r:1:thing/x'},"
                + "{'Effect':'Deny','Action':'newsvc:*','Resource':'*'}]");
        var withoutResource = statements("[{'Effect':'Allow','Action':'*','Resource':'*'},"
                + "{'Effect':'Deny','Action':'newsvc:*'}]");
        var notResource = statements("[{'Effect':'Allow','Action':'*','Resource':'*'},"
                + "{'Effect':'Deny','Action':'newsvc:*','NotResource':'x'}]");

        assertThat(ActionResources.formats("newsvc:Read")).isEmpty();
        assertThat(IamEvaluator.grantOnAnyResource(onArn, "newsvc:Read")).isPresent();
        assertThat(IamEvaluator.grantOnAnyResource(onStar, "newsvc:Read")).isEmpty();
        assertThat(IamEvaluator.grantOnAnyResource(withoutResource, "newsvc:Read")).isEmpty();
        assertThat(IamEvaluator.grantOnAnyResource(notResource, "newsvc:Read")).isPresent();
        assertThat(IamEvaluator.grantOnAnyResource(statements("[{'Effect':'Allow','Action':'newsvc:Read',"
                + "'Resource':'arn:aws:other:r:1:x'}]"), "newsvc:Read")).isPresent();
    }

    @Test
    void actionsAreLookedUpWithoutCase() {
        assertThat(ActionResources.formats("KMS:decrypt")).contains(List.of("arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}"));
    }

    @Test
    void aPatternNamesAnArnOfAFormatWhenSomeValuesOfItsVariablesMatch() {
        String key = "arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}";

        assertThat(ArnPatterns.intersects("*", key)).isTrue();
        assertThat(ArnPatterns.intersects("arn:aws:kms:eu-west-2:123456789012:key/abc", key)).isTrue();
        assertThat(ArnPatterns.intersects("arn:aws:kms:?????????:*:key/?", key)).isTrue();
        assertThat(ArnPatterns.intersects("arn:aws:kms:*:*:alias/*", key)).isFalse();
        assertThat(ArnPatterns.intersects("arn:aws:kms:eu-west-2:1:key/a:b", key)).as("a key id holds no colon")
                .isFalse();
        assertThat(ArnPatterns.intersects("arn:aws:kms:eu:1:key", key)).isFalse();
        assertThat(ArnPatterns.intersects("arn:aws:kms:eu:1:key/a/", "arn:${P}:kms:${R}:${A}:key/${K}/")).isTrue();
        assertThat(ArnPatterns.intersects("arn:aws:kms:eu:1:key/a", "arn:${P}:kms:${R}:${A}:key/")).isFalse();
        assertThat(ArnPatterns.intersects("arn:aws:kms:eu:1:kez/*", key)).isFalse();
        assertThat(ArnPatterns.intersects("arn:aws:kms:eu:1:key/*x", key)).isTrue();
    }

    @Test
    void stringLikeWithoutWildcardsIsExactAndIfExistsOrForAllValuesNeverPins() {
        List<String> literal = List.of("sts.amazonaws.com");
        List<String> star = List.of("sts.*");
        List<String> question = List.of("sts.amazonaws.co?");

        assertThat(ConditionOperator.parse("StringEquals").requiresExactly(star, false)).isTrue();
        assertThat(ConditionOperator.parse("StringLike").requiresExactly(literal, false)).isTrue();
        assertThat(ConditionOperator.parse("StringLike").requiresExactly(star, false)).isFalse();
        assertThat(ConditionOperator.parse("StringLike").requiresExactly(question, false)).isFalse();
        assertThat(ConditionOperator.parse("ForAnyValue:StringEquals").requiresExactly(literal, false)).isTrue();
        assertThat(ConditionOperator.parse("StringEqualsIgnoreCase").requiresExactly(literal, false)).isFalse();
        assertThat(ConditionOperator.parse("StringEqualsIgnoreCase").requiresExactly(literal, true)).isTrue();
        assertThat(ConditionOperator.parse("StringEqualsIfExists").requiresExactly(literal, false)).isFalse();
        assertThat(ConditionOperator.parse("ForAllValues:StringEquals").requiresExactly(literal, false)).isFalse();
        assertThat(ConditionOperator.parse("Other:StringEquals").requiresExactly(literal, false)).isFalse();
        assertThat(ConditionOperator.parse("StringNotEquals").requiresExactly(literal, true)).isFalse();
    }

    @Test
    void onlyPositiveStringOperatorsRequireAMatch() {
        assertThat(List.of("StringEquals", "StringLike", "StringEqualsIgnoreCase", "ForAnyValue:StringLike"))
                .allMatch(o -> ConditionOperator.parse(o).requiresMatch());
        assertThat(List.of("StringLikeIfExists", "ForAllValues:StringLike", "StringNotEquals", "StringNotLike",
                "ArnLike", "Bogus:StringEquals")).noneMatch(o -> ConditionOperator.parse(o).requiresMatch());
    }

    @Test
    void operatorNamesSplitIntoQuantifierBaseAndIfExists() {
        assertThat(ConditionOperator.parse("ForAnyValue:StringLikeIfExists"))
                .isEqualTo(new ConditionOperator("ForAnyValue", "StringLike", true));
        assertThat(ConditionOperator.parse("Bool")).isEqualTo(new ConditionOperator("", "Bool", false));
    }

    @Test
    void ifExistsOnAKeyEveryRequestCarriesIsTheOperatorItself_GlobalKeySecureTransport() {
        var deny = statements("[{'Effect':'Allow','Action':'s3:*','Resource':'*'},{'Effect':'Deny','Action':'s3:*',"
                + "'Resource':'*','Condition':{'BoolIfExists':{'aws:SecureTransport':'false'}}}]");
        IamRequest request = IamRequest.of("s3:GetObject", "arn:aws:s3:::b/k");

        assertThat(IamEvaluator.mayAllow(deny, request.with("aws:SecureTransport", "false"))).isEmpty();
        assertThat(IamEvaluator.surelyAllows(deny, request.with("aws:SecureTransport", "true"))).isPresent();
        assertThat(IamEvaluator.surelyAllows(deny, request)).as("carried, value not given: the Deny may apply")
                .isEmpty();
        assertThat(IamEvaluator.mayAllow(deny, request)).isPresent();
    }

    @Test
    void nullOnAKeyEveryRequestCarriesIsNeverTrue() {
        var absent = statements("[{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'Null':"
                + "{'aws:SecureTransport':'true'}}}]");
        var present = statements("[{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'Null':"
                + "{'aws:PrincipalArn':'false'}}}]");

        assertThat(IamEvaluator.mayAllow(absent, IamRequest.of("s3:GetObject", "*"))).isEmpty();
        assertThat(IamEvaluator.surelyAllows(present, IamRequest.of("s3:GetObject", "*"))).isPresent();
        assertThat(AlwaysSentKeys.always("AWS:SecureTransport")).isTrue();
        assertThat(AlwaysSentKeys.always("aws:SourceIp")).isFalse();
    }

    @Test
    void aTlsGuardDeniesEveryPrincipalEveryS3ActionOnTheBucketAndItsObjects_S3UserGuideEnforceTls() {
        List<String> bucket = List.of("arn:aws:s3:::b");
        String both = "['arn:aws:s3:::b','arn:aws:s3:::b/*']";

        assertThat(TransportGuard.deniesInsecureTransport(tls("'*'", "'s3:*'", both, "Bool"), bucket)).isTrue();
        assertThat(TransportGuard.deniesInsecureTransport(tls("{'AWS':['*']}", "'*'", "'*'", "BoolIfExists"), bucket))
                .isTrue();
        assertThat(TransportGuard.deniesInsecureTransport(tree("{'Statement':["
                + "{'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'arn:aws:s3:::b',"
                + "'Condition':{'Bool':{'aws:SecureTransport':'false'}}},"
                + "{'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'arn:aws:s3:::b/*',"
                + "'Condition':{'Bool':{'aws:SecureTransport':'false'}}}]}"), bucket)).as("split in two").isTrue();
        assertThat(TransportGuard.deniesInsecureTransport(tls("{'AWS':'arn:aws:iam::1:root'}", "'s3:*'", both,
                "Bool"), bucket)).isFalse();
        assertThat(TransportGuard.deniesInsecureTransport(tls("{'Service':'*'}", "'s3:*'", both, "Bool"), bucket))
                .isFalse();
        assertThat(TransportGuard.deniesInsecureTransport(tls("'arn:aws:iam::1:root'", "'s3:*'", both, "Bool"),
                bucket)).isFalse();
        assertThat(TransportGuard.deniesInsecureTransport(tls("'*'", "'s3:Get*'", both, "Bool"), bucket)).isFalse();
        assertThat(TransportGuard.deniesInsecureTransport(tls("'*'", "'s3:*'", "'arn:aws:s3:::b/*'", "Bool"), bucket))
                .isFalse();
        assertThat(TransportGuard.deniesInsecureTransport(tls("'*'", "'s3:*'", "'arn:aws:s3:::b/logs/*'", "Bool"),
                bucket)).isFalse();
        assertThat(TransportGuard.deniesInsecureTransport(tls("'*'", "'s3:*'", both, "StringLike"), bucket))
                .as("StringLike 'false' holds too").isTrue();
        assertThat(TransportGuard.deniesInsecureTransport(tree("{'Statement':[{'Effect':'Deny','Principal':'*',"
                + "'Action':'s3:*','Resource':'*','Condition':{'Bool':{'aws:SecureTransport':'true'}}}]}"), bucket))
                .isFalse();
        assertThat(TransportGuard.deniesInsecureTransport(tree("{'Statement':[{'Effect':'Deny','Principal':'*',"
                + "'Action':'s3:*','Resource':'*','Condition':{'Bool':{'aws:SecureTransport':'false'},"
                + "'StringNotEquals':{'aws:PrincipalArn':'arn:aws:iam::1:role/x'}}}]}"), bucket))
                .as("exempts someone").isFalse();
        assertThat(TransportGuard.deniesInsecureTransport(tree("{'Statement':[{'Effect':'Deny','NotPrincipal':"
                + "{'AWS':'arn:aws:iam::1:root'},'Principal':'*','Action':'s3:*','Resource':'*',"
                + "'Condition':{'Bool':{'aws:SecureTransport':'false'}}}]}"), bucket)).isFalse();
        assertThat(TransportGuard.deniesInsecureTransport(tree("{'Statement':[{'Effect':'Allow','Principal':'*',"
                + "'Action':'s3:*','Resource':'*','Condition':{'Bool':{'aws:SecureTransport':'false'}}}]}"), bucket))
                .isFalse();
        assertThat(TransportGuard.deniesInsecureTransport(tree("{'Statement':[]}"), List.of())).isFalse();
    }

    static com.fasterxml.jackson.databind.JsonNode tls(String principal, String action, String resource,
                                                       String operator) {
        return tree("{'Statement':[{'Effect':'Deny','Principal':" + principal + ",'Action':" + action + ",'Resource':"
                + resource + ",'Condition':{'" + operator + "':{'aws:SecureTransport':'false'}}}]}");
    }
}
