package stacks.handles;

import java.util.Locale;

/** The stable names of handles: what one part of the environment publishes and another asks for. */
public final class HandleName {

    public static final String S3_EVIDENCE_BUCKET = "S3_EVIDENCE_BUCKET";
    public static final String S3_EVIDENCE_BUCKET_ARN = "S3_EVIDENCE_BUCKET_ARN";
    public static final String ECR_REPOSITORY_URI = "ECR_REPOSITORY_URI";
    public static final String ECR_REPOSITORY_ARN = "ECR_REPOSITORY_ARN";
    public static final String SSM_CONFLUENT_BOOTSTRAP_PATH = "SSM_CONFLUENT_BOOTSTRAP_PATH";
    public static final String SSM_CONFLUENT_API_KEY_PATH = "SSM_CONFLUENT_API_KEY_PATH";
    public static final String SSM_CONFLUENT_API_SECRET_PATH = "SSM_CONFLUENT_API_SECRET_PATH";
    public static final String SSM_IG_API_KEY_PATH = "SSM_IG_API_KEY_PATH";
    public static final String SSM_DB_USER_PATH = "SSM_DB_USER_PATH";
    public static final String SSM_DB_PASSWORD_PATH = "SSM_DB_PASSWORD_PATH";
    public static final String BUDGET_NAME = "BUDGET_NAME";
    public static final String ROLE_GHA_PREVIEW = "ROLE_GHA_PREVIEW";
    public static final String ROLE_GHA_WINDOW = "ROLE_GHA_WINDOW";
    public static final String ROLE_GHA_IMAGE_RELEASE = "ROLE_GHA_IMAGE_RELEASE";
    public static final String ROLE_ECS_TASK_EXECUTION = "ROLE_ECS_TASK_EXECUTION";
    /** The permissions boundary every demo-layer role carries (a role without it cannot be created from CI). */
    public static final String IAM_DEMO_PERMISSIONS_BOUNDARY = "IAM_DEMO_PERMISSIONS_BOUNDARY";
    /** What {@code RunTask} needs to start a job lane: the cluster, subnets (comma-separated), security group. */
    public static final String ECS_CLUSTER_ARN = "ECS_CLUSTER_ARN";
    public static final String ECS_SUBNET_IDS = "ECS_SUBNET_IDS";
    public static final String ECS_SECURITY_GROUP_ID = "ECS_SECURITY_GROUP_ID";

    private HandleName() {
    }

    public static String laneRole(String lane) {
        return "ROLE_LANE_" + token(lane);
    }

    /** A lane's task definition ARN (with its revision), for {@code RunTask} and readiness checks. */
    public static String taskDefinition(String lane) {
        return "TASK_DEFINITION_" + token(lane);
    }

    public static String kafkaTopic(String topic) {
        return "KAFKA_TOPIC_" + token(topic);
    }

    /** The CloudWatch log group a lane writes to (core keeps it across windows: logs are evidence). */
    public static String logGroup(String lane) {
        return "LOG_GROUP_" + token(lane);
    }

    /** The address ({@code host:port}) under which an ingress lane answers other lanes, e.g. {@code LANE_ADDRESS_IG}. */
    public static String laneAddress(String lane) {
        return "LANE_ADDRESS_" + token(lane);
    }

    /**
     * The registry name of a handle a principal has its own of ({@link SsmHandles#LANE_SCOPED}): a lane declares that
     * it reads {@code SSM_CONFLUENT_API_KEY_PATH} and is given {@code SSM_CONFLUENT_API_KEY_PATH@<lane>}.
     */
    public static String forLane(String handle, String lane) {
        return handle + "@" + lane;
    }

    private static String token(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
