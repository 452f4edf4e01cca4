package devmin.graph;

import java.util.regex.Pattern;

/**
 * How a place inside a resource's inputs is written, the same everywhere (plans, diffs, secret fingerprints):
 * {@code networkConfiguration.subnets[1]}, {@code config["retention.ms"]}.
 */
public final class PropertyPaths {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private PropertyPaths() {
    }

    public static String field(String parent, String key) {
        if (!PLAIN_KEY.matcher(key).matches()) {
            return parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
