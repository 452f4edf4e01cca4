package devmin.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.graph.WireValues;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.StackView;
import devmin.policy.Violation;
import devmin.policy.iam.TransportGuard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every S3 bucket has a public access block with all four flags, versioning, encryption and a TLS-only policy —
 * wherever the provider lets the guard live: a separate resource, or the bucket's own {@code versioning},
 * {@code serverSideEncryptionConfiguration} and {@code policy} (legacy {@code aws:s3/bucket:Bucket}). A guard holds
 * only when every recorded side (inputs, outputs) says so.
 */
public final class BucketsAreGuarded extends AbstractRule {

    static final List<String> BUCKETS = List.of("aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket");

    public BucketsAreGuarded() {
        super("DM-DATA-001", "buckets-are-guarded", Severity.HIGH,
                "Every S3 bucket blocks public access (all four flags), is versioned, is encrypted and denies non-TLS"
                        + " requests.",
                "Declare BucketPublicAccessBlock, BucketVersioningV2, BucketServerSideEncryptionConfigurationV2 and a"
                        + " BucketPolicy denying aws:SecureTransport=false to every principal, for every S3 action, on"
                        + " the bucket and its objects (as EvidenceBucket does).");
    }

    @Override
    public boolean stackLevel() {
        return true;
    }

    @Override
    public List<Violation> check(StackView stack) {
        List<Violation> out = new ArrayList<>();
        for (ResourceView bucket : stack.ofType(BUCKETS.toArray(String[]::new))) {
            String name = "bucket '" + bucket.name() + "'";
            if (!hasGuard(stack, bucket, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", g ->
                    List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")
                            .stream().allMatch(flag -> everySide(g, flag, RuleSupport::isTrue)))) {
                out.add(new Violation(bucket.urn(), name + " has no public access block with all four flags"));
            }
            boolean inlineVersioning = everySide(bucket, "versioning",
                    v -> RuleSupport.isTrue(RuleSupport.object(v).get("enabled")));
            if (!inlineVersioning && !hasGuard(stack, bucket, "aws:s3/bucketVersioningV2:BucketVersioningV2", g ->
                    everySide(g, "versioningConfiguration",
                            c -> "Enabled".equals(RuleSupport.object(c).path("status").asText())))) {
                out.add(new Violation(bucket.urn(), name + " is not versioned"));
            }
            boolean inlineEncryption = everySide(bucket, "serverSideEncryptionConfiguration",
                    c -> !WireValues.isUnknown(c));
            if (!inlineEncryption && !hasGuard(stack, bucket,
                    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                    g -> everySide(g, "rules", rules -> !WireValues.isUnknown(rules)))) {
                out.add(new Violation(bucket.urn(), name + " has no default encryption"));
            }
            List<String> arns = arns(bucket);
            Predicate<JsonNode> tlsOnly = policy -> TransportGuard.deniesInsecureTransport(policy, arns);
            if (!everySide(bucket, "policy", tlsOnly) && !hasGuard(stack, bucket, "aws:s3/bucketPolicy:BucketPolicy",
                    g -> everySide(g, "policy", tlsOnly))) {
                out.add(new Violation(bucket.urn(), name + " has no policy denying non-TLS requests to every"
                        + " principal, for every S3 action, on the bucket and its objects"));
            }
        }
        return out;
    }

    /** Whether the property is recorded and holds on every side that records it. */
    private static boolean everySide(ResourceView r, String property, Predicate<JsonNode> ok) {
        List<JsonNode> sides = r.recorded(property);
        return !sides.isEmpty() && sides.stream().allMatch(ok);
    }

    /** The bucket's ARN, from its own output or its name; unknown, two names that stand for any bucket. */
    private static List<String> arns(ResourceView bucket) {
        Optional<String> arn = known(bucket, "arn").or(() -> known(bucket, "bucket").map(n -> "arn:aws:s3:::" + n));
        return arn.map(List::of).orElse(List.of("arn:aws:s3:::0", "arn:aws:s3:::zq-x.y"));
    }

    private static Optional<String> known(ResourceView r, String property) {
        return r.text(property).filter(v -> !v.equals(WireValues.UNKNOWN) && !v.equals(WireValues.SECRET));
    }

    private static boolean hasGuard(StackView stack, ResourceView bucket, String type, Predicate<ResourceView> ok) {
        return stack.ofType(type).stream()
                .filter(g -> g.dependenciesOf("bucket").contains(bucket.urn())
                        || g.dependencies().contains(bucket.urn())
                        || stack.refersTo(g, g.property("bucket").orElse(null), bucket))
                .anyMatch(ok);
    }
}
