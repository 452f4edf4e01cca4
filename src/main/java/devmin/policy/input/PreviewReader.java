package devmin.policy.input;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceView;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the JSON of {@code pulumi preview --json}: every step's {@code newState} (what the stack will hold after the
 * update); deleted resources are left out.
 */
public final class PreviewReader {

    private static final Set<String> GONE = Set.of("delete", "discard", "delete-replaced", "discard-replaced");

    private PreviewReader() {
    }

    public static List<ResourceView> read(JsonNode preview, String source) throws InputFormatException {
        JsonNode steps = preview.get("steps");
        if (steps == null || !steps.isArray()) {
            throw new InputFormatException(source + ": not Pulumi preview JSON (expected an object with 'steps', as"
                    + " written by 'pulumi preview --json')");
        }
        List<ResourceView> views = new ArrayList<>();
        for (JsonNode step : steps) {
            if (GONE.contains(step.path("op").asText()) || !step.path("newState").isObject()) {
                continue;
            }
            views.add(StateResources.view(step.get("newState")));
        }
        return LayerAttribution.apply(views);
    }
}
