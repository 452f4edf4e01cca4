package devmin.live.ecs;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replaces every value devmin knows to be secret with {@code [redacted:<handle>]}, longest first (so a value that
 * contains another is replaced whole). The values stay in memory only; nothing here prints or returns them.
 */
public final class Redactor {

    private final Map<String, String> labelByValue;

    private Redactor(Map<String, String> labelByValue) {
        this.labelByValue = labelByValue;
    }

    /** @param labelByValue each secret value with the name it is shown under (a handle name, never the value) */
    public static Redactor of(Map<String, String> labelByValue) {
        Map<String, String> ordered = new LinkedHashMap<>();
        labelByValue.entrySet().stream().filter(e -> e.getKey() != null && !e.getKey().isEmpty())
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return new Redactor(ordered);
    }

    public static Redactor none() {
        return new Redactor(Map.of());
    }

    public String redact(String text) {
        String out = text;
        for (Map.Entry<String, String> secret : labelByValue.entrySet()) {
            out = out.replace(secret.getKey(), "[redacted:" + secret.getValue() + "]");
        }
        return out;
    }

    /** How many secret values this redactor knows (never which). */
    public int size() {
        return labelByValue.size();
    }
}
