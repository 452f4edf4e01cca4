package devmin.policy.iam;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One statement, normalised: effect, actions or not-actions, resources or not-resources, and whether it has
 * conditions (a conditional Allow may still grant; a conditional Deny is not counted on to deny).
 */
public record IamStatement(boolean allow, List<String> actions, List<String> notActions, List<String> resources,
                           List<String> notResources, boolean conditional, JsonNode raw) {

    static IamStatement of(JsonNode s) {
        return new IamStatement("Allow".equalsIgnoreCase(s.path("Effect").asText()),
                PolicyStatements.strings(s.get("Action")), PolicyStatements.strings(s.get("NotAction")),
                PolicyStatements.strings(s.get("Resource")), PolicyStatements.strings(s.get("NotResource")),
                s.has("Condition") && s.get("Condition").size() > 0, s);
    }

    /** Whether the statement's action clause covers {@code action} (wildcards, NotAction). */
    public boolean coversAction(String action) {
        if (!notActions.isEmpty()) {
            return notActions.stream().noneMatch(p -> wildcardMatch(p, action, true));
        }
        return actions.stream().anyMatch(p -> wildcardMatch(p, action, true));
    }

    /** Whether the statement's resource clause covers {@code resource}; no clause at all covers everything. */
    public boolean coversResource(String resource) {
        if (!notResources.isEmpty()) {
            return notResources.stream().noneMatch(p -> wildcardMatch(p, resource, false));
        }
        return resources.isEmpty() || resources.stream().anyMatch(p -> wildcardMatch(p, resource, false));
    }

    /** IAM wildcard matching: {@code *} any run, {@code ?} one character; actions are case-insensitive. */
    public static boolean wildcardMatch(String pattern, String value, boolean ignoreCase) {
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return ignoreCase ? pattern.equalsIgnoreCase(value) : pattern.equals(value);
        }
        return PATTERNS.computeIfAbsent((ignoreCase ? "i:" : "s:") + pattern, k -> compile(pattern, ignoreCase))
                .matcher(value).matches();
    }

    private static final java.util.Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The regular expression of an IAM wildcard pattern (uncached: {@link #wildcardMatch} caches it). */
    static Pattern compile(String pattern, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE : 0;
        return Pattern.compile(regex.toString(), flags);
    }

    /** e.g. {@code Allow [ssm:*] on [*]}, for messages. */
    public String describe() {
        String what = notActions.isEmpty() ? actions.toString() : "NotAction " + notActions;
        String where = notResources.isEmpty() ? resources.toString() : "NotResource " + notResources;
        return (allow ? "Allow " : "Deny ") + what + " on " + where;
    }
}
