package devmin.plan.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dated price table ({@value #SOURCE}): prices per region with source, date and (for a figure read from a copy)
 * the copy it was read {@code via}, and assumptions. A price the table states as unknown ({@code "price": null} with
 * an {@code "unknown"} reason) is a gap the estimate names; a price or an assumption the table lacks altogether is an
 * error naming it. Neither is ever a silent zero.
 */
public final class PriceTable {

    /** Where a user edits the table (it is bundled into the jar from there). */
    public static final String SOURCE = "src/main/resources/devmin/plan/prices.json";

    private final JsonNode root;

    private PriceTable(JsonNode root) {
        this.root = root;
    }

    public static PriceTable bundled() {
        try (InputStream in = PriceTable.class.getResourceAsStream("/devmin/plan/prices.json")) {
            return of(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table of the same shape as the bundled one (tests use small tables of their own). */
    public static PriceTable of(JsonNode root) {
        return new PriceTable(root);
    }

    public String currency() {
        return root.path("currency").asText();
    }

    public boolean covers(String region) {
        return root.path("regions").has(region);
    }

    /** The regions the table prices, sorted. */
    public List<String> regions() {
        List<String> regions = new ArrayList<>();
        root.path("regions").fieldNames().forEachRemaining(regions::add);
        return regions.stream().sorted().toList();
    }

    /**
     * @throws IllegalArgumentException naming the item, the region and the file when the table has no such price,
     *                                  with the table's reason when it states the price as unknown
     */
    public double price(String region, String item) {
        JsonNode node = entry(region, item).path("price");
        if (!node.isNumber()) {
            throw new IllegalArgumentException("the price table " + SOURCE + " has no price " + item + " for "
                    + region + unknown(region, item).map(why -> ": " + why).orElse(""));
        }
        return node.asDouble();
    }

    /** Whether the table states a number for the item in the region. */
    public boolean hasPrice(String region, String item) {
        return entry(region, item).path("price").isNumber();
    }

    /**
     * Why the table has no price for the item in the region, when it says so: an entry {@code "price": null} with a
     * non-blank {@code "unknown"}. Empty for a priced item and for one the table lacks or leaves unexplained (both
     * are errors of the table, not gaps).
     */
    public Optional<String> unknown(String region, String item) {
        JsonNode node = entry(region, item);
        String why = node.path("unknown").asText("");
        return node.path("price").isNull() && !why.isBlank() ? Optional.of(why) : Optional.empty();
    }

    /**
     * The item whose price bounds an unknown price from above ({@code "at_most"}), with the statement that says so
     * ({@code "at_most_source"}); empty unless both are stated, the price is unknown and the bound is priced.
     */
    public Optional<UpperBound> upperBound(String region, String item) {
        JsonNode node = entry(region, item);
        String bound = node.path("at_most").asText("");
        String why = node.path("at_most_source").asText("");
        if (unknown(region, item).isEmpty() || bound.isBlank() || why.isBlank() || !hasPrice(region, bound)) {
            return Optional.empty();
        }
        return Optional.of(new UpperBound(bound, price(region, bound), why));
    }

    /** Where a price comes from and when it was read, e.g. {@code aws.amazon.com/fargate/pricing …, 2026-11-01}. */
    public Optional<String> source(String region, String item) {
        JsonNode node = entry(region, item);
        return node.isMissingNode() ? Optional.empty()
                : Optional.of(node.path("source").asText() + ", " + node.path("date").asText());
    }

    /** @throws IllegalArgumentException naming the assumption and the file when the table does not state it */
    public double assumption(String name) {
        JsonNode node = root.path("assumptions").path(name);
        if (!node.isNumber()) {
            throw new IllegalArgumentException("the price table " + SOURCE + " states no assumption " + name);
        }
        return node.asDouble();
    }

    private JsonNode entry(String region, String item) {
        return root.path("regions").path(region).path(item);
    }

    /**
     * An upper bound for an unknown price.
     *
     * @param item   the item whose price is the bound, e.g. {@code fargate_vcpu_hour} for Fargate Spot's vCPU
     * @param price  that item's price
     * @param source the first-party statement that the unknown price is never above it
     */
    public record UpperBound(String item, double price, String source) {
    }
}
