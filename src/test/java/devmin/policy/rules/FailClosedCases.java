package devmin.policy.rules;

import devmin.policy.ResourceView;

import java.util.List;
import java.util.stream.Stream;

import static devmin.policy.Views.*;
import static devmin.policy.rules.IamRuleCases.ROLE;
import static devmin.policy.rules.IamRuleCases.attachment;
import static devmin.policy.rules.IamRuleCases.doc;
import static devmin.policy.rules.IamRuleCases.role;
import static devmin.policy.rules.IamRuleCases.task;
import static devmin.policy.rules.RuleCase.complies;
import static devmin.policy.rules.RuleCase.violates;

/**
 * Secrets the execution role fetches by any container field; grants that cannot be verified on any role; and empty
 * values ({@code ""}, {@code [{}]}) that mean "none" and never hide a real value.
 */
final class FailClosedCases {

    static final String SECRETS = "execution-role-secrets";
    static final String FAIL_CLOSED = "fail-closed-everywhere";
    static final String EMPTY_IS_ABSENT = "empty-is-absent";

    private FailClosedCases() {
    }

    static ResourceView taskWith(String containersSingleQuoted) {
        return task("t", "exec", "lane", containersSingleQuoted);
    }

    static ResourceView ciRole(String name, Object... more) {
        Object[] all = Stream.concat(Stream.of("name", "devmin-dev-min-" + name), Stream.of(more)).toArray();
        return core(ROLE, name, props(all));
    }

    static List<RuleCase> all() {
        return Stream.of(secrets(), failClosed(), emptyIsAbsent()).flatMap(List::stream).toList();
    }

    private static List<RuleCase> secrets() {
        var exec = new ExecutionRoleReadsNoSecrets();
        ResourceView execRole = role("exec");
        ResourceView laneRole = role("lane");
        String app = "{'name':'app','image':'x'}";
        return Stream.of(
                violates(exec, "registry credentials", execRole, laneRole, taskWith("[{'name':'app','image':'x',"
                        + "'repositoryCredentials':{'credentialsParameter':'arn:aws:secretsmanager:r:1:secret:reg'}}]"))
                        .firing("t", "(repositoryCredentials.credentialsParameter)"),
                violates(exec, "log driver secret options", execRole, laneRole, taskWith("[{'name':'app','image':'x',"
                        + "'logConfiguration':{'logDriver':'awsfirelens','secretOptions':[{'name':'apikey',"
                        + "'valueFrom':'arn:aws:ssm:r:1:parameter/k'}]}}]"))
                        .firing("t", "gives its log driver 1 secret(s) the execution role fetches"),
                violates(exec, "a capitalised Secrets key", execRole, laneRole, taskWith("[{'Name':'app','Image':'x',"
                        + "'Secrets':[{'Name':'DB','ValueFrom':'arn:aws:ssm:r:1:parameter/db'}]}]"))
                        .firing("t", "container 'app' injects 1 secret(s) through the execution role (secrets)"),
                violates(exec, "a sidecar's secrets", execRole, laneRole, taskWith("[" + app + ",{'name':'sidecar',"
                        + "'image':'x','secrets':[{'name':'A','valueFrom':'a'},{'name':'B','valueFrom':'b'}]}]"))
                        .firing("t", "container 'sidecar' injects 2 secret(s)"),
                violates(exec, "secrets in an awsx service's inline task definition", execRole, laneRole,
                        demo("awsx:ecs:FargateService", "svc", props("taskDefinitionArgs", tree("{'container':{'name':"
                                + "'app','image':'x','secrets':[{'name':'K','valueFrom':'k'}]}}"))))
                        .firing("svc", "container 'app' injects 1 secret(s)"),
                violates(exec, "container definitions unknown until the update runs", execRole, laneRole,
                        demo(IamRuleCases.TASK, "t", props("executionRoleArn", ProviderTypeCases.EXEC_ARN,
                                "containerDefinitions", "[unknown]")))
                        .firing("t", "has container definitions (containerDefinitions) that cannot be read"),
                complies(exec, "empty secrets, empty registry credentials, log options without secrets", execRole,
                        laneRole, taskWith("[{'name':'app','image':'x','secrets':[],'repositoryCredentials':{},"
                                + "'logConfiguration':{'logDriver':'awslogs','options':{'awslogs-group':'/g'},"
                                + "'secretOptions':[]}}]")),
                complies(exec, "two containers with plain environments", execRole, laneRole, taskWith("[{'name':'app',"
                        + "'image':'x','environment':[{'name':'A','value':'1'}]},{'name':'sidecar','image':'y'}]"))
        ).map(c -> c.in(SECRETS)).toList();
    }

