package stacks.spec;

import java.util.List;
import java.util.Optional;

/**
 * The whole dev_min environment as immutable, validated data: built once from stack config by {@link SpecParser},
 * read by every layer. No component reads config itself.
 */
public record EnvironmentSpec(
        String project,
        String stack,
        String environment,
        String owner,
        String awsAccountId,
        String awsRegion,
        BudgetSpec budget,
        CiSpec ci,
        ImageSpec image,
        List<LaneSpec> lanes,
        List<TopicSpec> topics,
        ConfluentSpec confluent,
        int logRetentionDays,
        int ecrKeepTaggedImages,
        DatabaseSpec database,
        boolean demoWindowOpen) {

    public EnvironmentSpec {
        lanes = List.copyOf(lanes);
        topics = List.copyOf(topics);
    }

    public Optional<LaneSpec> lane(String name) {
        return lanes.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    public Optional<TopicSpec> topic(String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
