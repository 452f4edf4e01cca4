package devmin.policy;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A reasoned, owned, expiring exception to one rule for one resource.
 *
 * @param rule     rule id or name
 * @param resource an exact URN, or a pattern where {@code *} matches any run of characters
 * @param reason   why (at least 20 characters)
 * @param owner    who answers for it
 * @param expires  the last day it applies
 */
public record Waiver(String rule, String resource, String reason, String owner, LocalDate expires) {

    public static final int MIN_REASON_LENGTH = 20;

    public boolean covers(String urn) {
        if (!resource.contains("*")) {
            return resource.equals(urn);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : resource.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.matches(regex.toString().replace("\\Q\\E", ""), urn);
    }

    public boolean expiredOn(LocalDate today) {
        return today.isAfter(expires);
    }
}
