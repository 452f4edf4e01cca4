package devmin.policy;

/** One thing a rule found wrong: on which resource, and why, in a sentence. */
public record Violation(String urn, String message) {
}
