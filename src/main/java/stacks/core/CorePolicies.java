package stacks.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import stacks.Layer;
import stacks.StackTags;
import stacks.demo.DemoNames;
import stacks.handles.SsmHandles;
import stacks.iam.PolicyDocument;
import stacks.iam.Statement;
import stacks.spec.EnvironmentSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The core layer's policy documents, as pure functions of names and ARNs. */
public final class CorePolicies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CorePolicies() {
    }

    /** Denies every request to the evidence bucket that does not use TLS. */
    public static PolicyDocument tlsOnlyBucketPolicy(String bucketArn) {
        return PolicyDocument.of(new Statement("DenyInsecureTransport", "Deny", Map.of("AWS", List.of("*")),
                List.of("s3:*"), List.of(bucketArn, bucketArn + "/*"),
                Map.of("Bool", Map.of("aws:SecureTransport", List.of("false")))));
    }

    /**
     * Never expire the pinned image; expire untagged images after a day; keep only the newest {@code keepTagged}
     * images tagged {@code git-*}. ECR: "an image that matches the tagging requirements of a rule cannot be expired by
     * a rule with a lower priority", so the first rule, which matches exactly the pinned tag (tags are immutable: one
     * image) and keeps one image, protects the image the stack runs however many newer images are pushed.
     */
    public static String ecrLifecyclePolicy(int keepTagged, String pinnedTag) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode rules = root.putArray("rules");
        ObjectNode pinned = rules.addObject();
        pinned.put("rulePriority", 1);
        pinned.put("description", "never expire the image the stack pins");
        ObjectNode pinnedSelection = pinned.putObject("selection");
        pinnedSelection.put("tagStatus", "tagged");
        pinnedSelection.putArray("tagPatternList").add(pinnedTag);
        pinnedSelection.put("countType", "imageCountMoreThan");
        pinnedSelection.put("countNumber", 1);
        pinned.putObject("action").put("type", "expire");
        ObjectNode untagged = rules.addObject();
        untagged.put("rulePriority", 2);
        untagged.put("description", "expire untagged images after 1 day");
        ObjectNode untaggedSelection = untagged.putObject("selection");
        untaggedSelection.put("tagStatus", "untagged");
        untaggedSelection.put("countType", "sinceImagePushed");
        untaggedSelection.put("countUnit", "days");
        untaggedSelection.put("countNumber", 1);
        untagged.putObject("action").put("type", "expire");
        ObjectNode tagged = rules.addObject();
        tagged.put("rulePriority", 3);
        tagged.put("description", "keep the last " + keepTagged + " git-tagged images");
        ObjectNode taggedSelection = tagged.putObject("selection");
        taggedSelection.put("tagStatus", "tagged");
        taggedSelection.putArray("tagPrefixList").add("git-");
        taggedSelection.put("countType", "imageCountMoreThan");
        taggedSelection.put("countNumber", keepTagged);
        tagged.putObject("action").put("type", "expire");
        return root.toString();
    }

    /**
     * Pull-request previews: nothing. {@code pulumi preview} without refresh asks AWS only who the caller is
     * ({@code sts:GetCallerIdentity}, which IAM never denies); a refresh would read the SSM SecureStrings (the lanes'
     * Kafka secret among them) into a job that runs the pull request's code, so the preview does not refresh and
     * this role is denied everything else, whatever may ever be attached to it.
     */
    public static PolicyDocument previewPolicy() {
        return PolicyDocument.of(new Statement("NothingButWhoAmI", "Deny", Map.of(), List.of(), List.of("*"), Map.of())
                .withNotActions(List.of("sts:GetCallerIdentity")));
    }

    /**
     * Core resources a demo window's {@code pulumi up} may change: the ECR lifecycle policy names the pinned tag (so
     * the pinned image never expires), so pinning a new image rewrites it. Everything else in core and confluent is
     * changed by a person with admin rights, never by CI.
     */
    public static final List<String> WINDOW_UPDATES_IN_CORE = List.of("aws:ecr/lifecyclePolicy:LifecyclePolicy");

    /**
     * The demo window role: open and close the demo layer ({@code pulumi up}, {@code pulumi destroy
     * --exclude-protected}), run the live commands and write evidence — exactly that. It manages only the demo
     * layer's roles, only with the demo permissions boundary, passes them only to ECS tasks, tags only what it creates
     * (as it creates it), retags or deletes networks and ECS clusters and services only when they carry the demo
     * layer's tags, and can touch no CI role, no boundary and no policy version.
     */
    public static PolicyDocument windowPolicy(CoreNames names, EnvironmentSpec spec) {
        DemoNames demo = DemoNames.of(spec);
        List<String> demoRoles = List.of(names.roleArn(demo.executionRoleName()), names.roleArn(demo.laneRoleName("*")));
        List<Statement> statements = new ArrayList<>(List.of(
                Statement.allow("DemoNetwork", List.of("ec2:CreateVpc", "ec2:ModifyVpcAttribute", "ec2:CreateSubnet",
                        "ec2:ModifySubnetAttribute", "ec2:CreateInternetGateway", "ec2:AttachInternetGateway",
                        "ec2:DetachInternetGateway", "ec2:CreateRouteTable", "ec2:CreateRoute", "ec2:ReplaceRoute",
                        "ec2:DeleteRoute", "ec2:AssociateRouteTable", "ec2:ReplaceRouteTableAssociation",
                        "ec2:DisassociateRouteTable", "ec2:CreateSecurityGroup", "ec2:AuthorizeSecurityGroupIngress",
                        "ec2:AuthorizeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress",
                        "ec2:RevokeSecurityGroupEgress"), List.of("*")),
                Statement.allow("DemoCompute", List.of("ecs:CreateCluster", "ecs:UpdateCluster",
                        "ecs:PutClusterCapacityProviders", "ecs:RegisterTaskDefinition", "ecs:DeregisterTaskDefinition",
                        "ecs:CreateService", "ecs:UpdateService"), List.of("*")),
                // Tags decide what the window may delete, so it may tag only what it creates, as it creates it...
                Statement.allow("TagWhatTheWindowCreates", List.of("ec2:CreateTags"), List.of("*"))
                        .withConditions(Map.of("StringEquals", Map.of("ec2:CreateAction", List.of("CreateVpc",
                                "CreateSubnet", "CreateInternetGateway", "CreateRouteTable", "CreateSecurityGroup")))),
                Statement.allow("TagTheTasksAndServicesItCreates", List.of("ecs:TagResource"), List.of("*"))
                        .withConditions(Map.of("StringEquals", Map.of("ecs:CreateAction", List.of("CreateCluster",
                                "RegisterTaskDefinition", "CreateService")))),
                // ...and change tags, or delete, only where the demo layer's tags already are.
                Statement.allow("RetagOrDeleteOnlyTheDemoLayer", List.of("ec2:CreateTags", "ec2:DeleteTags",
                        "ecs:TagResource", "ecs:UntagResource", "ec2:DeleteVpc", "ec2:DeleteSubnet",
                        "ec2:DeleteInternetGateway", "ec2:DeleteRouteTable", "ec2:DeleteSecurityGroup",
                        "ecs:DeleteCluster", "ecs:DeleteService"), List.of("*"))
                        .withConditions(demoLayerTags(spec)),
                Statement.allow("DemoRolesOnlyWithTheBoundary", List.of("iam:CreateRole", "iam:PutRolePolicy",
                        "iam:DeleteRolePolicy", "iam:PutRolePermissionsBoundary"), demoRoles)
                        .withConditions(Map.of("StringEquals", Map.of("iam:PermissionsBoundary",
                                List.of(names.demoBoundaryArn())))),
                Statement.allow("DemoRoles", List.of("iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies",
                        "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole", "iam:TagRole",
                        "iam:UntagRole", "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy",
                        "iam:DeleteRole", "iam:SimulatePrincipalPolicy"), demoRoles),
                Statement.allow("PassDemoRolesToEcsTasks", List.of("iam:PassRole"), demoRoles)
                        .withConditions(Map.of("StringEquals",
                                Map.of("iam:PassedToService", List.of("ecs-tasks.amazonaws.com")))),
                Statement.allow("EcsServiceLinkedRole", List.of("iam:CreateServiceLinkedRole"),
                        List.of(names.serviceLinkedRoleArn("ecs.amazonaws.com", "AWSServiceRoleForECS")))
                        .withConditions(Map.of("StringEquals",
                                Map.of("iam:AWSServiceName", List.of("ecs.amazonaws.com")))),
                Statement.allow("PinnedImageAndItsLifecycle", List.of("ecr:DescribeImages",
                        "ecr:DescribeRepositories", "ecr:GetLifecyclePolicy", "ecr:PutLifecyclePolicy"),
                        List.of(names.ecrRepositoryArn())),
                Statement.allow("SeeWhatExists", List.of("ec2:DescribeVpcs", "ec2:DescribeVpcAttribute",
                        "ec2:DescribeSubnets", "ec2:DescribeInternetGateways", "ec2:DescribeRouteTables",
                        "ec2:DescribeSecurityGroups", "ec2:DescribeNetworkAcls", "ec2:DescribeNetworkInterfaces",
                        "ec2:DescribeNatGateways", "ec2:DescribeInstances", "ec2:DescribeAddresses",
                        "ec2:DescribeVpcEndpoints", "ec2:DescribeRegions", "ecs:ListClusters", "ecs:DescribeClusters",
                        "ecs:ListServices", "ecs:DescribeServices", "ecs:ListTasks", "ecs:DescribeTasks",
                        "ecs:DescribeTaskDefinition", "elasticloadbalancing:DescribeLoadBalancers",
                        "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeTargetGroups",
                        "rds:DescribeDBInstances", "rds:DescribeDBClusters", "rds:DescribeDBSubnetGroups",
                        "logs:DescribeLogGroups", "tag:GetResources", "ssm:DescribeParameters",
                        "access-analyzer:CheckAccessNotGranted"), List.of("*")),
                Statement.allow("PreflightKafkaCredentials", List.of("ssm:GetParameters"),
                        SsmHandles.preflightKafkaPaths(spec.environment()).stream()
                                .map(path -> SsmHandles.parameterArn(names.region(), names.accountId(), path)).toList()),
                Statement.allow("EvidenceBucket", List.of("s3:ListBucket"), List.of(names.bucketArn())),
                Statement.allow("WriteEvidence", List.of("s3:PutObject"),
                        List.of(names.evidenceObjectsArn(spec.environment())))));
        if (spec.database().enabled()) {
            statements.add(Statement.allow("DemoDatabase", List.of("rds:CreateDBSubnetGroup", "rds:ModifyDBSubnetGroup",
                    "rds:DeleteDBSubnetGroup", "rds:CreateDBInstance", "rds:ModifyDBInstance", "rds:DeleteDBInstance",
                    "rds:AddTagsToResource", "rds:RemoveTagsFromResource", "rds:ListTagsForResource"), List.of("*")));
            statements.add(Statement.allow("RdsServiceLinkedRole", List.of("iam:CreateServiceLinkedRole"),
                    List.of(names.serviceLinkedRoleArn("rds.amazonaws.com", "AWSServiceRoleForRDS")))
                    .withConditions(Map.of("StringEquals",
                            Map.of("iam:AWSServiceName", List.of("rds.amazonaws.com")))));
        }
        return PolicyDocument.of(statements);
    }

    /** The demo layer's tags on the resource a request acts on (every demo resource carries them by default). */
    private static Map<String, Map<String, List<String>>> demoLayerTags(EnvironmentSpec spec) {
        return Map.of("StringEquals", Map.of(
                "aws:ResourceTag/" + StackTags.LAYER, List.of(Layer.DEMO.tagValue()),
                "aws:ResourceTag/" + StackTags.ENVIRONMENT, List.of(spec.environment())));
    }

    /**
     * The most any demo-layer role may ever do, whatever policy it is given: pull the one image, write the lanes' log
     * groups, read this environment's handles, read and write the evidence bucket. Every demo role carries it, and
     * the window role can create or change a role only with it, so no role CI creates can do more.
     */
    public static PolicyDocument demoBoundaryPolicy(CoreNames names, String environment) {
        return PolicyDocument.of(
                Statement.allow("PullTheImage", List.of("ecr:GetAuthorizationToken"), List.of("*")),
                Statement.allow("PullTheOneImage", List.of("ecr:BatchCheckLayerAvailability",
                        "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"), List.of(names.ecrRepositoryArn())),
                Statement.allow("WriteLaneLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        List.of("arn:aws:logs:" + names.region() + ":" + names.accountId() + ":log-group:"
                                + SsmHandles.root(environment) + "/*")),
                Statement.allow("ReadHandles", List.of("ssm:GetParameter", "ssm:GetParameters"),
                        List.of(SsmHandles.parameterArn(names.region(), names.accountId(),
                                SsmHandles.root(environment) + "/*"))),
                Statement.allow("EvidenceObjects", List.of("s3:GetObject", "s3:PutObject"),
                        List.of(names.bucketArn() + "/*")),
                Statement.allow("ListEvidence", List.of("s3:ListBucket"), List.of(names.bucketArn())));
    }

    /** Image releases push to the one repository; the authorization token call has no resource-level scoping. */
    public static PolicyDocument imageReleasePolicy(CoreNames names) {
        return PolicyDocument.of(
                Statement.allow("EcrLogin", List.of("ecr:GetAuthorizationToken"), List.of("*")),
                Statement.allow("PushToOneRepository", List.of("ecr:BatchCheckLayerAvailability",
                        "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage",
                        "ecr:BatchGetImage", "ecr:DescribeImages"), List.of(names.ecrRepositoryArn())));
    }
}
