package devmin.policy.iam;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether a set of IAM statements grants an action: Allow statements grant through wildcards and
 * {@code NotAction}; an unconditional Deny on every resource overrides. Conditions are never trusted to narrow a grant
 * (a conditional Allow counts as a grant), so the answer errs towards "grants" — the safe side for least privilege.
 */
public final class IamEvaluator {

    private IamEvaluator() {
    }

    /** The first statement that grants {@code action} on {@code resource}, unless a Deny overrides it. */
    public static Optional<IamStatement> grant(List<IamStatement> statements, String action, String resource) {
        boolean denied = statements.stream().anyMatch(s -> !s.allow() && !s.conditional()
                && s.coversAction(action) && s.coversResource(resource));
        if (denied) {
            return Optional.empty();
        }
        return statements.stream().filter(s -> s.allow() && s.coversAction(action) && s.coversResource(resource))
                .findFirst();
    }

    /**
     * The first statement that grants {@code action} on any resource at all; only an unconditional Deny on {@code *}
     * overrides it.
     */
    public static Optional<IamStatement> grantOnAnyResource(List<IamStatement> statements, String action) {
        boolean deniedEverywhere = statements.stream().anyMatch(s -> !s.allow() && !s.conditional()
                && s.coversAction(action) && s.notResources().isEmpty()
                && (s.resources().isEmpty() || s.resources().contains("*")));
        if (deniedEverywhere) {
            return Optional.empty();
        }
        return statements.stream().filter(s -> s.allow() && s.coversAction(action)).findFirst();
    }
}
