package devmin.plan.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The dated price table ({@code devmin/plan/prices.json}): prices per region with source and date, and assumptions. */
public final class PriceTable {

    private final JsonNode root;

    private PriceTable(JsonNode root) {
        this.root = root;
    }

    public static PriceTable bundled() {
        try (InputStream in = PriceTable.class.getResourceAsStream("/devmin/plan/prices.json")) {
            return new PriceTable(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String currency() {
        return root.path("currency").asText();
    }

    public boolean covers(String region) {
        return root.path("regions").has(region);
    }

    public double price(String region, String item) {
        JsonNode node = root.path("regions").path(region).path(item).path("price");
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("no price for " + item + " in " + region);
        }
        return node.asDouble();
    }

    /** Where a price comes from and when it was read, e.g. {@code aws.amazon.com/fargate/pricing …, 2026-11-01}. */
    public Optional<String> source(String region, String item) {
        JsonNode node = root.path("regions").path(region).path(item);
        return node.isMissingNode() ? Optional.empty()
                : Optional.of(node.path("source").asText() + ", " + node.path("date").asText());
    }

    public double assumption(String name) {
        return root.path("assumptions").path(name).asDouble();
    }
}
