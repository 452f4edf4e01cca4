package devmin.policy;

import java.util.Locale;

/** What a finding of a rule does: fail the run, warn, or nothing. Same words as Pulumi's enforcement levels. */
public enum Enforcement {
    MANDATORY, ADVISORY, DISABLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Enforcement parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
