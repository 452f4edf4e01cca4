package stacks.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import stacks.handles.SsmHandles;
import stacks.iam.PolicyDocument;
import stacks.iam.Statement;

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

    /** Pull-request previews: read-only describes of what the stack declares, nothing that writes. */
    public static PolicyDocument previewPolicy(CoreNames names, String environment) {
        return PolicyDocument.of(
                Statement.allow("DescribeOnly", List.of(
                        "ec2:Describe*", "ecs:Describe*", "ecs:List*", "logs:DescribeLogGroups",
                        "ssm:DescribeParameters", "ecr:DescribeRepositories", "budgets:ViewBudget",
                        "rds:DescribeDBInstances", "iam:GetOpenIDConnectProvider"), List.of("*")),
                Statement.allow("ReadOwnRoles", List.of("iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies",
                        "iam:ListAttachedRolePolicies"), List.of(names.roleArnPattern())),
                Statement.allow("ReadEvidenceBucketConfig", List.of("s3:GetBucket*", "s3:GetEncryptionConfiguration",
                        "s3:GetLifecycleConfiguration", "s3:ListBucket"), List.of(names.bucketArn())),
                Statement.allow("ReadRepositoryConfig", List.of("ecr:DescribeImages", "ecr:GetLifecyclePolicy",
                        "ecr:ListTagsForResource"), List.of(names.ecrRepositoryArn())),
                Statement.allow("ReadHandleMetadata", List.of("ssm:ListTagsForResource"),
                        List.of(SsmHandles.parameterArn(names.region(), names.accountId(),
                                SsmHandles.root(environment) + "/*"))));
    }

    /**
     * The deploy role runs {@code pulumi up}/{@code destroy} of the demo layer and updates the handles: service-scoped
     * rights, IAM limited to this environment's roles, PassRole only to ECS tasks.
     */
    public static PolicyDocument deployPolicy(CoreNames names, String environment) {
        String handlePaths = SsmHandles.parameterArn(names.region(), names.accountId(),
                SsmHandles.root(environment) + "/*");
        return PolicyDocument.of(
                Statement.allow("DemoNetworkAndCompute", List.of("ec2:*Vpc*", "ec2:*Subnet*", "ec2:*InternetGateway*",
                        "ec2:*RouteTable*", "ec2:*Route", "ec2:*SecurityGroup*", "ec2:CreateTags", "ec2:DeleteTags",
                        "ec2:Describe*", "ecs:*", "logs:*", "rds:*"), List.of("*")),
                Statement.allow("OwnRolesOnly", List.of("iam:CreateRole", "iam:DeleteRole", "iam:GetRole",
                        "iam:TagRole", "iam:UntagRole", "iam:UpdateRole", "iam:UpdateAssumeRolePolicy",
                        "iam:PutRolePolicy", "iam:GetRolePolicy", "iam:DeleteRolePolicy", "iam:ListRolePolicies",
                        "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole"),
                        List.of(names.roleArnPattern())),
                Statement.allow("PassRolesToEcsTasks", List.of("iam:PassRole"), List.of(names.roleArnPattern()))
                        .withConditions(Map.of("StringEquals",
                                Map.of("iam:PassedToService", List.of("ecs-tasks.amazonaws.com")))),
                Statement.allow("Handles", List.of("ssm:PutParameter", "ssm:GetParameter", "ssm:DeleteParameter",
                        "ssm:AddTagsToResource", "ssm:ListTagsForResource"), List.of(handlePaths)),
                Statement.allow("DescribeParameters", List.of("ssm:DescribeParameters", "ecr:DescribeRepositories",
                        "iam:GetOpenIDConnectProvider", "budgets:ViewBudget", "tag:GetResources"), List.of("*")),
                Statement.allow("Evidence", List.of("s3:GetBucket*", "s3:ListBucket", "s3:PutObject",
                        "s3:GetObject"), List.of(names.bucketArn(), names.bucketArn() + "/*")),
                Statement.allow("ImageMetadata", List.of("ecr:DescribeImages", "ecr:ListTagsForResource"),
                        List.of(names.ecrRepositoryArn())));
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
