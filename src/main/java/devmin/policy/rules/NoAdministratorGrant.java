package devmin.policy.rules;

import devmin.policy.Severity;
import devmin.policy.StackView;
import devmin.policy.Violation;
import devmin.policy.iam.IamEvaluator;
import devmin.policy.iam.PolicySource;
import devmin.policy.iam.PolicySources;

import java.util.ArrayList;
import java.util.List;

/**
 * No IAM policy anywhere in the stack — inline, policy resources, customer and AWS-managed attachments, for roles, CI
 * roles, users and groups alike — allows every action on every resource, literally or effectively ({@code NotResource}
 * on a dummy ARN, {@code NotAction} on nothing real). A policy that cannot be verified counts as such a grant. Never
 * waivable.
 */
public final class NoAdministratorGrant extends AbstractRule {

    public NoAdministratorGrant() {
        super("DM-IAM-003", "no-action-star-on-resource-star", Severity.CRITICAL,
                "No IAM policy allows every action on every resource.",
                "Name the actions and resources the principal needs; CI roles are scoped in CorePolicies. Make every"
                        + " policy readable at preview (derived ARNs), and list new AWS-managed policies in"
                        + " aws-managed-policies.json.");
    }

    @Override
    public boolean waivable() {
        return false;
    }

    @Override
    public boolean stackLevel() {
        return true;
    }

    @Override
    public List<Violation> check(StackView stack) {
        List<Violation> out = new ArrayList<>();
        for (PolicySource source : PolicySources.everywhere(stack)) {
            if (source.opaque()) {
                out.add(new Violation(source.urn(), source.unverifiable() + " of every action on every resource"));
            } else {
                IamEvaluator.allowsEverything(source.statements()).ifPresent(s -> out.add(new Violation(source.urn(),
                        source.description() + " allows every action on every resource: " + s.describe())));
            }
        }
        return out;
    }
}
