package stacks.spec;

import java.util.List;

/**
 * Every stack config key the program reads (documented in Pulumi.yaml and the README), and the fields of each
 * structured key. These lists are the only definition of what is known: a {@code devmin:*} key or a field not listed
 * here is rejected as a typo, so adding a key is one line here (and its parsing).
 */
public final class ConfigKeys {

    /** The program's own namespace: every key in it must be one of {@link #ALL}. */
    public static final String NAMESPACE = "devmin";

    public static final String AWS_REGION = "aws:region";
    public static final String ENVIRONMENT = "devmin:environment";
    public static final String OWNER = "devmin:owner";
    public static final String AWS_ACCOUNT_ID = "devmin:awsAccountId";
    public static final String BUDGET = "devmin:budget";
    public static final String CI = "devmin:ci";
    public static final String IMAGE = "devmin:image";
    public static final String LANES = "devmin:lanes";
    public static final String TOPICS = "devmin:topics";
    public static final String CONFLUENT = "devmin:confluent";
    public static final String LOG_RETENTION_DAYS = "devmin:logRetentionDays";
    public static final String ECR_KEEP_TAGGED_IMAGES = "devmin:ecrKeepTaggedImages";
    public static final String DATABASE = "devmin:database";
    /** {@code open} (default) declares the demo layer; {@code closed} declares core and confluent only. */
    public static final String DEMO_WINDOW = "devmin:demoWindow";
    /** Secret: the ingress gateway API key, written to {@code SSM_IG_API_KEY_PATH}. */
    public static final String IG_API_KEY = "devmin:igApiKey";
    /** Secret: the database user, written to {@code SSM_DB_USER_PATH} when the database is enabled. */
    public static final String DB_USER = "devmin:dbUser";
    /** Secret: the database password, written to {@code SSM_DB_PASSWORD_PATH} when the database is enabled. */
    public static final String DB_PASSWORD = "devmin:dbPassword";

    public static final List<String> ALL = List.of(AWS_REGION, ENVIRONMENT, OWNER, AWS_ACCOUNT_ID, BUDGET, CI, IMAGE,
            LANES, TOPICS, CONFLUENT, LOG_RETENTION_DAYS, ECR_KEEP_TAGGED_IMAGES, DATABASE, DEMO_WINDOW, IG_API_KEY,
            DB_USER, DB_PASSWORD);

    public static final List<String> BUDGET_FIELDS = List.of("monthlyLimit", "currency", "alertThresholds",
            "recipients");
    public static final List<String> CI_FIELDS = List.of("repository", "githubOwnerId", "githubRepoId",
            "subjectForm", "oidcProviderArn", "deployEnvironment", "deployRef", "releaseRef", "previewEnvironment");
    public static final List<String> IMAGE_FIELDS = List.of("repository", "tag", "digest");
    public static final List<String> CONFLUENT_FIELDS = List.of("cloud", "region", "readinessTopic");
    public static final List<String> DATABASE_FIELDS = List.of("enabled", "instanceClass", "allocatedStorageGb");
    /** The fields of one item of {@link #LANES}. */
    public static final List<String> LANE_FIELDS = List.of("name", "kind", "command", "cpu", "memory", "desiredCount",
            "reads", "produces", "consumes", "ingressPort", "spot", "onDemandBase", "s3Access", "readOnlyRootFilesystem",
            "calls", "probe", "runMinutes");
    /** The fields of one item of a lane's {@code s3Access}. */
    public static final List<String> S3_GRANT_FIELDS = List.of("access", "prefix");
    /** The fields of one item of {@link #TOPICS}. */
    public static final List<String> TOPIC_FIELDS = List.of("name", "partitions", "retentionMs", "cleanupPolicy");

    private ConfigKeys() {
    }
}
