package stacks.handles;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SSM parameter paths of the environment, as a pure function of the environment name. These are the handles lanes
 * may read; which of them exist depends only on whether the database is enabled.
 */
public final class SsmHandles {

    private SsmHandles() {
    }

    /** Handle name to parameter path, in a stable order. */
    public static Map<String, String> paths(String environment, boolean databaseEnabled) {
        String root = root(environment);
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put(HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH, root + "/confluent/bootstrap");
        paths.put(HandleName.SSM_CONFLUENT_API_KEY_PATH, root + "/confluent/api_key");
        paths.put(HandleName.SSM_CONFLUENT_API_SECRET_PATH, root + "/confluent/api_secret");
        paths.put(HandleName.SSM_IG_API_KEY_PATH, root + "/ig/api_key");
        if (databaseEnabled) {
            paths.put(HandleName.SSM_DB_USER_PATH, root + "/db/user");
            paths.put(HandleName.SSM_DB_PASSWORD_PATH, root + "/db/password");
        }
        return java.util.Collections.unmodifiableMap(paths);
    }

    /**
     * The parameters {@code devmin preflight} reads to reach Kafka (bootstrap, key, secret, in that order): exactly
     * what the window role may read with {@code ssm:GetParameters}. Preflight and the role both take them from here.
     */
    public static java.util.List<String> preflightKafkaPaths(String environment) {
        Map<String, String> all = paths(environment, false);
        return java.util.List.of(all.get(HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH),
                all.get(HandleName.SSM_CONFLUENT_API_KEY_PATH), all.get(HandleName.SSM_CONFLUENT_API_SECRET_PATH));
    }

    /** The path every handle of this environment lives under, e.g. {@code /devmin/dev_min}. */
    public static String root(String environment) {
        return "/devmin/" + environment;
    }

    /** The parameter ARN of a path, for IAM statements. */
    public static String parameterArn(String region, String accountId, String path) {
        return "arn:aws:ssm:" + region + ":" + accountId + ":parameter" + path;
    }
}
