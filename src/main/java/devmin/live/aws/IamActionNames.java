package devmin.live.aws;

import java.util.Map;
import java.util.Optional;

/**
 * The IAM action behind a call-log label ({@code ec2:DescribeNatGateways (page 2)}): what a role must allow for the
 * call to succeed. Most labels are already IAM names; the exceptions are the API operations IAM authorizes under
 * another name, and the labels of calls that are not AWS at all (Kafka), which need no IAM action.
 */
public final class IamActionNames {

    /**
     * Operations IAM authorizes under another action. Sources: the S3 API reference ("To use HeadBucket, you must
     * have permissions to perform the s3:ListBucket action"; HeadObject needs s3:GetObject; ListObjectsV2 needs
     * s3:ListBucket); the Budgets IAM reference (DescribeBudget is authorized by budgets:ViewBudget); the Service
     * Authorization Reference lists both Elastic Load Balancing APIs under the one prefix {@code elasticloadbalancing}.
     */
    private static final Map<String, String> AUTHORIZED_AS = Map.of(
            "s3:HeadBucket", "s3:ListBucket",
            "s3:HeadObject", "s3:GetObject",
            "s3:ListObjectsV2", "s3:ListBucket",
            "budgets:DescribeBudget", "budgets:ViewBudget");

    private IamActionNames() {
    }

    /** The IAM action of a call-log label, or empty for a call that is not an AWS API call (e.g. {@code kafka:…}). */
    public static Optional<String> of(String callLabel) {
        String operation = callLabel.contains(" ") ? callLabel.substring(0, callLabel.indexOf(' ')) : callLabel;
        if (operation.startsWith("kafka:")) {
            return Optional.empty();
        }
        if (operation.startsWith("elasticloadbalancingv2:")) {
            operation = "elasticloadbalancing:" + operation.substring("elasticloadbalancingv2:".length());
        }
        return Optional.of(AUTHORIZED_AS.getOrDefault(operation, operation));
    }
}
