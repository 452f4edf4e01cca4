package devmin.live.teardown;

import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsFailure;
import software.amazon.awssdk.core.exception.SdkException;
import devmin.live.aws.SsmParameterNames;

import java.util.ArrayList;
import java.util.List;

/** The persistent layer is still there after the window closed: a missing core resource is an over-destroy. */
final class CoreRetained {

    private final AwsClients aws;
    private final TeardownTarget target;

    CoreRetained(AwsClients aws, TeardownTarget target) {
        this.aws = aws;
        this.target = target;
    }

    CheckResult evidenceBucket(CallLog log) {
        List<String> missing = new ArrayList<>();
        log.call("s3:HeadBucket", () -> {
            try {
                return aws.s3(target.homeRegion()).headBucket(b -> b.bucket(target.evidenceBucket()));
            } catch (SdkException e) {
                if (e instanceof software.amazon.awssdk.services.s3.model.NoSuchBucketException
                        || e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException s
                        && s.statusCode() == 404) {
                    missing.add("evidence bucket " + target.evidenceBucket());
                    return null;
                }
                throw e;
            }
        });
        return log.result("core-evidence-bucket", target.homeRegion(), missing, "evidence bucket retained",
                "over-destroy");
    }

    CheckResult imageRepository(CallLog log) {
        List<String> missing = new ArrayList<>();
        log.call("ecr:DescribeRepositories", () -> {
            try {
                return aws.ecr(target.homeRegion()).describeRepositories(b -> b.repositoryNames(target.ecrRepository()));
            } catch (SdkException e) {
                if (AwsFailure.hasCode(e, "RepositoryNotFoundException")) {
                    missing.add("ECR repository " + target.ecrRepository());
                    return null;
                }
                throw e;
            }
        });
        return log.result("core-image-repository", target.homeRegion(), missing, "ECR repository retained",
                "over-destroy");
    }

    /** Names only: DescribeParameters never returns values. */
    CheckResult handles(CallLog log) {
        List<String> missing = SsmParameterNames.missing(aws.ssm(target.homeRegion()), target.ssmParameters(), log)
                .stream().map(p -> "SSM handle " + p).toList();
        return log.result("core-handles", target.homeRegion(), missing, "every SSM handle retained", "over-destroy");
    }
}
