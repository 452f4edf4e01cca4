package devmin.live.teardown;

import stacks.StackTags;
import stacks.core.CoreNames;
import stacks.demo.DemoNames;
import stacks.handles.SsmHandles;
import stacks.spec.EnvironmentSpec;

import java.util.List;
import java.util.Map;

/**
 * What a teardown proof looks for: the stack's demo-layer tags, and the core resources that must survive.
 *
 * @param stack          the stack name (value of {@code devmin:stack})
 * @param environment    the environment name (value of {@code devmin:environment})
 * @param homeRegion     where the core layer lives
 * @param evidenceBucket the evidence bucket (must still exist)
 * @param ecrRepository  the image repository (must still exist)
 * @param ssmParameters  the SSM handle parameter names (must still exist)
 * @param logGroups      the lanes' log groups, core since logs are evidence (must still exist)
 * @param namePrefix     what the stack's IAM role names start with, e.g. {@code devmin-dev-min-}
 * @param discoveryDomain the demo layer's Cloud Map namespace name, e.g. {@code devmin-dev-min.internal}
 */
public record TeardownTarget(String stack, String environment, String accountId, String homeRegion,
                             String evidenceBucket, String ecrRepository, List<String> ssmParameters,
                             List<String> logGroups, String namePrefix, String discoveryDomain) {

    public TeardownTarget {
        ssmParameters = List.copyOf(ssmParameters);
        logGroups = List.copyOf(logGroups);
    }

    public static TeardownTarget of(EnvironmentSpec spec) {
        CoreNames names = CoreNames.of(spec);
        DemoNames demo = DemoNames.of(spec);
        return new TeardownTarget(spec.stack(), spec.environment(), spec.awsAccountId(), spec.awsRegion(),
                names.bucketName(), names.ecrRepositoryName(),
                SsmHandles.allPaths(spec),
                spec.lanes().stream().map(lane -> demo.logGroupName(lane.name())).toList(),
                demo.prefix() + "-", demo.discoveryDomain());
    }

    /** The tags that mark this stack's demo layer. */
    public Map<String, String> demoTags() {
        return Map.of(StackTags.STACK, stack, StackTags.LAYER, "demo");
    }

    public boolean isDemo(Map<String, String> tags) {
        return demoTags().entrySet().stream().allMatch(e -> e.getValue().equals(tags.get(e.getKey())));
    }
}
