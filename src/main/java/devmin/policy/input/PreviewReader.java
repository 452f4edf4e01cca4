package devmin.policy.input;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON of {@code pulumi preview --json --show-sames}: every step's {@code newState} (what the stack will
 * hold after the update), one view per URN; deleted resources are left out.
 *
 * <p>A default {@code pulumi preview --json} lists only the resources that change: unchanged ones are counted in
 * {@code changeSummary.same} but have no step. Rules that judge the whole stack (a budget exists, a bucket has its
 * guards, what reaches a role) would then conclude from absence, so such a partial document is refused, as is a preview
 * that did not finish (no {@code changeSummary}) or failed (error diagnostics).
 */
public final class PreviewReader {

    private static final Set<String> GONE = Set.of("delete", "discard", "delete-replaced", "discard-replaced",
            "remove-pending-replace");

    private PreviewReader() {
    }

    public static List<ResourceView> read(JsonNode preview, String source) throws InputFormatException {
        JsonNode steps = preview.get("steps");
        if (steps == null || !steps.isArray()) {
            throw new InputFormatException(source + ": not Pulumi preview JSON (expected an object with 'steps', as"
                    + " written by 'pulumi preview --json --show-sames')");
        }
        requireComplete(preview, steps, source);
        Map<String, ResourceView> views = new LinkedHashMap<>();
        for (JsonNode step : steps) {
            String op = step.path("op").asText();
            if (GONE.contains(op) || !step.path("newState").isObject()) {
                continue;
            }
            ResourceView view = StateResources.view(step.get("newState"));
            views.put(view.urn(), view);
        }
        return LayerAttribution.apply(List.copyOf(views.values()));
    }

    private static void requireComplete(JsonNode preview, JsonNode steps, String source) throws InputFormatException {
        JsonNode summary = preview.get("changeSummary");
        if (summary == null || !summary.isObject()) {
            throw new InputFormatException(source + ": the preview has no 'changeSummary', so it did not finish;"
                    + " rerun 'pulumi preview --json --show-sames' to completion");
        }
        long errors = 0;
        for (JsonNode d : preview.path("diagnostics")) {
            if ("error".equals(d.path("severity").asText())) {
                errors++;
            }
        }
        if (errors > 0) {
            throw new InputFormatException(source + ": the preview reported " + errors + " error diagnostic(s), so its"
                    + " steps are incomplete; fix the preview first");
        }
        int unchanged = summary.path("same").asInt(0);
        int listed = 0;
        for (JsonNode step : steps) {
            if ("same".equals(step.path("op").asText())) {
                listed++;
            }
        }
        if (listed < unchanged) {
            throw new InputFormatException(source + ": partial preview: changeSummary.same counts " + unchanged
                    + " unchanged resource(s) but only " + listed + " are listed as steps (pulumi preview --json omits"
                    + " unchanged resources); rerun as 'pulumi preview --json --show-sames'");
        }
    }
}
