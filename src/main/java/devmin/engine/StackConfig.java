package devmin.engine;

import stacks.spec.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * A stack's resolved config exactly as the Pulumi language host would hand it to the program: full keys
 * ({@code devmin:lanes}), structured values as JSON text, and which keys are secrets; when it was read from a stack
 * file, also where each key and value is in that file ({@code devmin:lanes[5].cpu} to {@code Pulumi.dev-min.yaml:88}),
 * so a config error can point at its line.
 */
public record StackConfig(String project, String stack, Map<String, String> values, Set<String> secretKeys,
                          Map<String, String> positions) {

    public StackConfig {
        values = Map.copyOf(values);
        secretKeys = Set.copyOf(secretKeys);
        positions = Map.copyOf(positions);
    }

    /** A config that came from no file (a test, the language host): its errors name keys without lines. */
    public StackConfig(String project, String stack, Map<String, String> values, Set<String> secretKeys) {
        this(project, stack, values, secretKeys, Map.of());
    }

    /** The config as the spec parser reads it, positions included. */
    public ConfigSource source() {
        return ConfigSource.of(values, secretKeys, positions);
    }

    public StackConfig with(String key, String value) {
        var copy = new java.util.HashMap<>(values);
        copy.put(key, value);
        return new StackConfig(project, stack, copy, secretKeys, positions);
    }

    public StackConfig without(String key) {
        var copy = new java.util.HashMap<>(values);
        copy.remove(key);
        return new StackConfig(project, stack, copy, secretKeys, positions);
    }
}
