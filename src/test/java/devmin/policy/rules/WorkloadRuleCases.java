package devmin.policy.rules;

import devmin.policy.ResourceView;

import java.util.List;

import static devmin.policy.Views.*;
import static devmin.policy.rules.RuleCase.complies;
import static devmin.policy.rules.RuleCase.violates;

/** Cases for workload, storage, layer and Kafka rules. */
final class WorkloadRuleCases {

    static final String PINNED = "123.dkr.ecr.eu-west-2.amazonaws.com/fp@sha256:" + "a".repeat(64);
    static final String BUCKET = "aws:s3/bucketV2:BucketV2";

    private WorkloadRuleCases() {
    }

    static ResourceView task(String containersSingleQuoted) {
        return demo(IamRuleCases.TASK, "t", props("containerDefinitions", json(containersSingleQuoted)));
    }

    static ResourceView env(String name, String value) {
        return task("[{'name':'app','image':'" + PINNED + "','environment':[{'name':'" + name + "','value':'" + value
                + "'}]}]");
    }

    static List<ResourceView> guardedBucket(boolean block, boolean versioning, boolean encryption, boolean tls) {
        ResourceView bucket = core(BUCKET, "evidence", props("bucket", "evidence-bucket"));
        var out = new java.util.ArrayList<ResourceView>(List.of(bucket));
        if (block) {
            out.add(from(core("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", props("bucket", "[unknown]",
                    "blockPublicAcls", true, "blockPublicPolicy", true, "ignorePublicAcls", true,
                    "restrictPublicBuckets", true)), "bucket", bucket));
        }
        if (versioning) {
            out.add(core("aws:s3/bucketVersioningV2:BucketVersioningV2", "v", props("bucket", "evidence-bucket",
                    "versioningConfiguration", tree("{'status':'Enabled'}"))));
        }
        if (encryption) {
            out.add(from(core("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                    "sse", props("rules", tree("[{'applyServerSideEncryptionByDefault':{'sseAlgorithm':'AES256'}}]"))),
                    "bucket", bucket));
        }
        if (tls) {
            out.add(from(core("aws:s3/bucketPolicy:BucketPolicy", "tls", props("policy", IamRuleCases.doc(
                    "[{'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'*',"
                            + "'Condition':{'Bool':{'aws:SecureTransport':'false'}}}]"))), "bucket", bucket));
        }
        return out;
    }

    /** {@code stack} with the resource named {@code name} replaced. */
    static ResourceView[] replaced(List<ResourceView> stack, String name, ResourceView replacement) {
        return stack.stream().map(r -> r.name().equals(name) ? replacement : r).toArray(ResourceView[]::new);
    }

    static ResourceView[] withInline(List<ResourceView> stack) {
        return stack.stream().map(r -> r.name().equals("evidence") ? core(BUCKET, "evidence", props("bucket",
                "evidence-bucket", "versioning", tree("[{'enabled':true}]"), "serverSideEncryptionConfiguration",
                tree("{'rule':{'applyServerSideEncryptionByDefault':{'sseAlgorithm':'AES256'}}}"))) : r)
                .toArray(ResourceView[]::new);
    }

    static List<RuleCase> all() {
        var secrets = new NoPlaintextSecretsInTaskEnvironment();
        var digest = new ImagesPinnedByDigest();
        var ecr = new EcrRepositoriesImmutableAndScanned();
        var buckets = new BucketsAreGuarded();
        var protection = new ProtectionMatchesLayer();
        var tags = new DemoResourcesTaggedForTheLayer();
        var acls = new KafkaAclsAreNarrow();
        ResourceView demoProvider = res("pulumi:providers:aws", "demo-aws", "demo",
                props("defaultTags", json("{'tags':{'devmin:layer':'demo'}}")));
        ResourceView coreProvider = res("pulumi:providers:aws", "core-aws", "demo",
                props("defaultTags", json("{'tags':{'devmin:layer':'core'}}")));
        String acl = "confluentcloud:index/kafkaAcl:KafkaAcl";
        return List.of(
                violates(secrets, "a password value", env("DB_PASSWORD", "hunter2hunter2"))
                        .firing("t", "plaintext secret in DB_PASSWORD (a secret-looking name holds a value)"),
                violates(secrets, "an API key value", env("IG_API_KEY", "k-123"))
                        .firing("t", "plaintext secret in IG_API_KEY"),
                violates(secrets, "an AWS access key under an innocent name", env("SETTING", "AKIAABCDEFGHIJKLMNOP"))
                        .firing("t", "plaintext secret in SETTING (a credential format: an AWS access key id)"),
                violates(secrets, "a token value", env("GITHUB_TOKEN", "ghp_" + "x".repeat(36)))
                        .firing("t", "plaintext secret in GITHUB_TOKEN"),
                complies(secrets, "an SSM path under a secret-looking name", env("SSM_IG_API_KEY_PATH",
                        "/devmin/dev_min/ig/api_key")),
                complies(secrets, "plain settings", env("KAFKA_TOPIC_INGRESS", "ingress.traffic.v1")),

                violates(digest, "a tag", task("[{'name':'a','image':'repo:latest'}]"))
                        .firing("t", "runs image 'repo:latest', not pinned"),
                violates(digest, "no tag at all", task("[{'name':'a','image':'repo'}]"))
                        .firing("t", "runs image 'repo', not pinned"),
                violates(digest, "a short digest", task("[{'name':'a','image':'repo@sha256:abc'}]"))
                        .firing("t", "runs image 'repo@sha256:abc'"),
                violates(digest, "one of two containers unpinned", task("[{'name':'a','image':'" + PINNED
                        + "'},{'name':'b','image':'sidecar:1.0'}]"))
                        .firing("t", "container 'b' runs image 'sidecar:1.0'"),
                complies(digest, "a pinned digest", task("[{'name':'a','image':'" + PINNED + "'}]")),
                complies(digest, "a bucket is not a task", core(BUCKET, "b", props())),

                violates(ecr, "mutable tags", core("aws:ecr/repository:Repository", "r", props("imageTagMutability",
                        "MUTABLE", "imageScanningConfiguration", tree("{'scanOnPush':true}"))))
                        .firing("r", "has MUTABLE tags"),
                violates(ecr, "no scan on push", core("aws:ecr/repository:Repository", "r", props("imageTagMutability",
                        "IMMUTABLE", "imageScanningConfiguration", tree("{'scanOnPush':false}"))))
                        .firing("r", "does not scan on push"),
                violates(ecr, "defaults (mutable, unscanned)", core("aws:ecr/repository:Repository", "r", props()))
                        .firing("r", "has MUTABLE tags")
                        .firing("r", "does not scan on push"),
                complies(ecr, "immutable and scanned", core("aws:ecr/repository:Repository", "r", props(
                        "imageTagMutability", "IMMUTABLE", "imageScanningConfiguration", tree("{'scanOnPush':true}")))),
                complies(ecr, "immutable with exclusions, scanned (legacy list form)", core("aws:ecr/repository:Repository",
                        "r", props("imageTagMutability", "IMMUTABLE_WITH_EXCLUSION", "imageScanningConfiguration",
                                tree("[{'scanOnPush':true}]")))),

                violates(buckets, "no public access block", guardedBucket(false, true, true, true).toArray(ResourceView[]::new))
                        .firing("evidence", "has no public access block"),
                violates(buckets, "no versioning", guardedBucket(true, false, true, true).toArray(ResourceView[]::new))
                        .firing("evidence", "is not versioned"),
                violates(buckets, "no encryption", guardedBucket(true, true, false, true).toArray(ResourceView[]::new))
                        .firing("evidence", "has no default encryption"),
                violates(buckets, "inline versioning that is disabled", replaced(guardedBucket(true, false, true, true),
                        "evidence", core(BUCKET, "evidence", props("bucket", "evidence-bucket", "versioning",
                                tree("[{'enabled':false}]")))))
                        .firing("evidence", "is not versioned"),
                violates(buckets, "an encryption configuration with an empty rule list", replaced(
                        guardedBucket(true, true, true, true), "sse", from(core("aws:s3/"
                                + "bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                                "sse", props("rules", tree("[]"))), "bucket", guardedBucket(false, false, false, false)
                                .get(0))))
                        .firing("evidence", "has no default encryption"),
                violates(buckets, "an encryption configuration without rules", replaced(
                        guardedBucket(true, true, true, true), "sse", from(core("aws:s3/"
                                + "bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                                "sse", props()), "bucket", guardedBucket(false, false, false, false).get(0))))
                        .firing("evidence", "has no default encryption"),
                violates(buckets, "no TLS-only policy", guardedBucket(true, true, true, false).toArray(ResourceView[]::new))
                        .firing("evidence", "has no policy denying non-TLS"),
                violates(buckets, "a public access block with one flag off", replaced(guardedBucket(true, true, true, true),
                        "pab", from(core("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", props("bucket",
                                "[unknown]", "blockPublicAcls", true, "blockPublicPolicy", true, "ignorePublicAcls", true,
                                "restrictPublicBuckets", false)), "bucket", guardedBucket(false, false, false, false).get(0))))
                        .firing("evidence", "has no public access block with all four flags"),
                violates(buckets, "versioning suspended", replaced(guardedBucket(true, true, true, true), "v",
                        core("aws:s3/bucketVersioningV2:BucketVersioningV2", "v", props("bucket", "evidence-bucket",
                                "versioningConfiguration", tree("{'status':'Suspended'}")))))
                        .firing("evidence", "is not versioned"),
                violates(buckets, "a bucket policy that does not deny plain HTTP", replaced(
                        guardedBucket(true, true, true, true), "tls", core("aws:s3/bucketPolicy:BucketPolicy", "tls",
                                props("bucket", "evidence-bucket", "policy", IamRuleCases.doc("[{'Effect':'Deny',"
                                        + "'Principal':'*','Action':'s3:DeleteBucket','Resource':'*'}]")))))
                        .firing("evidence", "has no policy denying non-TLS"),
                violates(buckets, "a guard for another bucket", replaced(guardedBucket(true, true, true, true), "v",
                        core("aws:s3/bucketVersioningV2:BucketVersioningV2", "v", props("bucket", "other-bucket",
                                "versioningConfiguration", tree("{'status':'Enabled'}")))))
                        .firing("evidence", "is not versioned"),
                complies(buckets, "inline versioning and encryption on the bucket itself", withInline(
                        guardedBucket(true, false, false, true))),
                complies(buckets, "all four guards", guardedBucket(true, true, true, true).toArray(ResourceView[]::new)),
                complies(buckets, "no bucket at all", core("aws:ecr/repository:Repository", "r", props())),

                violates(protection, "a protected demo resource", demo("aws:ecs/service:Service", "s", props())
                        .withProtect(true))
                        .firing("s", "is protected, so closing the window"),
                violates(protection, "an unprotected core bucket", core(BUCKET, "b", props()).withProtect(false))
                        .firing("b", "core resource 'b' is unprotected"),
                violates(protection, "an unprotected confluent topic", res("confluentcloud:index/kafkaTopic:KafkaTopic",
                        "t", "confluent", props()).withProtect(false))
                        .firing("t", "confluent resource 't' is unprotected"),
                complies(protection, "an unprotected demo service", demo("aws:ecs/service:Service", "s", props())),
                complies(protection, "a protected core bucket and an unprotected provider", core(BUCKET, "b", props()),
                        res("pulumi:providers:aws", "core-aws", "core", props()).withProtect(false)),

                violates(tags, "a demo resource on the core provider", coreProvider,
                        demo("aws:ecs/cluster:Cluster", "c", props()).withProvider(coreProvider.urn() + "::id"))
                        .firing("c", "is not tagged devmin:layer=demo"),
                violates(tags, "a demo resource with no provider and no tags", demo("aws:ecs/cluster:Cluster", "c",
                        props()))
                        .firing("c", "is not tagged"),
                violates(tags, "a demo resource tagged for another layer", demo("aws:ecs/cluster:Cluster", "c",
                        props("tags", tree("{'devmin:layer':'core'}"))))
                        .firing("c", "is not tagged"),
                complies(tags, "a demo resource on the demo provider", demoProvider,
                        demo("aws:ecs/cluster:Cluster", "c", props()).withProvider(demoProvider.urn() + "::id")),
                complies(tags, "a demo resource with its own tag", demo("aws:ecs/cluster:Cluster", "c",
                        props("tags", tree("{'devmin:layer':'demo'}")))),

                violates(acls, "a wildcard topic", res(acl, "a", "confluent", props("principal", "User:sa-lane1", "resourceType", "TOPIC",
                        "resourceName", "*", "patternType", "LITERAL", "operation", "READ")))
                        .firing("a", "names '*'"),
                violates(acls, "operation ALL", res(acl, "a", "confluent", props("principal", "User:sa-lane1", "resourceType", "TOPIC",
                        "resourceName", "t", "patternType", "LITERAL", "operation", "ALL")))
                        .firing("a", "grants operation ALL"),
                violates(acls, "the cluster resource", res(acl, "a", "confluent", props("principal", "User:sa-lane1", "resourceType", "CLUSTER",
                        "resourceName", "kafka-cluster", "patternType", "LITERAL", "operation", "DESCRIBE")))
                        .firing("a", "grants on the cluster resource"),
                violates(acls, "a prefixed topic pattern", res(acl, "a", "confluent", props("principal", "User:sa-lane1", "resourceType", "TOPIC",
                        "resourceName", "ingress.", "patternType", "PREFIXED", "operation", "WRITE")))
                        .firing("a", "matches topics by PREFIXED, not LITERAL"),
                complies(acls, "a literal topic write", res(acl, "a", "confluent", props("principal", "User:sa-lane1", "resourceType", "TOPIC",
                        "resourceName", "ingress.traffic.v1", "patternType", "LITERAL", "operation", "WRITE"))),
                complies(acls, "a lane-prefixed group read", res(acl, "a", "confluent", props("principal", "User:sa-lane1", "resourceType", "GROUP",
                        "resourceName", "ofp", "patternType", "PREFIXED", "operation", "READ"))));
    }
}
