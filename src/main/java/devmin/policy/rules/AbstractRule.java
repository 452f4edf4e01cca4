package devmin.policy.rules;

import devmin.policy.Rule;
import devmin.policy.Severity;

/** The identity every rule carries; subclasses add only their check. */
abstract class AbstractRule implements Rule {

    private final String id;
    private final String name;
    private final Severity severity;
    private final String statement;
    private final String remediation;

    AbstractRule(String id, String name, Severity severity, String statement, String remediation) {
        this.id = id;
        this.name = name;
        this.severity = severity;
        this.statement = statement;
        this.remediation = remediation;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public String statement() {
        return statement;
    }

    @Override
    public String remediation() {
        return remediation;
    }
}
