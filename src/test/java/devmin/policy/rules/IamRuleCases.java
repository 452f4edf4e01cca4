package devmin.policy.rules;

import devmin.policy.ResourceView;

import java.util.List;

import static devmin.policy.Views.*;
import static devmin.policy.rules.RuleCase.complies;
import static devmin.policy.rules.RuleCase.violates;

/** Cases for the IAM rules: execution role, lane roles, admin grants, GitHub OIDC trust. */
final class IamRuleCases {

    static final String ROLE = "aws:iam/role:Role";
    static final String TASK = "aws:ecs/taskDefinition:TaskDefinition";

    private IamRuleCases() {
    }

    static String doc(String statementsSingleQuoted) {
        return json("{'Version':'2012-10-17','Statement':" + statementsSingleQuoted + "}");
    }

    static ResourceView role(String name) {
        return demo(ROLE, name, props("name", "devmin-dev-min-" + name, "assumeRolePolicy",
                doc("[{'Effect':'Allow','Principal':{'Service':['ecs-tasks.amazonaws.com']},'Action':['sts:AssumeRole']}]")));
    }

    static ResourceView task(String name, String executionRoleName, String taskRoleName, String containers) {
        return demo(TASK, name, props("executionRoleArn", "arn:aws:iam::123456789012:role/devmin-dev-min-"
                        + executionRoleName, "taskRoleArn", "arn:aws:iam::123456789012:role/devmin-dev-min-" + taskRoleName,
                "containerDefinitions", json(containers)));
    }

    static ResourceView task(String name) {
        return task(name, "exec", "lane", "[{'name':'app','image':'r@sha256:" + "a".repeat(64) + "'}]");
    }

    static ResourceView rolePolicy(String name, ResourceView role, String statements) {
        return from(demo("aws:iam/rolePolicy:RolePolicy", name, props("role", "[unknown]", "policy", doc(statements))),
                "role", role);
    }

    static ResourceView attachment(String name, ResourceView role, String policyArn) {
        return demo("aws:iam/rolePolicyAttachment:RolePolicyAttachment", name, props("role",
                role.text("name").orElseThrow(), "policyArn", policyArn));
    }

