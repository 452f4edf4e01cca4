package devmin.realengine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import stacks.Layer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reading what the real CLI prints: JSON documents, and resources counted by layer and type. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + (text.length() > 500 ? text.substring(0, 500) : text), e);
        }
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** The resources of a stack export that are part of the stack (not pending deletion). */
    static List<JsonNode> resources(JsonNode export) {
        return list(export.path("deployment").path("resources")).stream()
                .filter(r -> !r.path("delete").asBoolean(false)).toList();
    }

    /** Layer → type → count, of custom resources and providers (components and the stack are not counted). */
    static Map<String, Map<String, Integer>> countByLayerAndType(List<JsonNode> states) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (JsonNode state : states) {
            String type = state.path("type").asText();
            if (!state.path("custom").asBoolean(false)) {
                continue;
            }
            String layer = Layer.ofUrn(state.path("urn").asText()).map(Layer::tagValue).orElse("none");
            counts.computeIfAbsent(layer, l -> new TreeMap<>()).merge(type, 1, Integer::sum);
        }
        return counts;
    }

    /** The same counts from {@code devmin plan --format json} ({@code layers[].by_type}). */
    static Map<String, Map<String, Integer>> planCounts(JsonNode plan) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (JsonNode layer : plan.path("layers")) {
            Map<String, Integer> byType = new TreeMap<>();
            layer.path("by_type").fields().forEachRemaining(e -> byType.put(e.getKey(), e.getValue().asInt()));
            counts.put(layer.path("layer").asText(), byType);
        }
        return counts;
    }
}
