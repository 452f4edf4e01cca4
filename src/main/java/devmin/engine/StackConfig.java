package devmin.engine;

import java.util.Map;
import java.util.Set;

/**
 * A stack's resolved config exactly as the Pulumi language host would hand it to the program: full keys
 * ({@code devmin:lanes}), structured values as JSON text, and which keys are secrets.
 */
public record StackConfig(String project, String stack, Map<String, String> values, Set<String> secretKeys) {

    public StackConfig {
        values = Map.copyOf(values);
        secretKeys = Set.copyOf(secretKeys);
    }

    public StackConfig with(String key, String value) {
        var copy = new java.util.HashMap<>(values);
        copy.put(key, value);
        return new StackConfig(project, stack, copy, secretKeys);
    }

    public StackConfig without(String key) {
        var copy = new java.util.HashMap<>(values);
        copy.remove(key);
        return new StackConfig(project, stack, copy, secretKeys);
    }
}
