package devmin.policy.rules;

import devmin.policy.Finding;
import devmin.policy.PolicyConfig;
import devmin.policy.PolicyEngine;
import devmin.policy.ResourceView;
import devmin.policy.RulePack;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static devmin.policy.Views.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each rule reports when the value it decides on is {@code [unknown]} (computed during the update) or
 * {@code [secret]}: a rule that cannot see the value must not pass it. {@link RulesNeverCrashTest} only proves that
 * nothing throws; this says what is reported, and why, in the rule's own words.
 */
class RulesOnOpaqueValuesTest {

    private static final List<String> OPAQUE = List.of("[unknown]", "[secret]");
    private static final PolicyEngine ENGINE = new PolicyEngine(RulePack.devmin(), PolicyConfig.none(),
            LocalDate.of(2026, 11, 30));

    private static String why(String value) {
        return value.equals("[secret]") ? "(it is a secret)" : "(its content is unknown until the update runs)";
    }

    /** The findings on {@code subject} in a stack that also holds a lane role and a task of the demo layer. */
    private static List<Finding> findingsOn(ResourceView subject, ResourceView... others) {
        List<ResourceView> stack = new java.util.ArrayList<>(List.of(subject));
        stack.addAll(List.of(others));
        return ENGINE.evaluate(stack).findings().stream().filter(f -> f.urn().equals(subject.urn())).toList();
    }

