package stacks.handles;

import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SSM parameter paths of the environment, as a pure function of the environment name. These are the handles lanes
 * may read. The Kafka bootstrap and the ingress key are shared; every Kafka lane has its own Confluent API key and
 * secret under its own paths, and so has the preflight probe, so no principal can read another's credentials.
 */
public final class SsmHandles {

    /** Handles every Kafka lane has its own of: a lane that declares it reads the lane's own parameter. */
    public static final Set<String> LANE_SCOPED = Set.of(HandleName.SSM_CONFLUENT_API_KEY_PATH,
            HandleName.SSM_CONFLUENT_API_SECRET_PATH);

    /** The Kafka principal of {@code devmin preflight}'s probe, beside the lanes'. */
    public static final String PREFLIGHT = "preflight";

    private SsmHandles() {
    }

    /** Handle name to parameter path of the shared handles, in a stable order. */
    public static Map<String, String> paths(String environment, boolean databaseEnabled) {
        String root = root(environment);
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put(HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH, root + "/confluent/bootstrap");
        paths.put(HandleName.SSM_IG_API_KEY_PATH, root + "/ig/api_key");
        if (databaseEnabled) {
            paths.put(HandleName.SSM_DB_USER_PATH, root + "/db/user");
            paths.put(HandleName.SSM_DB_PASSWORD_PATH, root + "/db/password");
        }
        return Collections.unmodifiableMap(paths);
    }

    /** A Kafka principal's own key and secret paths: a lane's, or {@link #PREFLIGHT}'s. */
    public static Map<String, String> credentialPaths(String environment, String principal) {
        String base = principal.equals(PREFLIGHT) ? root(environment) + "/confluent/" + PREFLIGHT
                : laneCredentialsRoot(environment) + "/" + principal;
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put(HandleName.SSM_CONFLUENT_API_KEY_PATH, base + "/api_key");
        paths.put(HandleName.SSM_CONFLUENT_API_SECRET_PATH, base + "/api_secret");
        return Collections.unmodifiableMap(paths);
    }

    /** Every handle name a lane may declare in {@code reads}. */
    public static Set<String> readableNames(boolean databaseEnabled) {
        Set<String> names = new LinkedHashSet<>(paths("any", databaseEnabled).keySet());
        names.addAll(List.of(HandleName.SSM_CONFLUENT_API_KEY_PATH, HandleName.SSM_CONFLUENT_API_SECRET_PATH));
        return Collections.unmodifiableSet(names);
    }

    /** The registry name under which a lane finds a handle it reads: its own for lane-scoped handles. */
    public static String registryName(String lane, String handle) {
        return LANE_SCOPED.contains(handle) ? HandleName.forLane(handle, lane) : handle;
    }

    /** The parameter path a lane reads when it declares {@code handle}. */
    public static String pathFor(String environment, boolean databaseEnabled, String lane, String handle) {
        String path = LANE_SCOPED.contains(handle) ? credentialPaths(environment, lane).get(handle)
                : paths(environment, databaseEnabled).get(handle);
        if (path == null) {
            throw new IllegalArgumentException("no SSM handle " + handle + " for lane " + lane);
        }
        return path;
    }

    /** The lanes that have their own Kafka principal: those that read the Kafka API key. */
    public static List<String> kafkaLanes(EnvironmentSpec spec) {
        return spec.lanes().stream().filter(l -> l.reads().contains(HandleName.SSM_CONFLUENT_API_KEY_PATH))
                .map(LaneSpec::name).toList();
    }

    /**
     * Every parameter path of the environment: the shared handles, each Kafka lane's credentials and the preflight
     * probe's. What preflight and the teardown proof expect to exist, and what verify-iam probes.
     */
    public static List<String> allPaths(EnvironmentSpec spec) {
        Set<String> all = new LinkedHashSet<>(paths(spec.environment(), spec.database().enabled()).values());
        kafkaLanes(spec).forEach(lane -> all.addAll(credentialPaths(spec.environment(), lane).values()));
        all.addAll(credentialPaths(spec.environment(), PREFLIGHT).values());
        return List.copyOf(all);
    }

    /**
     * The parameters {@code devmin preflight} reads to reach Kafka (bootstrap, key, secret, in that order): exactly
     * what the window role may read with {@code ssm:GetParameters}: the shared bootstrap and the probe's own key. Preflight and the role both take them from here.
     */
    public static List<String> preflightKafkaPaths(String environment) {
        Map<String, String> own = credentialPaths(environment, PREFLIGHT);
        return List.of(paths(environment, false).get(HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH),
                own.get(HandleName.SSM_CONFLUENT_API_KEY_PATH), own.get(HandleName.SSM_CONFLUENT_API_SECRET_PATH));
    }

    /** The path each Kafka lane's own credentials live under, one folder per lane. */
    public static String laneCredentialsRoot(String environment) {
        return root(environment) + "/confluent/lanes";
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
