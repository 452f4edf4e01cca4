package devmin.live.aws;

import devmin.live.CallLog;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which SSM parameters exist, by name only: DescribeParameters never returns values. */
public final class SsmParameterNames {

    /** DescribeParameters accepts at most this many values in one Name filter. */
    static final int NAMES_PER_FILTER = 10;

    private SsmParameterNames() {
    }

    /** The names from {@code names} that do not exist, in their given order. */
    public static List<String> missing(SsmClient ssm, List<String> names, CallLog log) {
        Set<String> present = new HashSet<>();
        for (int i = 0; i < names.size(); i += NAMES_PER_FILTER) {
            List<String> batch = names.subList(i, Math.min(names.size(), i + NAMES_PER_FILTER));
            for (var page : log.pages("ssm:DescribeParameters", () -> ssm.describeParametersPaginator(
                    b -> b.parameterFilters(ParameterStringFilter.builder().key("Name").option("Equals")
                            .values(batch).build())))) {
                page.parameters().forEach(p -> present.add(p.name()));
            }
        }
        return names.stream().filter(n -> !present.contains(n)).toList();
    }
}
