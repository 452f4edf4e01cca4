package stacks.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Collects every problem of a config before anything is declared, so the user sees them all at once. Problems are
 * recorded under index paths ({@code devmin:lanes[5].cpu}), which is how the file is walked; when reported, a list
 * element with a valid unique name is shown by that name ({@code devmin:lanes[ig].cpu}) and every problem carries the
 * {@code file:line} of its key when the config came from a file.
 */
final class Problems {

    private final List<SpecError> errors = new ArrayList<>();
    private final Predicate<String> isSecretKey;
    private final Function<String, Optional<String>> position;
    /** Index path of a list element ({@code devmin:lanes[5]}) to its name ({@code ig}). */
    private final Map<String, String> names = new HashMap<>();
    /** Per catalog ({@code devmin:lanes}), the names given that were rejected ({@code Ig}): already reported. */
    private final Map<String, java.util.Set<String>> rejectedNames = new HashMap<>();

    Problems(Predicate<String> isSecretKey) {
        this(isSecretKey, path -> Optional.empty());
    }

    Problems(Predicate<String> isSecretKey, Function<String, Optional<String>> position) {
        this.isSecretKey = isSecretKey;
        this.position = position;
    }

    void missing(String key, String expected) {
        add(key, SpecError.MISSING, expected);
    }

    void invalid(String key, String value, String expected) {
        add(key, isSecretKey.test(rootKey(key)) ? SpecError.REDACTED : quote(value), expected);
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
        add(key, SpecError.UNKNOWN_KEY, expected);
    }

    void invalidSecret(String key, String expected) {
        add(key, SpecError.REDACTED, expected);
    }

    /** From now on, problems under {@code elementPath} ({@code devmin:lanes[5]}) are reported under its name. */
    void name(String elementPath, String name) {
        names.put(elementPath, name);
    }

    /** An element of {@code catalog} was given this name and it was rejected (and reported). */
    void rejectedName(String catalog, String given) {
        rejectedNames.computeIfAbsent(catalog, c -> new java.util.TreeSet<>()).add(given);
    }

    /**
     * Whether a reference to a name the catalog lacks is most likely to an element whose own name was rejected: the
     * same name or a typo away from it. Its root cause is reported already, so the reference is not reported again.
     */
    boolean meantARejectedName(String catalog, String reference) {
        java.util.Set<String> rejected = rejectedNames.getOrDefault(catalog, java.util.Set.of());
        return rejected.stream().anyMatch(r -> r.equalsIgnoreCase(reference))
                || DidYouMean.closest(reference, rejected).isPresent();
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Whether a problem at or inside {@code path} matches. */
    boolean hasProblemAt(String path, Predicate<SpecError> which) {
        return errors.stream().filter(e -> e.key().equals(path) || e.key().startsWith(path + ".")
                || e.key().startsWith(path + "[")).anyMatch(which);
    }

    List<SpecError> errors() {
        return errors.stream().map(e -> new SpecError(named(e.key()), e.value(), namedWithin(e.expected()),
                e.position())).toList();
    }

    private void add(String key, String value, String expected) {
        errors.add(new SpecError(key, value, expected, position.apply(key).orElse("")));
    }

    /** {@code devmin:lanes[5].cpu} as {@code devmin:lanes[ig].cpu} when lane 5 is named ig. */
    private String named(String key) {
        for (Map.Entry<String, String> element : names.entrySet()) {
            String path = element.getKey();
            if (key.equals(path) || key.startsWith(path + ".") || key.startsWith(path + "[")) {
                return path.substring(0, path.lastIndexOf('[')) + "[" + element.getValue() + "]"
                        + key.substring(path.length());
            }
        }
        return key;
    }

    /** An expected text that names an element by its path ("a field of devmin:lanes[5]") names it as the key does. */
    private String namedWithin(String text) {
        String out = text;
        for (Map.Entry<String, String> element : names.entrySet()) {
            String path = element.getKey();
            out = out.replace(path, path.substring(0, path.lastIndexOf('[')) + "[" + element.getValue() + "]");
        }
        return out;
    }

    private static String quote(String value) {
        String shown = value.length() > 120 ? value.substring(0, 117) + "..." : value;
        return "'" + shown + "'";
    }
}
