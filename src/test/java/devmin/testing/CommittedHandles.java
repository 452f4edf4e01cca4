package devmin.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SSM parameters the committed dev-min stack holds, written out from the design (shared bootstrap and ingress
 * key; each Kafka lane's and the preflight probe's own key and secret), for fixtures that stand in for SSM.
 */
public final class CommittedHandles {

    /** The committed catalog's lanes that produce or consume: every service, and the publish/readback probe. */
    public static final List<String> KAFKA_LANES = List.of("sr", "wsp", "ig", "archive-writer", "ieg", "ofp", "csfb",
            "dl", "df", "al", "dla", "case-trigger", "cm", "ls", "probe-publish");
    public static final String ROOT = "/devmin/dev_min";
    public static final String BOOTSTRAP = ROOT + "/confluent/bootstrap";
    public static final String PREFLIGHT_KEY = ROOT + "/confluent/preflight/api_key";
    public static final String PREFLIGHT_SECRET = ROOT + "/confluent/preflight/api_secret";

    private CommittedHandles() {
    }

    public static String laneKey(String lane) {
        return ROOT + "/confluent/lanes/" + lane + "/api_key";
    }

    public static String laneSecret(String lane) {
        return ROOT + "/confluent/lanes/" + lane + "/api_secret";
    }

    /** The path a lane reads for a handle it declares: Kafka credentials under its own path, the rest shared. */
    public static String ownPath(String lane, String handle) {
        return switch (handle) {
            case "SSM_CONFLUENT_BOOTSTRAP_PATH" -> BOOTSTRAP;
            case "SSM_CONFLUENT_API_KEY_PATH" -> laneKey(lane);
            case "SSM_CONFLUENT_API_SECRET_PATH" -> laneSecret(lane);
            case "SSM_IG_API_KEY_PATH" -> ROOT + "/ig/api_key";
            default -> throw new IllegalArgumentException(handle);
        };
    }

    /** Every parameter path of the committed environment. */
    public static List<String> allPaths() {
        List<String> all = new ArrayList<>(List.of(BOOTSTRAP, ROOT + "/ig/api_key"));
        KAFKA_LANES.forEach(lane -> all.addAll(List.of(laneKey(lane), laneSecret(lane))));
        all.addAll(List.of(PREFLIGHT_KEY, PREFLIGHT_SECRET));
        return List.copyOf(all);
    }

    /** When every parameter of the fixtures was last written: 2023-11-14T22:13:20Z (epoch seconds, as SSM's JSON has it). */
    public static final long LAST_WRITTEN = 1_700_000_000L;

    /** An SSM DescribeParameters answer listing every parameter of the environment. */
    public static String describeParametersBody() {
        return describeParametersBody(allPaths());
    }

    public static String describeParametersBody(List<String> names) {
        return "{\"Parameters\":[" + names.stream().map(n -> "{\"Name\":\"" + n + "\",\"LastModifiedDate\":"
                        + LAST_WRITTEN + "}")
                .collect(Collectors.joining(",")) + "]}";
    }

    /** Every lane of the committed catalog, jobs first, in the file's order. */
    public static final List<String> LANES = List.of("seed-pack", "stream-sort", "checker", "sr", "wsp", "ig",
            "archive-writer", "ieg", "ofp", "csfb", "dl", "df", "al", "dla", "case-trigger", "cm", "ls", "probe-ingress",
            "probe-publish", "reporter");

    /** A CloudWatch Logs DescribeLogGroups answer listing each lane's log group (core keeps them), and {@code more}. */
    public static String logGroupsBody(List<String> lanes, String... more) {
        List<String> names = new ArrayList<>(lanes.stream().map(l -> ROOT + "/" + l).toList());
        names.addAll(List.of(more));
        return "{\"logGroups\":[" + names.stream().map(n -> "{\"logGroupName\":\"" + n + "\"}")
                .collect(Collectors.joining(",")) + "]}";
    }
}
