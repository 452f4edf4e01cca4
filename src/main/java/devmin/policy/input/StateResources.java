package devmin.policy.input;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads one resource in Pulumi's state shape (stack export entries and preview step states share it). */
final class StateResources {

    private StateResources() {
    }

    static ResourceView view(JsonNode state) {
        String urn = state.path("urn").asText();
        String type = state.path("type").asText();
        String name = urn.substring(urn.lastIndexOf("::") + 2);
        List<String> dependencies = new ArrayList<>();
        state.path("dependencies").forEach(d -> dependencies.add(d.asText()));
        Map<String, List<String>> propertyDependencies = new TreeMap<>();
        state.path("propertyDependencies").fields().forEachRemaining(e -> {
            List<String> urns = new ArrayList<>();
            e.getValue().forEach(u -> urns.add(u.asText()));
            propertyDependencies.put(e.getKey(), urns);
        });
        return new ResourceView(urn, type, name, "", NeutralJson.object(state.get("inputs")),
                NeutralJson.object(state.get("outputs")), state.path("protect").asBoolean(false),
                state.path("parent").asText(""), dependencies, propertyDependencies, state.path("provider").asText(""));
    }
}