    private static List<RuleCase> failClosed() {
        var exec = new ExecutionRoleReadsNoSecrets();
        var lane = new LaneRolesReadOwnParameters();
        var admin = new NoAdministratorGrant();
        var acls = new KafkaAclsAreNarrow();
        var oidc = new GithubOidcTrustIsPinned();
        ResourceView execRole = role("exec");
        ResourceView laneRole = role("lane");
        ResourceView secretReader = demo("aws:iam/policy:Policy", "reader", props("name", "reader", "policy",
                doc("[{'Effect':'Allow','Action':'secretsmanager:GetSecretValue','Resource':'*'}]")));
        ResourceView harmless = demo("aws:iam/policy:Policy", "pull", props("name", "pull", "policy",
                doc("[{'Effect':'Allow','Action':'ecr:BatchGetImage','Resource':'*'}]")));
        String readOnly = doc("[{'Effect':'Allow','Action':['ecr:DescribeImages'],'Resource':'*'}]");
        String acl = "confluentcloud:index/kafkaAcl:KafkaAcl";
        ResourceView serviceAccount = res("confluentcloud:index/serviceAccount:ServiceAccount", "sa", "confluent",
                props());
        return Stream.of(
                violates(lane, "an unknown AWS-managed policy on a lane role", task("t"), execRole, laneRole,
                        attachment("a", laneRole, "arn:aws:iam::aws:policy/SomethingNew"))
                        .firing("a", "lane role 'lane': AWS-managed policy arn:aws:iam::aws:policy/SomethingNew"
                                + " attached to 'a' cannot be verified"),
                violates(lane, "a secret-wrapped inline policy on a lane role", task("t"), execRole,
                        demo(ROLE, "lane", props("name", "devmin-dev-min-lane", "inlinePolicies",
                                tree("[{'name':'p','policy':'[secret]'}]"))))
                        .firing("lane", "inline policy 'p' of role 'lane' cannot be verified (it is a secret)"),
                violates(lane, "a task role that is no role of this stack", execRole, laneRole,
                        task("t", "exec", "elsewhere", "[{'name':'app','image':'x'}]"))
                        .firing("t", "names task role 'arn:aws:iam::123456789012:role/devmin-dev-min-elsewhere'"),
                violates(admin, "an unknown AWS-managed policy on a CI role", ciRole("ci", "managedPolicyArns",
                        tree("['arn:aws:iam::aws:policy/SomethingNew']")))
                        .firing("ci", "attached to role 'ci' cannot be verified"),
                violates(admin, "a CI role policy unknown until the update runs", ciRole("ci"),
                        core("aws:iam/rolePolicy:RolePolicy", "p", props("role", "devmin-dev-min-ci", "policy",
                                "[unknown]"))).firing("p", "cannot be verified (its content is unknown until the update runs)"),
                violates(admin, "a customer policy attached by an ARN this stack does not declare", ciRole("ci"),
                        attachment("a", ciRole("ci"), "arn:aws:iam::123456789012:policy/elsewhere"))
                        .firing("a", "this stack does not declare it"),
                violates(exec, "an execution role policy that is not JSON", task("t"), execRole, laneRole,
                        from(demo("aws:iam/rolePolicy:RolePolicy", "p", props("role", "[unknown]", "policy",
                                "{\"Statement\": [")), "role", execRole))
                        .firing("p", "execution role 'exec': policy resource 'p' cannot be verified (it is not a JSON"
                                + " policy document)"),
                violates(exec, "an execution role that is no role of this stack", laneRole,
                        task("t", "elsewhere", "lane", "[{'name':'app','image':'x'}]"))
                        .firing("t", "names execution role 'arn:aws:iam::123456789012:role/devmin-dev-min-elsewhere'"),
                violates(acls, "a principal that cannot be verified", res(acl, "a", "confluent", props("principal",
                        "[unknown]", "resourceType", "TOPIC", "resourceName", "t", "patternType", "LITERAL",
                        "operation", "READ"))).firing("a", "grants to a principal that cannot be verified"),
                violates(oidc, "a trust unknown until the update runs", core(ROLE, "ci", props("assumeRolePolicy",
                        "[unknown]"))).firing("ci", "trust (assumeRolePolicy) cannot be verified (its content is unknown"),
                violates(exec, "an attachment whose ARN is unknown and names no policy of this stack", task("t"),
                        execRole, laneRole, attachment("a", execRole, "[unknown]"))
                        .firing("a", "its ARN is unknown until the update runs and names no policy of this stack"),
                violates(exec, "an attachment whose ARN is unknown at preview but comes from a policy that reads secrets",
                        task("t"), execRole, laneRole, secretReader, from(attachment("a", execRole, "[unknown]"),
                                "policyArn", secretReader)).firing("exec", "is granted secretsmanager:GetSecretValue"),
                complies(exec, "an attachment whose ARN is unknown at preview but comes from a harmless policy",
                        task("t"), execRole, laneRole, harmless, from(attachment("a", execRole, "[unknown]"),
                                "policyArn", harmless)),
                complies(lane, "a lane role with a known AWS-managed policy that reads no parameter", task("t"),
                        execRole, laneRole, attachment("a", laneRole,
                                "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")),
                complies(admin, "a CI role with a harmless customer policy attached by an ARN with a path", ciRole("ci"),
                        attachment("a", ciRole("ci"), "arn:aws:iam::123456789012:policy/team/ci/reader"),
                        core("aws:iam/policy:Policy", "reader", props("name", "reader", "policy", readOnly))),
                complies(exec, "an execution role with a harmless customer policy attached by ARN", task("t"),
                        execRole, laneRole, attachment("a", execRole, "arn:aws:iam::123456789012:policy/reader"),
                        demo("aws:iam/policy:Policy", "reader", props("name", "reader", "policy", readOnly))),
                complies(acls, "a principal unknown at preview but from a service account of this stack", serviceAccount,
                        from(res(acl, "a", "confluent", props("principal", "[unknown]", "resourceType", "TOPIC",
                                "resourceName", "t", "patternType", "LITERAL", "operation", "READ")), "principal",
                                serviceAccount))
        ).map(c -> c.in(FAIL_CLOSED)).toList();
    }

