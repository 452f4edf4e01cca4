package devmin.policy.iam;

import java.util.Locale;
import java.util.Set;

/**
 * Condition keys AWS puts in every request, whatever the service, so that {@code …IfExists} on them is the operator
 * itself and a request described without them is not a request without them. From the IAM User Guide, "AWS global
 * condition context keys", each key's "Availability": {@code aws:SecureTransport}, {@code aws:CurrentTime},
 * {@code aws:EpochTime}, {@code aws:PrincipalArn}, {@code aws:PrincipalAccount} and {@code aws:PrincipalType} — "This
 * key is always included in the request context".
 */
public final class AlwaysSentKeys {

    private static final Set<String> KEYS = Set.of("aws:securetransport", "aws:currenttime", "aws:epochtime",
            "aws:principalarn", "aws:principalaccount", "aws:principaltype");

    private AlwaysSentKeys() {
    }

    /** Whether every request carries {@code key} (keys compare without case, as IAM compares them). */
    public static boolean always(String key) {
        return KEYS.contains(key.toLowerCase(Locale.ROOT));
    }
}
