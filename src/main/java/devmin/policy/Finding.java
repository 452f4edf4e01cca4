package devmin.policy;

/** A violation as reported: the rule that found it, how it is enforced, and how to fix it. */
public record Finding(String ruleId, String ruleName, Severity severity, Enforcement enforcement, String urn,
                      String message, String remediation) {

    public boolean isMandatory() {
        return enforcement == Enforcement.MANDATORY;
    }
}
