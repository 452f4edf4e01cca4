package devmin.live.teardown;

import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsFailure;
import devmin.live.aws.SsmParameterNames;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The persistent layer is still there after the window closed: a missing core resource is an over-destroy. */
final class CoreRetained {

    private final AwsClients aws;
    private final TeardownTarget target;

    CoreRetained(AwsClients aws, TeardownTarget target) {
        this.aws = aws;
        this.target = target;
    }

    CheckResult evidenceBucket(CallLog log) {
        var head = log.find("s3:HeadBucket", () -> aws.s3(target.homeRegion())
                .headBucket(b -> b.bucket(target.evidenceBucket())), CoreRetained::bucketMissing);
        List<String> missing = head.isPresent() ? List.of() : List.of("evidence bucket " + target.evidenceBucket());
        return log.result("core-evidence-bucket", target.homeRegion(), missing, "evidence bucket retained",
                "over-destroy");
    }

    /** HeadBucket has no body: S3 answers a missing bucket with a bare 404. */
    static boolean bucketMissing(SdkException e) {
        return e instanceof AwsServiceException s && s.statusCode() == 404;
    }

    /** The repository must be described by name: an answer listing other repositories is not this one. */
    CheckResult imageRepository(CallLog log) {
        var answer = log.find("ecr:DescribeRepositories", () -> aws.ecr(target.homeRegion())
                        .describeRepositories(b -> b.repositoryNames(target.ecrRepository())),
                e -> AwsFailure.hasCode(e, "RepositoryNotFoundException"));
        boolean retained = answer.isPresent() && answer.get().repositories().stream()
                .anyMatch(r -> target.ecrRepository().equals(r.repositoryName()));
        List<String> missing = retained ? List.of() : List.of("ECR repository " + target.ecrRepository());
        return log.result("core-image-repository", target.homeRegion(), missing, "ECR repository retained",
                "over-destroy");
    }

    /** Names only: DescribeParameters never returns values. */
    CheckResult handles(CallLog log) {
        List<String> missing = SsmParameterNames.missing(aws.ssm(target.homeRegion()), target.ssmParameters(), log)
                .stream().map(p -> "SSM handle " + p).toList();
        return log.result("core-handles", target.homeRegion(), missing, "every SSM handle retained", "over-destroy");
    }

    /**
     * The lanes' log groups, listed under the prefix their names share and matched by exact name (a prefix listing
     * also returns longer names; only the group itself counts).
     */
    CheckResult logGroups(CallLog log) {
        if (target.logGroups().isEmpty()) {
            return log.pass("core-log-groups", target.homeRegion(), "no lane, so no log group to retain");
        }
        String prefix = commonPrefix(target.logGroups());
        Set<String> listed = new HashSet<>();
        log.pages("logs:DescribeLogGroups", () -> aws.logs(target.homeRegion())
                        .describeLogGroupsPaginator(b -> b.logGroupNamePrefix(prefix)))
                .forEach(page -> page.logGroups().forEach(g -> listed.add(g.logGroupName())));
        List<String> missing = target.logGroups().stream().filter(g -> !listed.contains(g))
                .map(g -> "log group " + g).toList();
        return log.result("core-log-groups", target.homeRegion(), missing, "every lane's log group retained",
                "over-destroy");
    }

    /**
     * The IAM roles the state's persistent layers hold (the CI roles, and the execution and lane roles once they are
     * core) still exist: GetRole by name, NoSuchEntity meaning deleted.
     */
    CheckResult roles(List<String> names, CallLog log) {
        List<String> missing = names.stream().filter(name -> log.find("iam:GetRole", () -> aws.iam().getRole(
                        b -> b.roleName(name)), e -> AwsFailure.hasCode(e, "NoSuchEntity"))
                .filter(r -> name.equals(r.role().roleName())).isEmpty()).map(n -> "IAM role " + n).toList();
        return log.result("core-roles", "global", missing, "every role of the persistent layers retained",
                "over-destroy");
    }

    static String commonPrefix(List<String> names) {
        String prefix = names.get(0);
        for (String name : names) {
            int i = 0;
            while (i < prefix.length() && i < name.length() && prefix.charAt(i) == name.charAt(i)) {
                i++;
            }
            prefix = prefix.substring(0, i);
        }
        return prefix;
    }
}
