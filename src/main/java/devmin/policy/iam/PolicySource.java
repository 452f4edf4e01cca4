package devmin.policy.iam;

import java.util.List;

/**
 * One place a permission comes from: an inline document, a policy resource, or a managed policy attached by ARN. A
 * source whose content cannot be read is {@link #opaque()}: every IAM rule counts it as a possible grant, the same way.
 *
 * @param description e.g. {@code inline policy 'logs' of role 'exec'} or {@code AWS-managed policy arn:…}
 * @param urn         the resource that carries it
 * @param statements  its statements (empty when opaque)
 * @param opacity     why it cannot be read; empty when it can
 */
public record PolicySource(String description, String urn, List<IamStatement> statements, String opacity) {

    public PolicySource {
        statements = List.copyOf(statements);
    }

    static PolicySource readable(String description, String urn, List<IamStatement> statements) {
        return new PolicySource(description, urn, statements, "");
    }

    static PolicySource unreadable(String description, String urn, String why) {
        return new PolicySource(description, urn, List.of(), why);
    }

    public boolean opaque() {
        return !opacity.isEmpty();
    }

    /** The fail-closed sentence every IAM rule uses for an opaque source. */
    public String unverifiable() {
        return description + " cannot be verified (" + opacity + "), so it counts as a possible grant";
    }
}
