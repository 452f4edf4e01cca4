package stacks.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import stacks.handles.SsmHandles;
import stacks.iam.PolicyDocument;
import stacks.iam.Statement;
import stacks.spec.EnvironmentSpec;
import stacks.spec.S3Grant;

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
     * The tag prefix pin-image.yml adds to an image when it pins it ({@code pinned-git-<40 hex>}), so that the image is
     * protected from the moment it is pinned, not only from the next {@code pulumi up} that writes its exact tag into
     * this policy.
     */
    public static final String PIN_TAG_PREFIX = "pinned-";

    /**
     * Never expire the pinned image; keep the newest {@code keepTagged} images pin-image.yml pinned; expire untagged
     * images after a day; keep only the newest {@code keepTagged} images tagged {@code git-*}. ECR: "an image that
     * matches the tagging requirements of a rule cannot be expired by a rule with a lower priority", so the first
     * rule, which matches exactly the pinned tag (tags are immutable: one image) and keeps one image, protects the image
     * the stack runs however many newer images are pushed; the second protects an image pinned since the last
     * {@code up} (tagged {@code pinned-*} at pin time) from the git-* count the release pipeline's pushes advance.
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
        ObjectNode pinnedAtPinTime = rules.addObject();
        pinnedAtPinTime.put("rulePriority", 2);
        pinnedAtPinTime.put("description", "keep the last " + keepTagged + " images pin-image pinned");
        ObjectNode pinTimeSelection = pinnedAtPinTime.putObject("selection");
        pinTimeSelection.put("tagStatus", "tagged");
        pinTimeSelection.putArray("tagPrefixList").add(PIN_TAG_PREFIX);
        pinTimeSelection.put("countType", "imageCountMoreThan");
        pinTimeSelection.put("countNumber", keepTagged);
        pinnedAtPinTime.putObject("action").put("type", "expire");
        ObjectNode untagged = rules.addObject();
        untagged.put("rulePriority", 3);
        untagged.put("description", "expire untagged images after 1 day");
        ObjectNode untaggedSelection = untagged.putObject("selection");
        untaggedSelection.put("tagStatus", "untagged");
        untaggedSelection.put("countType", "sinceImagePushed");
        untaggedSelection.put("countUnit", "days");
        untaggedSelection.put("countNumber", 1);
        untagged.putObject("action").put("type", "expire");
        ObjectNode tagged = rules.addObject();
        tagged.put("rulePriority", 4);
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
     * The most a demo task's role may ever do, whatever policy it is given: pull the one image, write the lanes' log
     * groups, read the shared handles and only its own lane's Kafka credentials (the lane is the role's
     * {@code devmin:lane} tag, an {@code aws:PrincipalTag} policy variable; a role without the tag, such as the execution
     * role, matches no lane's path), and use only prefixes some lane declares — never {@code evidence/}, which only
     * the window role writes. The exact grants are each role's own policy; this caps what any later change could add.
     */
    public static PolicyDocument demoBoundaryPolicy(CoreNames names, EnvironmentSpec spec) {
        String environment = spec.environment();
        List<Statement> statements = new ArrayList<>(List.of(
                Statement.allow("PullTheImage", List.of("ecr:GetAuthorizationToken"), List.of("*")),
                Statement.allow("PullTheOneImage", List.of("ecr:BatchCheckLayerAvailability",
                        "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"), List.of(names.ecrRepositoryArn())),
                Statement.allow("WriteLaneLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        List.of("arn:aws:logs:" + names.region() + ":" + names.accountId() + ":log-group:"
                                + SsmHandles.root(environment) + "/*")),
                Statement.allow("ReadSharedHandles", List.of("ssm:GetParameter", "ssm:GetParameters"),
                        SsmHandles.paths(environment, spec.database().enabled()).values().stream()
                                .map(path -> SsmHandles.parameterArn(names.region(), names.accountId(), path))
                                .toList()),
                Statement.allow("ReadOwnLaneCredentials", List.of("ssm:GetParameter", "ssm:GetParameters"),
                        List.of(SsmHandles.parameterArn(names.region(), names.accountId(),
                                SsmHandles.laneCredentialsRoot(environment) + "/${aws:PrincipalTag/"
                                        + LaneRoles.LANE_TAG + "}/*")))));
        List<String> reads = prefixes(spec, S3Grant.Access.READ);
        List<String> writes = prefixes(spec, S3Grant.Access.WRITE);
        if (!reads.isEmpty()) {
            statements.add(Statement.allow("ReadDeclaredPrefixes", List.of("s3:GetObject"),
                    reads.stream().map(prefix -> names.bucketArn() + "/" + prefix + "*").toList()));
            statements.add(Statement.allow("ListDeclaredPrefixes", List.of("s3:ListBucket"),
                    List.of(names.bucketArn())).withConditions(Map.of("StringLike",
                    Map.of("s3:prefix", reads.stream().map(prefix -> prefix + "*").toList()))));
        }
        if (!writes.isEmpty()) {
            statements.add(Statement.allow("WriteDeclaredPrefixes", List.of("s3:PutObject"),
                    writes.stream().map(prefix -> names.bucketArn() + "/" + prefix + "*").toList()));
        }
        return new PolicyDocument(statements);
    }

    private static List<String> prefixes(EnvironmentSpec spec, S3Grant.Access access) {
        return spec.lanes().stream().flatMap(lane -> lane.s3Access().stream()).filter(g -> g.access() == access)
                .map(S3Grant::prefix).distinct().toList();
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
