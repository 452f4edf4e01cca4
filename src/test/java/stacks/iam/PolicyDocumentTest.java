package stacks.iam;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rendered JSON follows the IAM JSON policy grammar (IAM User Guide, "IAM JSON policy element reference":
 * Version, Statement, Sid, Effect, Principal, Action/NotAction, Resource, Condition).
 */
class PolicyDocumentTest {

    @Test
    void anAllowStatementRendersVersionSidEffectActionsAndResourcesInOrder() {
        String json = PolicyDocument.of(Statement.allow("ReadLogs", List.of("logs:GetLogEvents", "logs:DescribeLogStreams"),
                List.of("arn:aws:logs:eu-west-2:1:log-group:a:*"))).toJson();

        assertThat(json).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReadLogs\",\"Effect\":\"Allow\","
                + "\"Action\":[\"logs:GetLogEvents\",\"logs:DescribeLogStreams\"],"
                + "\"Resource\":[\"arn:aws:logs:eu-west-2:1:log-group:a:*\"]}]}");
    }

    @Test
    void aNullOrEmptySidIsLeftOut() {
        Statement noSid = Statement.allow(null, List.of("s3:GetObject"), List.of("*"));
        Statement emptySid = Statement.allow("", List.of("s3:GetObject"), List.of("*"));

        String expected = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],"
                + "\"Resource\":[\"*\"]}]}";
        assertThat(PolicyDocument.of(noSid).toJson()).isEqualTo(expected);
        assertThat(PolicyDocument.of(emptySid).toJson()).isEqualTo(expected);
    }

    @Test
    void aTrustStatementHasPrincipalsSortedByTypeAndNoResourceWhenNoneIsGiven() {
        Map<String, List<String>> principal = new LinkedHashMap<>();
        principal.put("Service", List.of("ecs-tasks.amazonaws.com"));
        principal.put("AWS", List.of("arn:aws:iam::1:root", "arn:aws:iam::2:root"));
        Statement trust = new Statement("Trust", "Allow", principal, List.of("sts:AssumeRole"), List.of(), Map.of());

        assertThat(PolicyDocument.of(List.of(trust)).toJson()).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Sid\":\"Trust\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":[\"arn:aws:iam::1:root\",\"arn:aws:iam::2:root\"],"
                + "\"Service\":[\"ecs-tasks.amazonaws.com\"]},"
                + "\"Action\":[\"sts:AssumeRole\"]}]}");
    }

    @Test
    void conditionsAreSortedByOperatorAndThenByKey() {
        Map<String, List<String>> stringEquals = new LinkedHashMap<>();
        stringEquals.put("token.actions.githubusercontent.com:sub", List.of("repo:a/b:pull_request"));
        stringEquals.put("token.actions.githubusercontent.com:aud", List.of("sts.amazonaws.com"));
        Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
        conditions.put("StringLike", Map.of("aws:PrincipalTag/lane", List.of("demo-*")));
        conditions.put("Bool", Map.of("aws:SecureTransport", List.of("true")));
        conditions.put("StringEquals", stringEquals);
        Statement statement = Statement.allow("S", List.of("sts:AssumeRoleWithWebIdentity"), List.of("*"))
                .withConditions(conditions);

        assertThat(PolicyDocument.of(statement).toJson()).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Sid\":\"S\",\"Effect\":\"Allow\",\"Action\":[\"sts:AssumeRoleWithWebIdentity\"],\"Resource\":[\"*\"],"
                + "\"Condition\":{"
                + "\"Bool\":{\"aws:SecureTransport\":[\"true\"]},"
                + "\"StringEquals\":{\"token.actions.githubusercontent.com:aud\":[\"sts.amazonaws.com\"],"
                + "\"token.actions.githubusercontent.com:sub\":[\"repo:a/b:pull_request\"]},"
                + "\"StringLike\":{\"aws:PrincipalTag/lane\":[\"demo-*\"]}}}]}");
    }

    @Test
    void aNotActionStatementRendersNotActionInsteadOfAction() {
        Statement denyOthers = new Statement("DenyOthers", "Deny", Map.of(), List.of(), List.of("*"), Map.of())
                .withNotActions(List.of("iam:PassRole", "sts:GetCallerIdentity"));

        assertThat(PolicyDocument.of(denyOthers).toJson()).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Sid\":\"DenyOthers\",\"Effect\":\"Deny\","
                + "\"NotAction\":[\"iam:PassRole\",\"sts:GetCallerIdentity\"],\"Resource\":[\"*\"]}]}");
    }

    @Test
    void withNotActionsDropsTheActionsAndKeepsEverythingElse() {
        Statement original = new Statement("S", "Deny", Map.of("AWS", List.of("*")), List.of("s3:*"), List.of("r"),
                Map.of("Bool", Map.of("k", List.of("v"))));

        Statement notAction = original.withNotActions(List.of("s3:GetObject"));

        assertThat(notAction).isEqualTo(new Statement("S", "Deny", Map.of("AWS", List.of("*")), List.of(),
                List.of("s3:GetObject"), List.of("r"), Map.of("Bool", Map.of("k", List.of("v")))));
    }

    @Test
    void withConditionsReplacesTheConditionsAndKeepsNotActions() {
        Statement original = new Statement("S", "Deny", Map.of(), List.of(), List.of("iam:*"), List.of("*"), Map.of());

        Statement conditioned = original.withConditions(Map.of("Bool", Map.of("aws:ViaAWSService", List.of("false"))));

        assertThat(conditioned).isEqualTo(new Statement("S", "Deny", Map.of(), List.of(), List.of("iam:*"), List.of("*"),
                Map.of("Bool", Map.of("aws:ViaAWSService", List.of("false")))));
    }

    @Test
    void statementsRenderInTheOrderGivenAndTheDocumentIsACopy() {
        List<Statement> statements = new ArrayList<>(List.of(Statement.allow("B", List.of("b:B"), List.of("*")),
                Statement.allow("A", List.of("a:A"), List.of("*"))));
        PolicyDocument document = PolicyDocument.of(statements);
        statements.clear();

        assertThat(document.statements()).extracting(Statement::sid).containsExactly("B", "A");
        assertThat(document.toJson()).contains("\"Sid\":\"B\"").containsSubsequence("\"Sid\":\"B\"", "\"Sid\":\"A\"");
        assertThatThrownBy(() -> document.statements().add(statements.isEmpty() ? null : statements.get(0)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aStatementKeepsCopiesOfWhatItWasGiven() {
        List<String> actions = new ArrayList<>(List.of("s3:GetObject"));
        List<String> notActions = new ArrayList<>();
        List<String> resources = new ArrayList<>(List.of("*"));
        Map<String, List<String>> principal = new LinkedHashMap<>(Map.of("AWS", List.of("*")));
        Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
        Statement statement = new Statement("S", "Allow", principal, actions, notActions, resources, conditions);

        actions.add("s3:PutObject");
        notActions.add("iam:*");
        resources.add("arn:aws:s3:::other");
        principal.put("Service", List.of("x"));
        conditions.put("Bool", Map.of("k", List.of("v")));

        assertThat(statement.actions()).containsExactly("s3:GetObject");
        assertThat(statement.notActions()).isEmpty();
        assertThat(statement.resources()).containsExactly("*");
        assertThat(statement.principal()).containsOnlyKeys("AWS");
        assertThat(statement.conditions()).isEmpty();
    }

    @Test
    void principalHelperGivesOneTypeWithOneId() {
        assertThat(PolicyDocument.principal("Federated", "arn:aws:iam::1:oidc-provider/x"))
                .isEqualTo(Map.of("Federated", List.of("arn:aws:iam::1:oidc-provider/x")));
    }
}
