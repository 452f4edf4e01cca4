package devmin.program;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the Pulumi Java language host hands the program through its environment: engine and monitor addresses,
 * project, stack, and the config as JSON ({@code PULUMI_CONFIG}, keys possibly in the legacy {@code ns:config:key}
 * form) with its secret keys ({@code PULUMI_CONFIG_SECRET_KEYS}).
 */
public record LanguageHostEnvironment(String engine, String project, String stack, Map<String, String> config,
                                      Set<String> secretKeys) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static LanguageHostEnvironment from(Map<String, String> env) {
        Map<String, String> config = new LinkedHashMap<>();
        Set<String> secrets = new HashSet<>();
        try {
            JsonNode values = JSON.readTree(env.getOrDefault("PULUMI_CONFIG", "{}"));
            values.fields().forEachRemaining(e -> config.put(clean(e.getKey()), e.getValue().isTextual()
                    ? e.getValue().asText() : e.getValue().toString()));
            JsonNode keys = JSON.readTree(env.getOrDefault("PULUMI_CONFIG_SECRET_KEYS", "[]"));
            keys.forEach(k -> secrets.add(clean(k.asText())));
        } catch (Exception e) {
            throw new IllegalArgumentException("PULUMI_CONFIG or PULUMI_CONFIG_SECRET_KEYS is not valid JSON");
        }
        return new LanguageHostEnvironment(env.getOrDefault("PULUMI_ENGINE", ""), env.getOrDefault("PULUMI_PROJECT", ""),
                env.getOrDefault("PULUMI_STACK", ""), config, secrets);
    }

    /** {@code devmin:config:lanes} becomes {@code devmin:lanes}, as the SDK does. */
    static String clean(String key) {
        int colon = key.indexOf(':');
        return colon > 0 && key.startsWith("config:", colon + 1)
                ? key.substring(0, colon) + ":" + key.substring(colon + 1 + "config:".length()) : key;
    }
}
