package devmin.ci;

import devmin.graph.DeclaredResource;
import devmin.policy.iam.IamEvaluator;
import devmin.policy.iam.IamRequest;
import devmin.policy.iam.IamStatement;
import devmin.policy.iam.PolicyStatements;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No CI role can raise its own or another CI role's rights, or make a role that can do more than the demo
 * permissions boundary: evaluated on the policies the program declares, with the evaluator's "may allow" (a condition
 * devmin cannot evaluate counts as met), for every CI role. It may not write, attach or detach a CI role's policies,
 * rewrite its trust, change or remove a boundary, create or update a managed policy, create a role without the demo
 * boundary, pass a role other than the demo layer's, or pass the demo roles to anything but ECS tasks. And every role
 * the demo's tasks run as is core's and carries the boundary, which allows no IAM.
 */
class CiRolesCannotEscalateTest {

    static final CiSetup SETUP = CiSetup.all().get(0);

    /** What would raise some role's rights beyond what the program declares, for one CI role to try. */
    static List<IamRequest> escalations(CiSetup setup) {
        String account = setup.spec().awsAccountId();
        String boundary = setup.names().demoBoundaryArn();
        String laneRole = setup.names().roleArn(stacks.demo.DemoNames.of(setup.spec()).laneRoleName("intruder"));
        String adminPolicy = "arn:aws:iam::aws:policy/AdministratorAccess";
        List<IamRequest> escalations = new ArrayList<>();
        for (String ciRole : setup.roleNames()) {
            String arn = setup.names().roleArn(ciRole);
            for (String action : List.of("iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:DeleteRolePolicy",
                    "iam:DetachRolePolicy", "iam:UpdateAssumeRolePolicy", "iam:PutRolePermissionsBoundary",
                    "iam:DeleteRolePermissionsBoundary", "iam:UpdateRole", "iam:DeleteRole", "iam:CreateRole",
                    "iam:TagRole", "iam:UntagRole", "iam:PassRole", "sts:AssumeRole")) {
                escalations.add(IamRequest.of(action, arn));
            }
            escalations.add(IamRequest.of("iam:PassRole", arn).with("iam:PassedToService", "ecs-tasks.amazonaws.com"));
        }
        for (String policy : List.of(boundary, "arn:aws:iam::" + account + ":policy/anything")) {
            for (String action : List.of("iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion",
                    "iam:DeletePolicyVersion", "iam:CreatePolicy", "iam:DeletePolicy", "iam:TagPolicy")) {
                escalations.add(IamRequest.of(action, policy));
            }
        }
        escalations.add(IamRequest.of("iam:CreateRole", laneRole));
        escalations.add(IamRequest.of("iam:CreateRole", laneRole).with("iam:PermissionsBoundary", adminPolicy));
        escalations.add(IamRequest.of("iam:CreateRole", "arn:aws:iam::" + account + ":role/outside-the-lanes")
                .with("iam:PermissionsBoundary", boundary));
        // The lanes' roles are core's: no CI role may create or change one, even within the boundary.
        String executionRole = setup.names().roleArn(stacks.demo.DemoNames.of(setup.spec()).executionRoleName());
        for (String role : List.of(laneRole, executionRole)) {
            for (String action : List.of("iam:CreateRole", "iam:PutRolePolicy", "iam:DeleteRolePolicy",
                    "iam:UpdateAssumeRolePolicy", "iam:DeleteRole", "iam:TagRole", "iam:UntagRole", "iam:UpdateRole")) {
                escalations.add(IamRequest.of(action, role).with("iam:PermissionsBoundary", boundary));
            }
        }
        for (String action : List.of("iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:PutRolePermissionsBoundary")) {
            escalations.add(IamRequest.of(action, laneRole));
            escalations.add(IamRequest.of(action, laneRole).with("iam:PermissionsBoundary", adminPolicy));
        }
        escalations.add(IamRequest.of("iam:AttachRolePolicy", laneRole).with("iam:PermissionsBoundary", boundary)
                .with("iam:PolicyARN", adminPolicy));
        escalations.add(IamRequest.of("iam:DeleteRolePermissionsBoundary", laneRole)
                .with("iam:PermissionsBoundary", boundary));
        escalations.add(IamRequest.of("iam:PassRole", "arn:aws:iam::" + account + ":role/outside-the-lanes")
                .with("iam:PassedToService", "ecs-tasks.amazonaws.com"));
        for (String service : List.of("ec2.amazonaws.com", "lambda.amazonaws.com", "cloudformation.amazonaws.com")) {
            escalations.add(IamRequest.of("iam:PassRole", laneRole).with("iam:PassedToService", service));
        }
        escalations.add(IamRequest.of("iam:CreateServiceLinkedRole", "arn:aws:iam::" + account
                + ":role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk")
                .with("iam:AWSServiceName", "elasticbeanstalk.amazonaws.com"));
        for (String action : List.of("iam:CreateUser", "iam:CreateAccessKey", "iam:AttachUserPolicy",
                "iam:PutUserPolicy", "iam:CreateLoginProfile", "iam:UpdateOpenIDConnectProviderThumbprint",
                "iam:AddClientIDToOpenIDConnectProvider", "iam:CreateOpenIDConnectProvider", "sts:AssumeRole")) {
            escalations.add(IamRequest.of(action, "*"));
        }
        return escalations;
    }

