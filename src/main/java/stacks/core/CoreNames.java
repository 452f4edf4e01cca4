package stacks.core;

import stacks.iam.Arns;
import stacks.spec.EnvironmentSpec;

/**
 * Physical names and ARNs of the core layer, as a pure function of the spec. ARNs are derived rather than read from
 * resource outputs so that policies can be written (and checked) before anything exists.
 */
public record CoreNames(String prefix, String bucketName, String ecrRepositoryName, String budgetName,
                        String previewRoleName, String windowRoleName, String releaseRoleName,
                        String accountId, String region) {

    public static final String GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";

    public static CoreNames of(EnvironmentSpec spec) {
        String prefix = "devmin-" + spec.environment().replace('_', '-');
        return new CoreNames(prefix,
                prefix + "-evidence-" + spec.awsAccountId(),
                spec.image().repository(),
                prefix + "-monthly",
                prefix + "-gha-preview",
                prefix + "-gha-window",
                prefix + "-gha-image-release",
                spec.awsAccountId(),
                spec.awsRegion());
    }

    public String bucketArn() {
        return "arn:aws:s3:::" + bucketName;
    }

    public String ecrRepositoryArn() {
        return "arn:aws:ecr:" + region + ":" + accountId + ":repository/" + ecrRepositoryName;
    }

    /** The repository URI images are pulled from: {@code <account>.dkr.ecr.<region>.amazonaws.com/<name>}. */
    public String ecrRepositoryUri() {
        return accountId + ".dkr.ecr." + region + ".amazonaws.com/" + ecrRepositoryName;
    }

    public String roleArn(String roleName) {
        return Arns.role(accountId, roleName);
    }

    public String oidcProviderArn() {
        return "arn:aws:iam::" + accountId + ":oidc-provider/" + GITHUB_OIDC_HOST;
    }

    /** ARN pattern of every IAM role this environment owns. */
    public String roleArnPattern() {
        return Arns.role(accountId, prefix + "-*");
    }

    /** The managed policy every role the demo layer creates carries as its permissions boundary. */
    public String demoBoundaryName() {
        return prefix + "-demo-boundary";
    }

    public String demoBoundaryArn() {
        return "arn:aws:iam::" + accountId + ":policy/" + demoBoundaryName();
    }

    /** The role ECS creates for itself in an account's first cluster (IAM: service-linked roles have fixed paths). */
    public String serviceLinkedRoleArn(String service, String roleName) {
        return "arn:aws:iam::" + accountId + ":role/aws-service-role/" + service + "/" + roleName;
    }

    /** The monthly budget (AWS Budgets ARNs carry the account, no region). */
    public String budgetArn() {
        return "arn:aws:budgets::" + accountId + ":budget/" + budgetName;
    }

    /** Objects under this key prefix are this environment's evidence (see EvidencePublisher.key). */
    public String evidenceObjectsArn(String environment) {
        return bucketArn() + "/evidence/" + environment + "/*";
    }
}
