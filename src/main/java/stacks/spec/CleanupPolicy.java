package stacks.spec;

/** Kafka topic {@code cleanup.policy}. */
public enum CleanupPolicy {
    DELETE("delete"), COMPACT("compact"), COMPACT_DELETE("compact,delete");

    private final String kafkaValue;

    CleanupPolicy(String kafkaValue) {
        this.kafkaValue = kafkaValue;
    }

    public String kafkaValue() {
        return kafkaValue;
    }

    static java.util.Optional<CleanupPolicy> fromKafkaValue(String value) {
        for (CleanupPolicy p : values()) {
            if (p.kafkaValue.equals(value)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }
}
