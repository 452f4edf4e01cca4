package stacks.spec;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a config before anything is declared, so the user sees them all at once. */
final class Problems {

    private final List<SpecError> errors = new ArrayList<>();
    private final java.util.function.Predicate<String> isSecretKey;

    Problems(java.util.function.Predicate<String> isSecretKey) {
        this.isSecretKey = isSecretKey;
    }

    void missing(String key, String expected) {
        errors.add(new SpecError(key, SpecError.MISSING, expected));
    }

    void invalid(String key, String value, String expected) {
        errors.add(new SpecError(key, isSecretKey.test(rootKey(key)) ? SpecError.REDACTED : quote(value), expected));
    }

    /** {@code devmin:lanes[3].cpu} belongs to the config key {@code devmin:lanes}. */
    static String rootKey(String key) {
        int colon = key.indexOf(':');
        int end = key.length();
        for (char c : new char[]{'.', '['}) {
            int at = key.indexOf(c, colon + 1);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        return key.substring(0, end);
    }

    /** A key or field nobody reads: almost always a typo, so name the closest known one. */
    void unknown(String key, String typed, java.util.Collection<String> known, String what) {
        String expected = DidYouMean.closest(typed, known)
                .map(match -> what + "; did you mean " + match + "?")
                .orElse(what + ", one of " + new java.util.TreeSet<>(known));
        errors.add(new SpecError(key, SpecError.UNKNOWN_KEY, expected));
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
