package devmin.live.aws;

import devmin.live.CallLog;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which SSM parameters exist, and when each was last written, by name only: DescribeParameters never returns values. */
public final class SsmParameterNames {

    /** DescribeParameters accepts at most this many values in one Name filter. */
    static final int NAMES_PER_FILTER = 10;

    private SsmParameterNames() {
    }

    /** The names from {@code names} that do not exist, in their given order. */
    public static List<String> missing(SsmClient ssm, List<String> names, CallLog log) {
        Map<String, ParameterMetadata> present = metadata(ssm, names, log);
        return names.stream().filter(n -> !present.containsKey(n)).toList();
    }

    /**
     * The metadata (type, version, {@code LastModifiedDate}) of those of {@code names} that exist, by name. Only the
     * names asked for are kept: an answer listing another parameter does not make this one exist.
     */
    public static Map<String, ParameterMetadata> metadata(SsmClient ssm, List<String> names, CallLog log) {
        Map<String, ParameterMetadata> present = new HashMap<>();
        for (int i = 0; i < names.size(); i += NAMES_PER_FILTER) {
            List<String> batch = names.subList(i, Math.min(names.size(), i + NAMES_PER_FILTER));
            for (var page : log.pages("ssm:DescribeParameters", () -> ssm.describeParametersPaginator(
                    b -> b.parameterFilters(ParameterStringFilter.builder().key("Name").option("Equals")
                            .values(batch).build())))) {
                page.parameters().stream().filter(p -> batch.contains(p.name())).forEach(p -> present.put(p.name(), p));
            }
        }
        return present;
    }
}
