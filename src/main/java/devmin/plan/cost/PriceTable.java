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
 * The dated price table ({@value #SOURCE}): prices per region with source and date, and assumptions. Asking for a
 * price or an assumption the table lacks is an error naming it, never a silent zero.
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

    /** @throws IllegalArgumentException naming the item, the region and the file when the table has no such price */
    public double price(String region, String item) {
        JsonNode node = root.path("regions").path(region).path(item).path("price");
        if (!node.isNumber()) {
            throw new IllegalArgumentException("the price table " + SOURCE + " has no price " + item + " for "
                    + region);
        }
        return node.asDouble();
    }

    /** Where a price comes from and when it was read, e.g. {@code aws.amazon.com/fargate/pricing …, 2026-11-01}. */
    public Optional<String> source(String region, String item) {
        JsonNode node = root.path("regions").path(region).path(item);
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
}
