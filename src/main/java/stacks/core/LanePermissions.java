package stacks.core;

import stacks.handles.SsmHandles;
import stacks.iam.PolicyDocument;
import stacks.iam.Statement;
import stacks.demo.DemoNames;
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

    /** Exact parameter ARNs of the handles a lane reads (its own for its Kafka credentials), in declaration order. */
    public static List<String> parameterArns(EnvironmentSpec spec, LaneSpec lane) {
        return lane.reads().stream()
                .map(handle -> SsmHandles.pathFor(spec.environment(), spec.database().enabled(), lane.name(), handle))
                .map(path -> SsmHandles.parameterArn(spec.awsRegion(), spec.awsAccountId(), path))
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
            statements.add(Statement.allow("ListDeclaredPrefixes", List.of("s3:ListBucket"), List.of(bucketArn))
                    .withConditions(Map.of("StringLike", Map.of("s3:prefix", readPrefixPatterns(lane)))));
        }
        List<String> writes = objectArns(lane, S3Grant.Access.WRITE, bucketArn);
        if (!writes.isEmpty()) {
            statements.add(Statement.allow("WriteDeclaredPrefixes", List.of("s3:PutObject"), writes));
        }
        return new PolicyDocument(statements);
    }

    /** {@code oracle/packs/*} for a read grant on {@code oracle/packs/}: listing is allowed only under it. */
    static List<String> readPrefixPatterns(LaneSpec lane) {
        return lane.s3Access().stream().filter(g -> g.access() == S3Grant.Access.READ).map(g -> g.prefix() + "*")
                .toList();
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

    /**
     * Only ECS tasks of this account and region may assume a demo role: the service principal alone would let ECS
     * assume it on behalf of another account's task (the confused-deputy guidance of the ECS task role documentation).
     */
    public static PolicyDocument ecsTasksTrust(String accountId, String region) {
        return PolicyDocument.of(new Statement("EcsTasks", "Allow",
                Map.of("Service", List.of("ecs-tasks.amazonaws.com")), List.of("sts:AssumeRole"), List.of(),
                Map.of("StringEquals", Map.of("aws:SourceAccount", List.of(accountId)),
                        "ArnLike", Map.of("aws:SourceArn", List.of("arn:aws:ecs:" + region + ":" + accountId + ":*")))));
    }
}
