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
    public static final String ROLE_GHA_DEPLOY = "ROLE_GHA_DEPLOY";
    public static final String ROLE_GHA_IMAGE_RELEASE = "ROLE_GHA_IMAGE_RELEASE";
    public static final String ROLE_ECS_TASK_EXECUTION = "ROLE_ECS_TASK_EXECUTION";

    private HandleName() {
    }

    public static String laneRole(String lane) {
        return "ROLE_LANE_" + token(lane);
    }

    public static String kafkaTopic(String topic) {
        return "KAFKA_TOPIC_" + token(topic);
    }

    private static String token(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
