package stacks.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ARN and URI formats (IAM User Guide, "IAM identifiers"; S3 and ECR User Guides; Budgets: "arn:aws:budgets::account:
 * budget/name"); service-linked roles live under {@code role/aws-service-role/<service>/}.
 */
class CoreNamesTest {

    private static final CoreNames NAMES = new CoreNames("devmin-dev-min", "devmin-dev-min-evidence-123456789012",
            "fraud-platform", "devmin-dev-min-monthly", "p", "w", "r", "123456789012", "eu-west-2");

    @Test
    void iamArnsHaveNoRegion() {
        assertThat(NAMES.roleArn("x")).isEqualTo("arn:aws:iam::123456789012:role/x");
        assertThat(NAMES.roleArnPattern()).isEqualTo("arn:aws:iam::123456789012:role/devmin-dev-min-*");
        assertThat(NAMES.oidcProviderArn())
                .isEqualTo("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com");
        assertThat(NAMES.demoBoundaryName()).isEqualTo("devmin-dev-min-demo-boundary");
        assertThat(NAMES.demoBoundaryArn()).isEqualTo("arn:aws:iam::123456789012:policy/devmin-dev-min-demo-boundary");
        assertThat(NAMES.serviceLinkedRoleArn("ecs.amazonaws.com", "AWSServiceRoleForECS"))
                .isEqualTo("arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS");
    }

    @Test
    void bucketArnsHaveNeitherRegionNorAccount() {
        assertThat(NAMES.bucketArn()).isEqualTo("arn:aws:s3:::devmin-dev-min-evidence-123456789012");
        assertThat(NAMES.evidenceObjectsArn("dev_min"))
                .isEqualTo("arn:aws:s3:::devmin-dev-min-evidence-123456789012/evidence/dev_min/*");
    }

    @Test
    void ecrAndBudgetsNames() {
        assertThat(NAMES.ecrRepositoryArn()).isEqualTo("arn:aws:ecr:eu-west-2:123456789012:repository/fraud-platform");
        assertThat(NAMES.ecrRepositoryUri()).isEqualTo("123456789012.dkr.ecr.eu-west-2.amazonaws.com/fraud-platform");
        assertThat(NAMES.budgetArn()).isEqualTo("arn:aws:budgets::123456789012:budget/devmin-dev-min-monthly");
    }
}
