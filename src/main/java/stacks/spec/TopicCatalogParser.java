package stacks.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses {@code devmin:topics}: names valid for Kafka and unique, partitions within a Basic cluster. */
final class TopicCatalogParser {

    /** Confluent Cloud Basic clusters allow at most this many partitions in total. */
    static final int BASIC_CLUSTER_MAX_PARTITIONS = 4096;
    static final long DEFAULT_RETENTION_MS = 604_800_000L;

    private final Problems problems;

    TopicCatalogParser(Problems problems) {
        this.problems = problems;
    }

    List<TopicSpec> parse(JsonNode list) {
        List<TopicSpec> topics = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int totalPartitions = 0;
        for (int i = 0; i < list.size(); i++) {
            JsonFields f = new JsonFields(list.get(i), ConfigKeys.TOPICS + "[" + i + "]", problems);
            if (!f.rejectUnlessObject("a topic, a YAML object {name, partitions, retentionMs, cleanupPolicy}")) {
                continue;
            }
            f.rejectUnknown(ConfigKeys.TOPIC_FIELDS);
            String name = f.requiredText("name", Patterns.KAFKA_TOPIC, Patterns.KAFKA_TOPIC_TEXT);
            if (name.isEmpty()) {
                f.given("name").ifPresent(given -> problems.rejectedName(ConfigKeys.TOPICS, given));
            }
            if (name.equals(".") || name.equals("..")) {
                problems.invalid(f.key("name"), name, Patterns.KAFKA_TOPIC_TEXT);
                problems.rejectedName(ConfigKeys.TOPICS, name);
            } else if (!name.isEmpty() && !seen.add(name)) {
                problems.invalid(f.key("name"), name, "a topic name not already in the catalog");
            } else if (!name.isEmpty()) {
                problems.name(f.path(), name);
            }
            int partitions = (int) f.integer("partitions", 1, 1, BASIC_CLUSTER_MAX_PARTITIONS);
            totalPartitions += partitions;
            long retention = f.integer("retentionMs", DEFAULT_RETENTION_MS, -1, Long.MAX_VALUE);
            String policyText = f.text("cleanupPolicy", "delete", Patterns.ANY_TEXT, "delete, compact or compact,delete");
            CleanupPolicy policy = CleanupPolicy.fromKafkaValue(policyText).orElseGet(() -> {
                problems.invalid(f.key("cleanupPolicy"), policyText, "delete, compact or compact,delete");
                return CleanupPolicy.DELETE;
            });
            topics.add(new TopicSpec(name, partitions, retention, policy));
        }
        if (totalPartitions > BASIC_CLUSTER_MAX_PARTITIONS) {
            problems.invalid(ConfigKeys.TOPICS, totalPartitions + " partitions in total",
                    "at most " + BASIC_CLUSTER_MAX_PARTITIONS + " partitions, the limit of a Basic cluster");
        }
        if (list.isArray() && list.isEmpty()) {
            problems.invalid(ConfigKeys.TOPICS, "[]", "at least one topic");
        }
        return topics;
    }
}