    private static List<RuleCase> emptyIsAbsent() {
        var exec = new ExecutionRoleReadsNoSecrets();
        var nat = new NoNatGateway();
        ResourceView laneRole = role("lane");
        String ssmRead = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ssm:GetParameter\",\"Resource\":\"*\"}]}";
        return Stream.of(
                violates(nat, "a NAT route in the inputs that the outputs leave empty", withOutputs(demo("aws:ec2/route:Route",
                        "r", props("natGatewayId", "nat-1")), props("natGatewayId", "")))
                        .firing("r", "(natGatewayId = nat-1)"),
                violates(exec, "an empty inline policy beside a real one", task("t"), laneRole, demo(ROLE, "exec",
                        props("name", "devmin-dev-min-exec", "inlinePolicies", ((com.fasterxml.jackson.databind.node.ArrayNode)
                                tree("[{}]")).add(props("name", "p", "policy", ssmRead)))))
                        .firing("exec", "is granted ssm:GetParameter"),
                violates(exec, "an empty managed policy ARN beside a real one", task("t"), laneRole, demo(ROLE, "exec",
                        props("name", "devmin-dev-min-exec", "managedPolicyArns",
                                tree("['','arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess']"))))
                        .firing("exec", "is granted ssm:GetParameter"),
                complies(exec, "inlinePolicies [{}], the provider's way to say none", task("t"), laneRole,
                        demo(ROLE, "exec", props("name", "devmin-dev-min-exec", "inlinePolicies", tree("[{}]")))),
                complies(exec, "inline policies recorded in outputs with empty name and policy", task("t"), laneRole,
                        withOutputs(role("exec"), props("inlinePolicies", tree("[{'name':'','policy':''}]")))),
                complies(nat, "an internet route whose outputs hold natGatewayId ''", withOutputs(demo("aws:ec2/route:Route",
                        "r", props("gatewayId", "igw-1", "destinationCidrBlock", "0.0.0.0/0")),
                        props("gatewayId", "igw-1", "natGatewayId", "", "destinationCidrBlock", "0.0.0.0/0")))
        ).map(c -> c.in(EMPTY_IS_ABSENT)).toList();
    }
}
