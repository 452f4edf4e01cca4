package devmin.policy.input;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceView;

import java.util.ArrayList;
import java.util.List;

/** Reads the JSON of {@code pulumi stack export}: {@code {version, deployment: {resources: [...]}}}. */
public final class StackExportReader {

    private StackExportReader() {
    }

    public static List<ResourceView> read(JsonNode export, String source) throws InputFormatException {
        JsonNode resources = export.path("deployment").path("resources");
        if (!export.path("deployment").isObject()) {
            throw new InputFormatException(source + ": not a Pulumi stack export (expected an object with"
                    + " 'deployment.resources', as written by 'pulumi stack export')");
        }
        List<ResourceView> views = new ArrayList<>();
        for (JsonNode resource : resources) {
            if (!resource.hasNonNull("urn") || !resource.hasNonNull("type")) {
                throw new InputFormatException(source + ": deployment.resources[" + views.size()
                        + "] has no urn or type");
            }
            if (resource.path("delete").asBoolean(false)) {
                continue; // pending deletion: no longer part of the stack
            }
            views.add(StateResources.view(resource));
        }
        return LayerAttribution.apply(views);
    }
}
