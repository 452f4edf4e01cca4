package stacks.spec;

import java.util.Map;
import java.util.Optional;

/**
 * Where raw stack configuration comes from: the Pulumi engine, a stack file, or a test.
 * Keys are full Pulumi keys such as {@code devmin:lanes} or {@code aws:region}; structured values arrive as JSON text,
 * exactly as the Pulumi language host passes them.
 */
@FunctionalInterface
public interface ConfigSource {

    Optional<String> get(String fullKey);

    static ConfigSource of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return key -> Optional.ofNullable(copy.get(key));
    }
}
