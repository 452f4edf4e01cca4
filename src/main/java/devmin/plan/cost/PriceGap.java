package devmin.plan.cost;

/**
 * A line of the estimate the price table could not price: its amount is in no total, and the estimate is incomplete.
 *
 * @param item   the line, e.g. {@code Cloud Map names}
 * @param key    the price table's key it needs, e.g. {@code cloud_map_instance_month}
 * @param region the region whose price is missing (for Confluent lines, the Kafka cluster's region)
 * @param reason why there is no price, as the table states it
 */
public record PriceGap(String item, String key, String region, String reason) {

    /** E.g. {@code Cloud Map names: no price cloud_map_instance_month for us-east-1 (no first-party figure …)}. */
    public String describe() {
        return item + ": no price " + key + " for " + region + " (" + reason + ")";
    }

    /** {@code 1 line}, {@code 2 lines}: how the outputs count lines. */
    public static String lines(int count) {
        return count + (count == 1 ? " line" : " lines");
    }
}
