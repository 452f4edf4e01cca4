package devmin.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.StackView;
import devmin.policy.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Every S3 bucket has a public access block with all four flags, versioning, encryption and a TLS-only policy. */
public final class BucketsAreGuarded extends AbstractRule {

    static final List<String> BUCKETS = List.of("aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket");

    public BucketsAreGuarded() {
        super("DM-DATA-001", "buckets-are-guarded", Severity.HIGH,
                "Every S3 bucket blocks public access (all four flags), is versioned, is encrypted and denies non-TLS"
                        + " requests.",
                "Declare BucketPublicAccessBlock, BucketVersioningV2, BucketServerSideEncryptionConfigurationV2 and a"
                        + " BucketPolicy denying aws:SecureTransport=false for the bucket (as EvidenceBucket does).");
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
                            .stream().allMatch(flag -> RuleSupport.isTrue(g, flag)))) {
                out.add(new Violation(bucket.urn(), name + " has no public access block with all four flags"));
            }
            boolean inlineVersioning = bucket.property("versioning").map(RuleSupport::object)
                    .map(v -> RuleSupport.isTrue(v.get("enabled"))).orElse(false);
            if (!inlineVersioning && !hasGuard(stack, bucket, "aws:s3/bucketVersioningV2:BucketVersioningV2", g ->
                    g.property("versioningConfiguration").map(RuleSupport::object)
                            .map(c -> "Enabled".equals(c.path("status").asText())).orElse(false))) {
                out.add(new Violation(bucket.urn(), name + " is not versioned"));
            }
            boolean inlineEncryption = bucket.property("serverSideEncryptionConfiguration").isPresent();
            if (!inlineEncryption && !hasGuard(stack, bucket,
                    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                    g -> g.property("rules").map(rules -> rules.size() > 0).orElse(false))) {
                out.add(new Violation(bucket.urn(), name + " has no default encryption"));
            }
            if (!hasGuard(stack, bucket, "aws:s3/bucketPolicy:BucketPolicy", BucketsAreGuarded::deniesInsecureTransport)) {
                out.add(new Violation(bucket.urn(), name + " has no policy denying non-TLS requests"));
            }
        }
        return out;
    }

    private static boolean hasGuard(StackView stack, ResourceView bucket, String type, Predicate<ResourceView> ok) {
        return stack.ofType(type).stream()
                .filter(g -> g.dependenciesOf("bucket").contains(bucket.urn())
                        || g.dependencies().contains(bucket.urn())
                        || stack.refersTo(g, g.property("bucket").orElse(null), bucket))
                .anyMatch(ok);
    }

    private static boolean deniesInsecureTransport(ResourceView policy) {
        return RuleSupport.jsonProperty(policy, "policy").map(doc -> {
            for (JsonNode s : doc.path("Statement").isArray() ? doc.path("Statement") : List.of(doc.path("Statement"))) {
                JsonNode secure = s.at("/Condition/Bool/aws:SecureTransport");
                String value = secure.isArray() ? secure.path(0).asText() : secure.asText();
                if ("Deny".equals(s.path("Effect").asText()) && "false".equals(value)) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }
}
