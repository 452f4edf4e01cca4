package devmin.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import devmin.policy.input.DuplicateKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Enforcement overrides and waivers. Overrides use Pulumi's policy-pack-config shape, keyed by rule name or id:
 * {@code {"no-load-balancer": "advisory"}} or {@code {"no-load-balancer": {"enforcementLevel": "advisory"}}};
 * waivers live in {@code policies/waivers.yaml} under {@code waivers:}.
 */
public record PolicyConfig(Map<String, Enforcement> enforcement, List<Waiver> waivers) {

    public static final Path DEFAULT_WAIVERS = Path.of("policies", "waivers.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).enable(DuplicateKeys.REFUSED);

    public PolicyConfig {
        enforcement = Map.copyOf(enforcement);
        waivers = List.copyOf(waivers);
    }

    public static PolicyConfig none() {
        return new PolicyConfig(Map.of(), List.of());
    }

    public PolicyConfig withWaivers(List<Waiver> newWaivers) {
        return new PolicyConfig(enforcement, newWaivers);
    }

    public PolicyConfig withEnforcement(Map<String, Enforcement> newEnforcement) {
        return new PolicyConfig(newEnforcement, waivers);
    }

    /** Thrown for an unreadable or malformed policy file: names the file, the entry and what was expected. */
    public static final class PolicyConfigException extends Exception {
        public PolicyConfigException(String message) {
            super(message);
        }
    }

    /** The waivers of a file; a missing file means no waivers. */
    public static List<Waiver> loadWaivers(Path file) throws PolicyConfigException {
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new PolicyConfigException(file + ": " + DuplicateKeys.describe(e).map(d -> d + " (a second"
                    + " value could revive an expired waiver; refused)").orElse("not valid YAML"));
        } catch (IOException e) {
            throw new PolicyConfigException(file + ": not valid YAML");
        }
        return parseWaivers(root == null ? null : root.get("waivers"), file.toString());
    }

    public static List<Waiver> parseWaivers(JsonNode list, String where) throws PolicyConfigException {
        List<Waiver> waivers = new ArrayList<>();
        if (list == null || list.isNull()) {
            return waivers;
        }
        if (!list.isArray()) {
            throw new PolicyConfigException(where + ": 'waivers' must be a list");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode w = list.get(i);
            String at = where + ": waivers[" + i + "]";
            for (String field : List.of("rule", "resource", "reason", "owner", "expires")) {
                if (w.path(field).asText("").isBlank()) {
                    throw new PolicyConfigException(at + "." + field + " is missing");
                }
            }
            LocalDate expires;
            try {
                expires = LocalDate.parse(w.get("expires").asText());
            } catch (DateTimeParseException e) {
                throw new PolicyConfigException(at + ".expires: got '" + w.get("expires").asText()
                        + "', expected a date YYYY-MM-DD");
            }
            waivers.add(new Waiver(w.get("rule").asText(), w.get("resource").asText(), w.get("reason").asText(),
                    w.get("owner").asText(), expires));
        }
        return waivers;
    }

    /** Enforcement overrides from a policy-pack config object. */
    public static Map<String, Enforcement> parseEnforcement(JsonNode config, String where) throws PolicyConfigException {
        Map<String, Enforcement> out = new HashMap<>();
        if (config == null || !config.isObject()) {
            return out;
        }
        var fields = config.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            if (entry.getKey().equals("all") || entry.getKey().equals("waivers")
                    || entry.getKey().equals("waivers-are-valid")) {
                continue;
            }
            JsonNode value = entry.getValue();
            String level = value.isTextual() ? value.asText() : value.path("enforcementLevel").asText("");
            if (level.isEmpty()) {
                continue;
            }
            try {
                out.put(entry.getKey(), Enforcement.parse(level));
            } catch (IllegalArgumentException e) {
                throw new PolicyConfigException(where + ": " + entry.getKey() + ".enforcementLevel: got '" + level
                        + "', expected mandatory, advisory or disabled");
            }
        }
        return out;
    }
}
