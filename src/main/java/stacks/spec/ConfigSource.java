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

    /** Whether the key was set as a secret; errors never show a secret key's value. */
    default boolean isSecret(String fullKey) {
        return false;
    }

    /**
     * Every key set for the stack, when the source can list them (a stack file, the language host's config); the
     * Pulumi SDK's own config cannot, so a program reading through it cannot tell a typo from an unset key.
     */
    default Optional<java.util.Set<String>> presentKeys() {
        return Optional.empty();
    }

    /**
     * Where a key or value is in the file the config came from, as {@code file:line}: the path itself
     * ({@code devmin:lanes[5].cpu}) or, for a field that is missing, the nearest enclosing one ({@code devmin:lanes[5]}).
     * Empty when the config came from no file (the Pulumi engine at {@code pulumi up}, a test).
     */
    default Optional<String> position(String path) {
        return Optional.empty();
    }

    static ConfigSource of(Map<String, String> values) {
        return of(values, java.util.Set.of());
    }

    static ConfigSource of(Map<String, String> values, java.util.Set<String> secretKeys) {
        return of(values, secretKeys, Map.of());
    }

    /** @param positions path to {@code file:line} (see {@link #position}) */
    static ConfigSource of(Map<String, String> values, java.util.Set<String> secretKeys,
                           Map<String, String> positions) {
        Map<String, String> copy = Map.copyOf(values);
        Map<String, String> where = Map.copyOf(positions);
        java.util.Set<String> secrets = java.util.Set.copyOf(secretKeys);
        return new ConfigSource() {
            @Override
            public Optional<String> get(String fullKey) {
                return Optional.ofNullable(copy.get(fullKey));
            }

            @Override
            public boolean isSecret(String fullKey) {
                return secrets.contains(fullKey);
            }

            @Override
            public Optional<java.util.Set<String>> presentKeys() {
                return Optional.of(copy.keySet());
            }

            @Override
            public Optional<String> position(String path) {
                for (String at = path; !at.isEmpty(); at = parent(at)) {
                    if (where.containsKey(at)) {
                        return Optional.of(where.get(at));
                    }
                }
                return Optional.empty();
            }
        };
    }

    /** {@code devmin:lanes[5].cpu} to {@code devmin:lanes[5]} to {@code devmin:lanes} to the empty string. */
    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        int colon = path.indexOf(':');
        return cut > colon ? path.substring(0, cut) : "";
    }
}
