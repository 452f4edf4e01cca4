package devmin.policy.rules;

import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.StackView;
import devmin.policy.Violation;
import devmin.policy.iam.IamEvaluator;
import devmin.policy.iam.IamStatement;
import devmin.policy.iam.PolicySource;
import devmin.policy.iam.PolicySources;
import devmin.policy.iam.RoleGrants;
import devmin.policy.kinds.Kind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * No IAM policy anywhere in the stack — inline, policy resources, customer and AWS-managed attachments, for roles, CI
 * roles, users and groups alike — allows every action on every resource, literally or effectively ({@code NotResource}
 * on a dummy ARN, {@code NotAction} on nothing real, or IAM writes on every resource, with which a principal grants
 * itself the rest); and no principal gets there by several policies together. A policy that serves only as a
 * permissions boundary grants nothing. A policy that cannot be verified counts as such a grant. Never waivable.
 */
public final class NoAdministratorGrant extends AbstractRule {

    public NoAdministratorGrant() {
        super("DM-IAM-003", "no-action-star-on-resource-star", Severity.CRITICAL,
                "No IAM policy, and no principal by all its policies together, allows every action on every resource"
                        + " or the IAM writes that grant it.",
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
        Set<String> reported = new HashSet<>();
        for (PolicySource source : PolicySources.everywhere(stack)) {
            if (source.opaque()) {
                out.add(new Violation(source.urn(), source.unverifiable() + " of every action on every resource"));
            } else {
                administrator(source.statements()).ifPresent(how -> {
                    reported.add(source.urn());
                    out.add(new Violation(source.urn(), source.description() + " " + how));
                });
            }
        }
        for (ResourceView principal : stack.ofKind(Kind.IAM_PRINCIPAL)) {
            RoleGrants grants = RoleGrants.of(principal, stack);
            boolean alreadyReported = grants.sources().stream().anyMatch(s -> s.opaque() || reported.contains(s.urn()));
            if (!alreadyReported) {
                administrator(grants.statements()).ifPresent(how -> out.add(new Violation(principal.urn(),
                        "'" + principal.name() + "', by all its policies together, " + how)));
            }
        }
        return out;
    }

    /** How statements make their principal an administrator, if they do. */
    private static Optional<String> administrator(List<IamStatement> statements) {
        Optional<IamStatement> everything = IamEvaluator.allowsEverything(statements);
        if (everything.isPresent()) {
            return Optional.of("allows every action on every resource: " + everything.get().describe());
        }
        return IamEvaluator.grantsItselfAnything(statements).map(s -> "lets its principal grant itself every action"
                + " on every resource (IAM policy writes on any principal): " + s.describe());
    }
}
