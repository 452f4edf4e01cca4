package devmin.policy.iam;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static devmin.policy.iam.IamEvaluatorTest.statements;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions against a request, as the IAM User Guide states them ("IAM JSON policy elements: Condition", "Condition
 * operators", "Single-valued vs. multivalued context keys").
 */
class IamConditionsTest {

    static final String ROLE = "arn:aws:iam::111122223333:role/devmin-dev-min-lane-ig";
    static final String BOUNDARY = "arn:aws:iam::111122223333:policy/devmin-dev-min-demo-boundary";

    static List<IamStatement> createRoleOnlyWithBoundary() {
        return statements("[{'Effect':'Allow','Action':'iam:CreateRole','Resource':'" + ROLE + "',"
                + "'Condition':{'StringEquals':{'iam:PermissionsBoundary':'" + BOUNDARY + "'}}}]");
    }

    @Test
    void aPositiveOperatorHoldsOnlyWhenTheRequestCarriesAMatchingValue() {
        var s = createRoleOnlyWithBoundary();

        assertThat(IamEvaluator.surelyAllows(s, IamRequest.of("iam:CreateRole", ROLE)
                .with("iam:PermissionsBoundary", BOUNDARY))).isPresent();
        assertThat(IamEvaluator.mayAllow(s, IamRequest.of("iam:CreateRole", ROLE))).as("no boundary at all").isEmpty();
        assertThat(IamEvaluator.mayAllow(s, IamRequest.of("iam:CreateRole", ROLE)
                .with("iam:PermissionsBoundary", "arn:aws:iam::aws:policy/AdministratorAccess"))).isEmpty();
    }

    @Test
    void conditionKeysAreCaseInsensitiveAndValuesAreNot() {
        var s = createRoleOnlyWithBoundary();

        assertThat(IamEvaluator.surelyAllows(s, IamRequest.of("iam:CreateRole", ROLE)
                .with("IAM:permissionsboundary", BOUNDARY))).isPresent();
        assertThat(IamEvaluator.mayAllow(s, IamRequest.of("iam:CreateRole", ROLE)
                .with("iam:PermissionsBoundary", BOUNDARY.toUpperCase(Locale.ROOT)))).isEmpty();
    }

    @Test
    void aNegatedOperatorHoldsWhenTheKeyIsAbsent() {
        var s = statements("[{'Effect':'Allow','Action':'s3:GetObject','Resource':'*',"
                + "'Condition':{'StringNotEquals':{'aws:PrincipalTag/team':'red'}}}]");

        assertThat(IamEvaluator.surelyAllows(s, IamRequest.of("s3:GetObject", "arn:aws:s3:::b/k"))).isPresent();
        assertThat(IamEvaluator.mayAllow(s, IamRequest.of("s3:GetObject", "arn:aws:s3:::b/k")
                .with("aws:PrincipalTag/team", "red"))).isEmpty();
    }

    @Test
    void ifExistsHoldsForAnAbsentKeyAndNullTestsPresence() {
        var ifExists = statements("[{'Effect':'Allow','Action':'iam:PassRole','Resource':'*',"
                + "'Condition':{'StringEqualsIfExists':{'iam:PassedToService':'ecs-tasks.amazonaws.com'}}}]");
        var isNull = statements("[{'Effect':'Allow','Action':'ec2:CreateTags','Resource':'*',"
                + "'Condition':{'Null':{'ec2:CreateAction':'false'}}}]");

        assertThat(IamEvaluator.surelyAllows(ifExists, IamRequest.of("iam:PassRole", ROLE))).isPresent();
        assertThat(IamEvaluator.mayAllow(ifExists, IamRequest.of("iam:PassRole", ROLE)
                .with("iam:PassedToService", "lambda.amazonaws.com"))).isEmpty();
        assertThat(IamEvaluator.mayAllow(isNull, IamRequest.of("ec2:CreateTags", "*"))).isEmpty();
        assertThat(IamEvaluator.surelyAllows(isNull, IamRequest.of("ec2:CreateTags", "*")
                .with("ec2:CreateAction", "CreateVpc"))).isPresent();
    }

    @Test
    void nullTrueHoldsOnlyWhenTheKeyIsAbsent() {
        var absent = statements("[{'Effect':'Allow','Action':'sts:AssumeRole','Resource':'*',"
                + "'Condition':{'Null':{'aws:TokenIssueTime':'true'}}}]");

        assertThat(IamEvaluator.surelyAllows(absent, IamRequest.of("sts:AssumeRole", ROLE))).isPresent();
        assertThat(IamEvaluator.mayAllow(absent, IamRequest.of("sts:AssumeRole", ROLE)
                .with("aws:TokenIssueTime", "2026-11-30T12:00:00Z"))).isEmpty();
    }

    @Test
    void likeAndArnOperatorsMatchWildcards() {
        var s = statements("[{'Effect':'Allow','Action':'iam:PassRole','Resource':'*',"
                + "'Condition':{'ArnLike':{'iam:AssociatedResourceArn':'arn:aws:ecs:*:111122223333:task-definition/devmin-*'},"
                + "'StringLike':{'iam:PassedToService':'ecs-*.amazonaws.com'}}}]");
        IamRequest request = IamRequest.of("iam:PassRole", ROLE).with("iam:PassedToService", "ecs-tasks.amazonaws.com");

        assertThat(IamEvaluator.surelyAllows(s, request.with("iam:AssociatedResourceArn",
                "arn:aws:ecs:eu-west-2:111122223333:task-definition/devmin-dev-min-ig:3"))).isPresent();
        assertThat(IamEvaluator.mayAllow(s, request.with("iam:AssociatedResourceArn",
                "arn:aws:ecs:eu-west-2:999999999999:task-definition/devmin-x:1"))).isEmpty();
    }

    @Test
    void quantifiersOverMultivaluedKeys() {
        var anyValue = statements("[{'Effect':'Allow','Action':'ec2:CreateTags','Resource':'*',"
                + "'Condition':{'ForAnyValue:StringEquals':{'aws:TagKeys':['devmin:layer']}}}]");
        var allValues = statements("[{'Effect':'Allow','Action':'ec2:CreateTags','Resource':'*',"
                + "'Condition':{'ForAllValues:StringLike':{'aws:TagKeys':['devmin:*']}}}]");
        IamRequest request = IamRequest.of("ec2:CreateTags", "*");

        assertThat(IamEvaluator.surelyAllows(anyValue, request.with("aws:TagKeys", "owner", "devmin:layer"))).isPresent();
        assertThat(IamEvaluator.mayAllow(anyValue, request)).as("ForAnyValue, absent key").isEmpty();
        assertThat(IamEvaluator.surelyAllows(allValues, request.with("aws:TagKeys", "devmin:layer", "devmin:stack")))
                .isPresent();
        assertThat(IamEvaluator.mayAllow(allValues, request.with("aws:TagKeys", "devmin:layer", "owner"))).isEmpty();
        assertThat(IamEvaluator.surelyAllows(allValues, request)).as("ForAllValues, absent key").isPresent();
    }

    @Test
    void anOperatorDevminCannotEvaluateNeverSurelyGrantsAndMayGrant() {
        var s = statements("[{'Effect':'Allow','Action':'s3:GetObject','Resource':'*',"
                + "'Condition':{'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}}}]");
        IamRequest request = IamRequest.of("s3:GetObject", "arn:aws:s3:::b/k").with("aws:SourceIp", "203.0.113.9");

        assertThat(IamEvaluator.surelyAllows(s, request)).isEmpty();
        assertThat(IamEvaluator.mayAllow(s, request)).isPresent();
    }

    @Test
    void aDenyThatMayApplyStopsASureGrantAndOneThatSurelyAppliesStopsAPossibleOne() {
        var s = statements("[{'Effect':'Allow','Action':'iam:*','Resource':'*'},"
                + "{'Effect':'Deny','Action':'iam:PutRolePolicy','Resource':'*',"
                + "'Condition':{'StringNotEquals':{'iam:PermissionsBoundary':'" + BOUNDARY + "'}}},"
                + "{'Effect':'Deny','Action':'iam:DeleteRole','Resource':'*',"
                + "'Condition':{'DateGreaterThan':{'aws:CurrentTime':'2026-01-01T00:00:00Z'}}}]");

        assertThat(IamEvaluator.mayAllow(s, IamRequest.of("iam:PutRolePolicy", ROLE))).as("no boundary: denied")
                .isEmpty();
        assertThat(IamEvaluator.surelyAllows(s, IamRequest.of("iam:PutRolePolicy", ROLE)
                .with("iam:PermissionsBoundary", BOUNDARY))).isPresent();
        assertThat(IamEvaluator.surelyAllows(s, IamRequest.of("iam:DeleteRole", ROLE))).isEmpty();
        assertThat(IamEvaluator.mayAllow(s, IamRequest.of("iam:DeleteRole", ROLE))).isPresent();
    }
}