    static List<RuleCase> all() {
        var exec = new ExecutionRoleReadsNoSecrets();
        var lane = new LaneRolesReadOwnParameters();
        var admin = new NoAdministratorGrant();
        var oidc = new GithubOidcTrustIsPinned();
        ResourceView execRole = role("exec");
        ResourceView laneRole = role("lane");
        String pullAndLogs = "[{'Effect':'Allow','Action':['ecr:BatchGetImage','logs:PutLogEvents'],'Resource':'*'}]";
        String exactParameter = "arn:aws:ssm:eu-west-2:123456789012:parameter/devmin/dev_min/ig/api_key";
        return List.of(
                violates(exec, "an inline ssm:GetParameter on the execution role", task("t"), laneRole,
                        demo(ROLE, "exec", props("name", "devmin-dev-min-exec", "inlinePolicies", tree(
                                "[{'name':'p','policy':\"{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"ssm:GetParameter\\\",\\\"Resource\\\":\\\"*\\\"}]}\"}]"))))
                        .firing("exec", "is granted ssm:GetParameter by Allow [ssm:GetParameter] on [*]"),
                violates(exec, "a separate role policy with ssm:Get*", task("t"), execRole, laneRole,
                        rolePolicy("p", execRole, "[{'Effect':'Allow','Action':'ssm:Get*','Resource':'arn:aws:ssm:*:*:parameter/x'}]"))
                        .firing("exec", "is granted ssm:GetParameter by Allow [ssm:Get*]"),
                violates(exec, "a NotAction that leaves secret reads allowed", task("t"), execRole, laneRole,
                        rolePolicy("p", execRole, "[{'Effect':'Allow','NotAction':['iam:*'],'Resource':'*'}]"))
                        .firing("exec", "is granted kms:Decrypt by Allow NotAction [iam:*]"),
                violates(exec, "kms:* through a wildcard", task("t"), execRole, laneRole,
                        rolePolicy("p", execRole, "[{'Effect':'Allow','Action':'kms:*','Resource':'*'}]"))
                        .firing("exec", "is granted kms:Decrypt by Allow [kms:*]"),
                violates(exec, "an AWS-managed AmazonSSMReadOnlyAccess attachment", task("t"), execRole, laneRole,
                        attachment("a", execRole, "arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess"))
                        .firing("exec", "is granted ssm:GetParametersByPath"),
                violates(exec, "SecretsManagerReadWrite in managedPolicyArns", task("t"), laneRole,
                        demo(ROLE, "exec", props("name", "devmin-dev-min-exec", "managedPolicyArns",
                                tree("['arn:aws:iam::aws:policy/SecretsManagerReadWrite']"))))
                        .firing("exec", "is granted secretsmanager:GetSecretValue by Allow [secretsmanager:*"),
                violates(exec, "a customer policy granting secretsmanager:GetSecretValue", task("t"), execRole,
                        laneRole, attachment("a", execRole, "arn:aws:iam::123456789012:policy/reader"),
                        demo("aws:iam/policy:Policy", "reader", props("name", "reader", "policy",
                                doc("[{'Effect':'Allow','Action':'secretsmanager:GetSecretValue','Resource':'*'}]"))))
                        .firing("exec", "is granted secretsmanager:GetSecretValue"),
                violates(exec, "an AWS-managed policy devmin does not know", task("t"), execRole, laneRole,
                        attachment("a", execRole, "arn:aws:iam::aws:policy/SomethingNew"))
                        .firing("a", "AWS-managed policy arn:aws:iam::aws:policy/SomethingNew attached to 'a' cannot be verified (devmin does not know this AWS-managed policy"),
                violates(exec, "a task definition with a secrets block", execRole, laneRole, task("t", "exec", "lane",
                        "[{'name':'app','image':'x','secrets':[{'name':'DB','valueFrom':'arn:aws:ssm:r:1:parameter/db'}]}]"))
                        .firing("t", "container 'app' injects 1 secret(s) through the execution role (secrets)"),
                complies(exec, "pull and logs only", task("t"), execRole, laneRole,
                        rolePolicy("p", execRole, pullAndLogs)),
                complies(exec, "the AWS execution role policy", task("t"), execRole, laneRole,
                        attachment("a", execRole, "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")),
                complies(exec, "a lane role (not the execution role) reading SSM", task("t"), execRole, laneRole,
                        rolePolicy("p", laneRole, "[{'Effect':'Allow','Action':'ssm:GetParameter','Resource':'"
                                + exactParameter + "'}]")),
                complies(exec, "an explicit Deny of secret reads", task("t"), execRole, laneRole,
                        rolePolicy("p", execRole, "[{'Effect':'Allow','Action':'ssm:*','Resource':'*'},"
                                + "{'Effect':'Deny','Action':['ssm:Get*','kms:Decrypt','secretsmanager:*'],'Resource':'*'}]")),

                violates(lane, "ssm:GetParameter on *", task("t"), execRole, laneRole,
                        rolePolicy("p", laneRole, "[{'Effect':'Allow','Action':'ssm:GetParameter','Resource':'*'}]"))
                        .firing("lane", "reads SSM parameters beyond exact ARNs: Allow [ssm:GetParameter] on [*]"),
                violates(lane, "a path wildcard", task("t"), execRole, laneRole, rolePolicy("p", laneRole,
                        "[{'Effect':'Allow','Action':'ssm:GetParameters','Resource':'arn:aws:ssm:eu-west-2:1:parameter/devmin/*'}]"))
                        .firing("lane", "beyond exact ARNs"),
                violates(lane, "GetParametersByPath", task("t"), execRole, laneRole, rolePolicy("p", laneRole,
                        "[{'Effect':'Allow','Action':'ssm:GetParametersByPath','Resource':'" + exactParameter + "'}]"))
                        .firing("lane", "may read parameters by path"),
                violates(lane, "ssm:* on an exact ARN", task("t"), execRole, laneRole, rolePolicy("p", laneRole,
                        "[{'Effect':'Allow','Action':'ssm:*','Resource':'" + exactParameter + "'}]"))
                        .firing("lane", "may read parameters by path: Allow [ssm:*]"),
                complies(lane, "exact parameter ARNs", task("t"), execRole, laneRole, rolePolicy("p", laneRole,
                        "[{'Effect':'Allow','Action':['ssm:GetParameter','ssm:GetParameters'],'Resource':['"
                                + exactParameter + "']}]")),
                complies(lane, "S3 prefixes only", task("t"), execRole, laneRole, rolePolicy("p", laneRole,
                        "[{'Effect':'Allow','Action':'s3:PutObject','Resource':'arn:aws:s3:::b/evidence/*'}]")),

                violates(admin, "Action * on Resource * in a role policy", rolePolicy("p", laneRole,
                        "[{'Effect':'Allow','Action':'*','Resource':'*'}]"))
                        .firing("p", "allows every action on every resource: Allow [*] on [*]"),
                violates(admin, "Action *:* in a customer policy", core("aws:iam/policy:Policy", "p", props("policy",
                        doc("[{'Effect':'Allow','Action':['*:*'],'Resource':['*']}]"))))
                        .firing("p", "customer policy 'p' allows every action on every resource"),
                violates(admin, "AdministratorAccess attached", attachment("a", laneRole,
                        "arn:aws:iam::aws:policy/AdministratorAccess"))
                        .firing("a", "AWS-managed policy arn:aws:iam::aws:policy/AdministratorAccess attached to 'a' allows every action"),
                violates(admin, "AdministratorAccess in managedPolicyArns", core(ROLE, "r", props("managedPolicyArns",
                        tree("['arn:aws:iam::aws:policy/AdministratorAccess']"))))
                        .firing("r", "attached to role 'r' allows every action on every resource"),
                complies(admin, "service wildcards on *", rolePolicy("p", laneRole,
                        "[{'Effect':'Allow','Action':['ecs:*','logs:*'],'Resource':'*'}]")),
                complies(admin, "a Deny of everything", rolePolicy("p", laneRole,
                        "[{'Effect':'Deny','Action':'*','Resource':'*'}]")),

                violates(oidc, "no sub condition", core(ROLE, "ci", props("assumeRolePolicy", trust(
                        "'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com'}"))))
                        .firing("ci", "trust has no sub condition"),
                violates(oidc, "a wildcard owner", core(ROLE, "ci", props("assumeRolePolicy", trust(
                        "'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com'},"
                                + "'StringLike':{'token.actions.githubusercontent.com:sub':'repo:*/fraud-platform:*'}"))))
                        .firing("ci", "trust sub 'repo:*/fraud-platform:*' is not fixed"),
                violates(oidc, "ForAllValues on sub", core(ROLE, "ci", props("assumeRolePolicy", trust(
                        "'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com'},"
                                + "'ForAllValues:StringLike':{'token.actions.githubusercontent.com:sub':'repo:o/r:*'}"))))
                        .firing("ci", "trust uses ForAllValues:StringLike"),
                violates(oidc, "an audience other than STS", core(ROLE, "ci", props("assumeRolePolicy", trust(
                        "'StringEquals':{'token.actions.githubusercontent.com:aud':['sts.amazonaws.com','x'],"
                                + "'token.actions.githubusercontent.com:sub':'repo:o/r:pull_request'}"))))
                        .firing("ci", "does not pin aud to exactly sts.amazonaws.com (found [sts.amazonaws.com, x])"),
                violates(oidc, "a wildcard repository", core(ROLE, "ci", props("assumeRolePolicy", trust(
                        "'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com'},"
                                + "'StringLike':{'token.actions.githubusercontent.com:sub':'repo:o/*:ref:refs/heads/main'}"))))
                        .firing("ci", "trust sub 'repo:o/*:ref:refs/heads/main' is not fixed"),
                complies(oidc, "exact aud and sub", core(ROLE, "ci", props("assumeRolePolicy", trust(
                        "'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com',"
                                + "'token.actions.githubusercontent.com:sub':'repo:example-org/fraud-platform:pull_request'}")))),
                complies(oidc, "the immutable subject form with a ref pattern", core(ROLE, "ci", props("assumeRolePolicy",
                        trust("'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com'},"
                                + "'StringLike':{'token.actions.githubusercontent.com:sub':'repo:o@1/r@2:ref:refs/tags/*'}")))),
                // GitHub's changelog (2026-04-23) writes owner-1/repo-2, its pending docs (github/docs#45221) owner@1/repo@2
                complies(oidc, "both of GitHub's spellings of one repository's immutable ids", core(ROLE, "ci",
                        props("assumeRolePolicy", trust("'StringEquals':{'token.actions.githubusercontent.com:aud':"
                                + "'sts.amazonaws.com','token.actions.githubusercontent.com:sub':"
                                + "['repo:o@1/r@2:ref:refs/heads/main','repo:o-1/r-2:ref:refs/heads/main']}")))),
                violates(oidc, "the two spellings of different ids", core(ROLE, "ci", props("assumeRolePolicy", trust(
                        "'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com',"
                                + "'token.actions.githubusercontent.com:sub':"
                                + "['repo:o@1/r@2:ref:refs/heads/main','repo:o-1/r-3:ref:refs/heads/main']}"))))
                        .firing("ci", "trust admits more than one repository"),
                violates(oidc, "two repositories", core(ROLE, "ci", props("assumeRolePolicy", trust(
                        "'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com',"
                                + "'token.actions.githubusercontent.com:sub':"
                                + "['repo:o/r:pull_request','repo:o/other:pull_request']}"))))
                        .firing("ci", "trust admits more than one repository"),
                complies(oidc, "a role not trusting GitHub", role("lane")));
    }

    static String trust(String conditionBody) {
        return doc("[{'Effect':'Allow','Principal':{'Federated':'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com'},"
                + "'Action':'sts:AssumeRoleWithWebIdentity','Condition':{" + conditionBody + "}}]");
    }
}
