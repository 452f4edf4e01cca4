package stacks.core;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import stacks.LayerScope;
import stacks.demo.DemoNames;
import stacks.handles.HandleName;
import stacks.handles.HandleRegistry;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One log group per lane, with the configured retention. Logs are evidence: they live in the persistent core layer so
 * that closing a demo window does not delete what the window wrote; the retention bounds what they cost.
 */
final class LaneLogGroups {

    private final Map<String, LogGroup> groups = new LinkedHashMap<>();
    private final DemoNames names;

    LaneLogGroups(LayerScope scope, EnvironmentSpec spec) {
        this.names = DemoNames.of(spec);
        for (LaneSpec lane : spec.lanes()) {
            groups.put(lane.name(), new LogGroup("log-" + lane.name(), LogGroupArgs.builder()
                    .name(names.logGroupName(lane.name()))
                    .retentionInDays(spec.logRetentionDays())
                    .build(), scope.aws()));
        }
    }

    void publish(HandleRegistry handles, String publisher) {
        groups.forEach((lane, group) -> handles.publish(HandleName.logGroup(lane), publisher,
                names.logGroupName(lane), group));
    }
}
