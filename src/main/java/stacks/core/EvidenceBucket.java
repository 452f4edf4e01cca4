package stacks.core;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import stacks.LayerScope;
import stacks.handles.HandleName;
import stacks.handles.HandleRegistry;

/**
 * The evidence bucket: versioned, encrypted, never public, owner-enforced, TLS only, old versions expired.
 * Evidence is append-only, so versioning keeps every overwrite attempt recoverable.
 */
final class EvidenceBucket {

    static final int NONCURRENT_VERSION_DAYS = 90;

    private final BucketV2 bucket;
    private final CoreNames names;

    EvidenceBucket(LayerScope scope, CoreNames names) {
        this.names = names;
        this.bucket = new BucketV2("evidence-bucket", BucketV2Args.builder()
                .bucket(names.bucketName())
                .forceDestroy(false)
                .build(), scope.aws());
        var publicAccess = new BucketPublicAccessBlock("evidence-public-access-block",
                BucketPublicAccessBlockArgs.builder()
                        .bucket(bucket.id())
                        .blockPublicAcls(true)
                        .blockPublicPolicy(true)
                        .ignorePublicAcls(true)
                        .restrictPublicBuckets(true)
                        .build(), scope.aws());
        new BucketOwnershipControls("evidence-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), scope.aws());
        new BucketVersioningV2("evidence-versioning", BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder()
                        .status("Enabled").build())
                .build(), scope.aws());
        new BucketServerSideEncryptionConfigurationV2("evidence-encryption",
                BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                                .applyServerSideEncryptionByDefault(
                                        BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                                .builder().sseAlgorithm("AES256").build())
                                .bucketKeyEnabled(true)
                                .build())
                        .build(), scope.aws());
        // The policy waits for the public access block so that AWS never sees a policy on an unguarded bucket.
        new BucketPolicy("evidence-tls-only", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(CorePolicies.tlsOnlyBucketPolicy(names.bucketArn()).toJson())
                .build(), scope.aws(publicAccess));
        new BucketLifecycleConfigurationV2("evidence-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-noncurrent-versions")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs
                                .builder().noncurrentDays(NONCURRENT_VERSION_DAYS).build())
                        .build())
                .build(), scope.aws());
    }

    Output<String> bucketName() {
        return bucket.bucket();
    }

    void publish(HandleRegistry handles, String publisher) {
        handles.publish(HandleName.S3_EVIDENCE_BUCKET, publisher, names.bucketName(), bucket);
        handles.publish(HandleName.S3_EVIDENCE_BUCKET_ARN, publisher, names.bucketArn(), bucket);
    }
}
