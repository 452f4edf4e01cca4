package devmin.policy;

/** How bad a finding is, for humans and for SARIF levels. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW
}
