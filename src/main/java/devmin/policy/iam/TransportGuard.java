package devmin.policy.iam;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.Values;

import java.util.List;
import java.util.Map;

/**
 * Whether a bucket policy refuses every request made without TLS, as the S3 User Guide's "Enforce encryption of data
 * in transit" example does: a Deny, for every principal, of every S3 action, on the bucket and every object in it,
 * whose condition holds for a request with {@code aws:SecureTransport = false}. The condition is evaluated by
 * {@link IamConditions}, so {@code BoolIfExists} is {@code Bool} here (the key is always sent, {@link AlwaysSentKeys}),
 * and a condition on anything else the request may carry makes the Deny uncertain, which is no guard. Statements may
 * share the work (one for the bucket, one for its objects).
 */
public final class TransportGuard {

    /** Names no real action or object, and share no character with each other. */
    static final List<String> PROBES = List.of("0", "Zq-x/y_z.w");

    private TransportGuard() {
    }

    /**
     * @param document   the policy, as text or a tree
     * @param bucketArns the bucket's ARN, or ARNs standing for a bucket whose name is not known
     */
    public static boolean deniesInsecureTransport(JsonNode document, List<String> bucketArns) {
        List<IamStatement> denials = PolicyStatements.parse(document).stream()
                .filter(s -> !s.allow() && everyone(s.raw()) && everyS3Action(s) && holdsWithoutTls(s))
                .toList();
        for (String bucket : bucketArns) {
            for (String target : targets(bucket)) {
                if (denials.stream().noneMatch(s -> s.coversResource(target))) {
                    return false;
                }
            }
        }
        return !denials.isEmpty();
    }

    private static List<String> targets(String bucket) {
        return List.of(bucket, bucket + "/" + PROBES.get(0), bucket + "/" + PROBES.get(1));
    }

    /** {@code "Principal": "*"} or {@code {"AWS": "*"}} (IAM User Guide, "AWS JSON policy elements: Principal"). */
    static boolean everyone(JsonNode statement) {
        if (statement.has("NotPrincipal")) {
            return false;
        }
        JsonNode principal = statement.get("Principal");
        if (principal != null && principal.isTextual()) {
            return principal.asText().equals("*");
        }
        return Values.field(principal, "AWS").map(Values::texts).map(aws -> aws.contains("*")).orElse(false);
    }

    private static boolean everyS3Action(IamStatement statement) {
        return PROBES.stream().allMatch(p -> statement.coversAction("s3:" + p));
    }

    private static boolean holdsWithoutTls(IamStatement statement) {
        IamRequest plainHttp = new IamRequest("s3:GetObject", "*", Map.of("aws:SecureTransport", List.of("false")));
        return IamConditions.evaluate(statement.raw().get("Condition"), plainHttp) == IamConditions.Truth.TRUE;
    }
}
