package stacks.demo;

import stacks.handles.SsmHandles;
import stacks.iam.PolicyDocument;
import stacks.iam.Statement;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;
import stacks.spec.S3Grant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lane → handles → IAM statements plan, as pure functions of the spec: a lane may read exactly the SSM
 * parameters it declares (by exact ARN, never a wildcard or an ancestor path) and use only the S3 prefixes it declares.
 * The execution role may pull the one image and write the demo logs, and nothing else.
 */
public final class LanePermissions {

    public static final List<String> SSM_READ_ACTIONS = List.of("ssm:GetParameter", "ssm:GetParameters");

    private LanePermissions() {
    }

    /** Exact parameter ARNs of the handles a lane reads, in declaration order. */
    public static List<String> parameterArns(EnvironmentSpec spec, LaneSpec lane) {
        Map<String, String> paths = SsmHandles.paths(spec.environment(), spec.database().enabled());
        return lane.reads().stream()
                .map(handle -> SsmHandles.parameterArn(spec.awsRegion(), spec.awsAccountId(), paths.get(handle)))
                .toList();
    }

    /** The lane task role's policy; empty when the lane needs no AWS permission at all. */
    public static PolicyDocument taskRolePolicy(EnvironmentSpec spec, LaneSpec lane, String bucketArn) {
        List<Statement> statements = new ArrayList<>();
        List<String> parameters = parameterArns(spec, lane);
        if (!parameters.isEmpty()) {
            statements.add(Statement.allow("ReadOwnHandles", SSM_READ_ACTIONS, parameters));
        }
        List<String> reads = objectArns(lane, S3Grant.Access.READ, bucketArn);
        if (!reads.isEmpty()) {
            statements.add(Statement.allow("ReadDeclaredPrefixes", List.of("s3:GetObject"), reads));
        }
        List<String> writes = objectArns(lane, S3Grant.Access.WRITE, bucketArn);
        if (!writes.isEmpty()) {
            statements.add(Statement.allow("WriteDeclaredPrefixes", List.of("s3:PutObject"), writes));
        }
        return new PolicyDocument(statements);
    }

    private static List<String> objectArns(LaneSpec lane, S3Grant.Access access, String bucketArn) {
        return lane.s3Access().stream().filter(g -> g.access() == access)
                .map(g -> bucketArn + "/" + g.prefix() + "*").toList();
    }

    /** Pull the one image, write the demo layer's log streams: no SSM, Secrets Manager or KMS action of any kind. */
    public static PolicyDocument executionRolePolicy(EnvironmentSpec spec, DemoNames names, String repositoryArn) {
        List<String> logStreams = spec.lanes().stream().map(l -> names.logGroupArn(l.name()) + ":log-stream:*")
                .toList();
        return PolicyDocument.of(
                Statement.allow("EcrLogin", List.of("ecr:GetAuthorizationToken"), List.of("*")),
                Statement.allow("PullTheOneImage", List.of("ecr:BatchCheckLayerAvailability",
                        "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"), List.of(repositoryArn)),
                Statement.allow("WriteLaneLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"), logStreams));
    }

    /** Only ECS tasks may assume a demo role. */
    public static PolicyDocument ecsTasksTrust() {
        return PolicyDocument.of(new Statement("EcsTasks", "Allow",
                Map.of("Service", List.of("ecs-tasks.amazonaws.com")), List.of("sts:AssumeRole"), List.of(),
                Map.of()));
    }
}
