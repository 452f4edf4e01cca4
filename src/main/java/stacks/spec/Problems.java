package stacks.spec;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a config before anything is declared, so the user sees them all at once. */
final class Problems {

    private final List<SpecError> errors = new ArrayList<>();

    void missing(String key, String expected) {
        errors.add(new SpecError(key, SpecError.MISSING, expected));
    }

    void invalid(String key, String value, String expected) {
        errors.add(new SpecError(key, quote(value), expected));
    }

    void invalidSecret(String key, String expected) {
        errors.add(new SpecError(key, SpecError.REDACTED, expected));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<SpecError> errors() {
        return List.copyOf(errors);
    }

    private static String quote(String value) {
        String shown = value.length() > 120 ? value.substring(0, 117) + "..." : value;
        return "'" + shown + "'";
    }
}