    private static List<String> messagesOf(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).map(Finding::message).toList();
    }

    @Test
    void anOpaqueInlinePolicyOfTheExecutionRoleCountsAsAGrantOfSecretsAndOfEverything() {
        for (String value : OPAQUE) {
            ResourceView exec = demo("aws:iam/role:Role", "exec", props("name", "devmin-dev-min-exec",
                    "assumeRolePolicy", IamRuleCases.role("x").text("assumeRolePolicy").orElseThrow(),
                    "inlinePolicies", tree("[{'name':'p','policy':'" + value + "'}]")));

            List<Finding> findings = findingsOn(exec, IamRuleCases.task("t"));

            assertThat(messagesOf(findings, "DM-IAM-001")).as(value).containsExactly("execution role 'exec': inline"
                    + " policy 'p' of role 'exec' cannot be verified " + why(value) + ", so it counts as a possible"
                    + " grant of secrets");
            assertThat(messagesOf(findings, "DM-IAM-003")).as(value).containsExactly("inline policy 'p' of role 'exec'"
                    + " cannot be verified " + why(value) + ", so it counts as a possible grant of every action on"
                    + " every resource");
        }
    }

    @Test
    void anOpaqueLanePolicyCountsAsAGrantOfEveryParameter() {
        for (String value : OPAQUE) {
            ResourceView lane = IamRuleCases.role("lane");
            ResourceView policy = from(demo("aws:iam/rolePolicy:RolePolicy", "opaque", props("role", "[unknown]",
                    "policy", value)), "role", lane);

            List<Finding> findings = findingsOn(policy, lane, IamRuleCases.task("t"));

            assertThat(messagesOf(findings, "DM-IAM-002")).as(value).containsExactly("lane role 'lane': policy resource"
                    + " 'opaque' cannot be verified " + why(value) + ", so it counts as a possible grant of every"
                    + " parameter");
            assertThat(messagesOf(findings, "DM-IAM-003")).as(value).hasSize(1);
        }
    }

    @Test
    void anOpaqueTrustPolicyMayTrustGithubUnpinned() {
        for (String value : OPAQUE) {
            ResourceView role = demo("aws:iam/role:Role", "ci", props("name", "devmin-dev-min-ci",
                    "assumeRolePolicy", value));

            assertThat(messagesOf(findingsOn(role), "DM-IAM-004")).as(value).containsExactly("role 'ci' trust"
                    + " (assumeRolePolicy) cannot be verified " + why(value) + ", so it may trust GitHub without pinning");
        }
    }

    @Test
    void anUnknownKafkaPrincipalFromNoServiceAccountCannotBeVerified() {
        ResourceView acl = demo("confluentcloud:index/kafkaAcl:KafkaAcl", "acl", props("resourceType", "TOPIC",
                "resourceName", "orders.v1", "patternType", "LITERAL", "operation", "WRITE", "permission", "ALLOW",
                "host", "*", "principal", "[unknown]"));

        assertThat(messagesOf(findingsOn(acl), "DM-KAFKA-001")).containsExactly("ACL 'acl' grants to a principal that"
                + " cannot be verified (unknown until the update runs, and from no service account of this stack)");
    }

    /** A principal marked secret hides whom the ACL grants to: never a pass. */
    @Test
    void aSecretKafkaPrincipalCannotBeVerified() {
        ResourceView acl = demo("confluentcloud:index/kafkaAcl:KafkaAcl", "acl", props("resourceType", "TOPIC",
                "resourceName", "orders.v1", "patternType", "LITERAL", "operation", "WRITE", "permission", "ALLOW",
                "host", "*", "principal", "[secret]"));

        assertThat(messagesOf(findingsOn(acl), "DM-KAFKA-001")).containsExactly("ACL 'acl' grants to a principal held"
                + " as a secret, so whom it grants to cannot be verified");
    }

    @Test
    void anOpaqueImageIsNotPinned() {
        for (String value : OPAQUE) {
            ResourceView task = demo("aws:ecs/taskDefinition:TaskDefinition", "t2", props("containerDefinitions",
                    json("[{'name':'app','image':'" + value + "'}]")));

            assertThat(messagesOf(findingsOn(task), "DM-SUPPLY-001")).as(value).containsExactly("task definition 't2'"
                    + " container 'app' runs image '" + value + "', not pinned by digest");
        }
    }

    /** A secret-looking variable holding any value, known or not, is a plaintext secret in the task definition. */
    @Test
    void anOpaqueValueUnderASecretLookingNameIsAPlaintextSecret() {
        for (String value : OPAQUE) {
            ResourceView task = demo("aws:ecs/taskDefinition:TaskDefinition", "t", props("containerDefinitions",
                    json("[{'name':'app','image':'r@sha256:" + "a".repeat(64) + "','environment':[{'name':'API_KEY',"
                            + "'value':'" + value + "'}]}]")));

            assertThat(messagesOf(findingsOn(task), "DM-SEC-001")).as(value).containsExactly("task definition 't'"
                    + " container 'app' has a plaintext secret in API_KEY (a secret-looking name holds a value)");
        }
    }

    @Test
    void anOpaqueNatGatewayIdInARouteIsANatRoute() {
        assertThat(messagesOf(findingsOn(demo("aws:ec2/route:Route", "r", props("natGatewayId", "[unknown]",
                "destinationCidrBlock", "0.0.0.0/0"))), "DM-COST-001"))
                .containsExactly("route 'r' sends traffic through a NAT gateway (natGatewayId)");
        assertThat(messagesOf(findingsOn(demo("aws:ec2/route:Route", "r", props("natGatewayId", "[secret]",
                "destinationCidrBlock", "0.0.0.0/0"))), "DM-COST-001"))
                .containsExactly("route 'r' sends traffic through a NAT gateway (natGatewayId = [secret])");
    }

    @Test
    void anOpaqueRetentionIsNoRetention() {
        for (String value : OPAQUE) {
            ResourceView logs = demo("aws:cloudwatch/logGroup:LogGroup", "lg", props("retentionInDays", value));

            assertThat(messagesOf(findingsOn(logs), "DM-COST-004")).as(value)
                    .containsExactly("log group 'lg' keeps events forever");
        }
    }

    @Test
    void anOpaqueBucketNameDoesNotMatchItsGuards() {
        for (String value : OPAQUE) {
            ResourceView bucket = core("aws:s3/bucketV2:BucketV2", "b", props("bucket", value));

            assertThat(messagesOf(findingsOn(bucket), "DM-DATA-001")).as(value).containsExactlyInAnyOrder(
                    "bucket 'b' has no public access block with all four flags", "bucket 'b' is not versioned",
                    "bucket 'b' has no default encryption", "bucket 'b' has no policy denying non-TLS requests to every"
                            + " principal, for every S3 action, on the bucket and its objects");
        }
    }
}
