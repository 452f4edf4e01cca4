package stacks.spec;

/**
 * One problem found in the stack configuration: which key, what was there, and what was expected.
 *
 * @param key      the config key with its path, e.g. {@code devmin:lanes[3].cpu}
 * @param value    the offending value as shown to the user ({@code <missing>}, {@code <secret>}, {@code <unknown key>}
 *                 or the raw text)
 * @param expected what a valid value looks like
 */
public record SpecError(String key, String value, String expected) {

    static final String MISSING = "<missing>";
    static final String REDACTED = "<secret>";
    static final String UNKNOWN_KEY = "<unknown key>";

    public String describe() {
        return key + ": got " + value + ", expected " + expected;
    }
}
