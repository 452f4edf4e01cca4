package stacks;

import stacks.spec.EnvironmentSpec;

import java.util.LinkedHashMap;
import java.util.Map;

/** The tags every resource carries (DESIGN §2.1); the teardown proof finds the demo layer by them. */
public final class StackTags {

    public static final String ENVIRONMENT = "devmin:environment";
    public static final String LAYER = "devmin:layer";
    public static final String STACK = "devmin:stack";
    public static final String MANAGED_BY = "devmin:managed-by";
    public static final String OWNER = "devmin:owner";

    private StackTags() {
    }

    public static Map<String, String> of(EnvironmentSpec spec, Layer layer) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(ENVIRONMENT, spec.environment());
        tags.put(LAYER, layer.tagValue());
        tags.put(STACK, spec.stack());
        tags.put(MANAGED_BY, "pulumi");
        tags.put(OWNER, spec.owner());
        return java.util.Collections.unmodifiableMap(tags);
    }
}