    @TestFactory
    Stream<DynamicTest> noCiRoleMayRaiseAnyRolesRights() {
        return CiSetup.all().stream().flatMap(setup -> setup.roleNames().stream().map(role -> DynamicTest.dynamicTest(
                setup.configName() + ": " + role, () -> {
                    List<IamStatement> statements = setup.statements(role);
                    List<String> allowed = new ArrayList<>();
                    for (IamRequest escalation : escalations(setup)) {
                        IamEvaluator.mayAllow(statements, escalation).ifPresent(s -> allowed.add(
                                escalation.describe() + " — by " + s.describe()));
                    }
                    assertThat(IamEvaluator.allowsEverything(statements)).isEmpty();
                    assertThat(allowed).as(role + " may escalate").isEmpty();
                })));
    }

    /** Tags decide what the window may delete: no role may tag or delete what the demo layer did not create. */
    static List<IamRequest> outsideTheDemoLayer(CiSetup setup) {
        String vpc = "arn:aws:ec2:" + setup.spec().awsRegion() + ":" + setup.spec().awsAccountId() + ":vpc/vpc-0other";
        String cluster = "arn:aws:ecs:" + setup.spec().awsRegion() + ":" + setup.spec().awsAccountId()
                + ":cluster/other";
        List<IamRequest> requests = new ArrayList<>();
        for (String action : List.of("ec2:CreateTags", "ec2:DeleteTags", "ec2:DeleteVpc")) {
            requests.add(IamRequest.of(action, vpc));
            requests.add(IamRequest.of(action, vpc).with("aws:ResourceTag/devmin:layer", "core")
                    .with("aws:ResourceTag/devmin:environment", setup.spec().environment()));
        }
        for (String action : List.of("ecs:TagResource", "ecs:UntagResource", "ecs:DeleteCluster")) {
            requests.add(IamRequest.of(action, cluster));
            requests.add(IamRequest.of(action, cluster).with("aws:ResourceTag/devmin:layer", "demo")
                    .with("aws:ResourceTag/devmin:environment", "another_env"));
        }
        requests.add(IamRequest.of("ec2:CreateTags", vpc).with("ec2:CreateAction", "CreateTags"));
        return requests;
    }

    @TestFactory
    Stream<DynamicTest> noCiRoleMayTagOrDeleteWhatTheDemoLayerDidNotCreate() {
        return setups().flatMap(setup -> setup.roleNames().stream().map(role -> DynamicTest.dynamicTest(
                setup.configName() + ": " + role, () -> {
                    List<IamStatement> statements = setup.statements(role);
                    List<String> allowed = new ArrayList<>();
                    for (IamRequest request : outsideTheDemoLayer(setup)) {
                        IamEvaluator.mayAllow(statements, request).ifPresent(s -> allowed.add(
                                request.describe() + " — by " + s.describe()));
                    }
                    assertThat(allowed).isEmpty();
                })));
    }

    static Stream<CiSetup> setups() {
        return CiSetup.all().stream();
    }

    @TestFactory
    Stream<DynamicTest> theEscalationsAreRealGrantsForAnAdministrator() {
        List<IamStatement> admin = PolicyStatements.parse(devmin.policy.Views.tree(
                "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*'}]}"));
        return Stream.concat(escalations(SETUP).stream(), outsideTheDemoLayer(SETUP).stream()).map(e -> DynamicTest.dynamicTest(e.describe(), () ->
                assertThat(IamEvaluator.mayAllow(admin, e)).as("the check can fail").isPresent()));
    }

    /** The roles the demo's tasks run as are core's (protected, persistent), and every one carries the boundary. */
    @TestFactory
    Stream<DynamicTest> everyTaskRoleIsCoresAndCarriesTheBoundary() {
        return CiSetup.all().stream().map(setup -> DynamicTest.dynamicTest(setup.configName(), () -> {
            stacks.demo.DemoNames demo = stacks.demo.DemoNames.of(setup.spec());
            List<DeclaredResource> roles = setup.graph().resources().stream()
                    .filter(r -> r.type().equals("aws:iam/role:Role")).toList();
            List<DeclaredResource> taskRoles = roles.stream().filter(r -> {
                String name = r.inputs().path("name").asText();
                return name.equals(demo.executionRoleName()) || name.startsWith(demo.laneRoleName(""));
            }).toList();
            assertThat(taskRoles).hasSize(setup.spec().lanes().size() + 1);
            assertThat(taskRoles).allSatisfy(role -> {
                assertThat(setup.graph().layerOf(role)).as(role.name()).contains("core");
                assertThat(role.protect()).as(role.name() + " is protected").isTrue();
                assertThat(role.inputs().path("permissionsBoundary").asText()).as(role.name())
                        .isEqualTo(setup.names().demoBoundaryArn());
            });
            assertThat(roles).noneMatch(r -> setup.graph().layerOf(r).equals(java.util.Optional.of("demo")));
        }));
    }

    /** What the boundary allows of each task role's grants is proven by the simulator (LaneRolesProofTest). */
    @TestFactory
    Stream<DynamicTest> theBoundaryAllowsNoIam() {
        DeclaredResource boundary = SETUP.graph().resources().stream()
                .filter(r -> r.type().equals("aws:iam/policy:Policy"))
                .filter(r -> r.inputs().path("name").asText().equals(SETUP.names().demoBoundaryName()))
                .findFirst().orElseThrow();
        List<IamStatement> cap = PolicyStatements.parse(boundary.inputs().path("policy"));
        Stream<DynamicTest> noIam = Stream.of(DynamicTest.dynamicTest("the boundary allows no IAM, STS or KMS", () -> {
            for (String action : List.of("iam:PassRole", "iam:CreateRole", "iam:PutRolePolicy", "sts:AssumeRole",
                    "kms:Decrypt", "secretsmanager:GetSecretValue", "ec2:RunInstances", "ecs:RunTask")) {
                assertThat(IamEvaluator.mayAllow(cap, IamRequest.of(action, "*"))).as(action).isEmpty();
            }
        }));
        return noIam;
    }
}
