package stacks.spec;

/**
 * One Kafka topic of the topic catalog.
 *
 * @param name          the topic name
 * @param partitions    partition count
 * @param retentionMs   {@code retention.ms}; -1 keeps records forever
 * @param cleanupPolicy {@code cleanup.policy}
 */
public record TopicSpec(String name, int partitions, long retentionMs, CleanupPolicy cleanupPolicy) {
}
