package stacks.spec;

/**
 * One problem found in the stack configuration: where, which key, what was there, and what was expected.
 *
 * @param key      the config key with its path, a list element named by its {@code name} where it has a valid one:
 *                 {@code devmin:lanes[ig].cpu}, {@code devmin:topics[ingress.traffic.v1].partitions}; by its index
 *                 otherwise ({@code devmin:lanes[3].name})
 * @param value    the offending value as shown to the user ({@code <missing>}, {@code <secret>}, {@code <unknown key>}
 *                 or the raw text)
 * @param expected what a valid value looks like
 * @param position {@code file:line} of the key (of the enclosing object for a missing field) when the config came from
 *                 a stack file; empty otherwise (the Pulumi engine's config at {@code pulumi up})
 */
public record SpecError(String key, String value, String expected, String position) {

    static final String MISSING = "<missing>";
    static final String REDACTED = "<secret>";
    static final String UNKNOWN_KEY = "<unknown key>";

    public SpecError(String key, String value, String expected) {
        this(key, value, expected, "");
    }

    public String describe() {
        return (position.isEmpty() ? "" : position + ": ") + key + ": got " + value + ", expected " + expected;
    }
}
