package devmin.certify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A verdict's schema id, {@code devmin.<name>/v<version>}, e.g. {@code devmin.readiness/v1}. */
record SchemaId(String name, int version) {

    private static final Pattern FORM = Pattern.compile("devmin\\.([a-z][a-z0-9-]*)/v([1-9][0-9]{0,3})");

    /** The id, or empty when {@code text} is not of the form {@code devmin.<name>/v<version>}. */
    static Optional<SchemaId> parse(String text) {
        Matcher m = FORM.matcher(text);
        return m.matches() ? Optional.of(new SchemaId(m.group(1), Integer.parseInt(m.group(2)))) : Optional.empty();
    }

    @Override
    public String toString() {
        return "devmin." + name + "/v" + version;
    }
}
