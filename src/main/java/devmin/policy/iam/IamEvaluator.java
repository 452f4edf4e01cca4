package devmin.policy.iam;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether a set of IAM statements grants an action: Allow statements grant through wildcards,
 * {@code NotAction} and {@code NotResource}; an unconditional Deny overrides. Conditions are never trusted to narrow a
 * grant (a conditional Allow counts as a grant, a conditional Deny does not count as a denial), so the answer errs
 * towards "grants" — the safe side for least privilege.
 */
public final class IamEvaluator {

    /** Actions from unrelated services, the sensitive ones included: granting all of them is granting everything. */
    static final List<String> ANY_ACTION = List.of("iam:PassRole", "iam:CreateAccessKey", "sts:AssumeRole",
            "s3:GetObject", "ec2:RunInstances", "kms:Decrypt", "organizations:LeaveOrganization");
    /** Resources of unrelated services in every ARN shape (global, regional, no account). */
    static final List<String> ANY_RESOURCE = List.of("arn:aws:iam::123456789012:role/any-role",
            "arn:aws:s3:::any-bucket/any-key", "arn:aws:ec2:eu-west-2:123456789012:instance/i-0123456789abcdef0",
            "arn:aws:kms:us-east-1:123456789012:key/any-key");

    private IamEvaluator() {
    }

    /** The first statement that grants {@code action} on {@code resource}, unless an unconditional Deny overrides. */
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
     * The first statement that grants {@code action} on some resource the action can take ({@link ActionResources});
     * only an unconditional Deny covering every such resource overrides it, however its Resource is spelled.
     */
    public static Optional<IamStatement> grantOnAnyResource(List<IamStatement> statements, String action) {
        boolean deniedEverywhere = statements.stream().anyMatch(s -> !s.allow() && !s.conditional()
                && s.coversAction(action) && ActionResources.coversEvery(s, action));
        if (deniedEverywhere) {
            return Optional.empty();
        }
        return statements.stream().filter(s -> s.allow() && s.coversAction(action)
                && ActionResources.namesAny(s, action)).findFirst();
    }

    /**
     * Whether the statements, taken together, allow every action on every resource — by {@code Action:*} on
     * {@code Resource:*}, or effectively: {@code Action:*} with a {@code NotResource} that excludes a dummy ARN, a
     * {@code NotAction} that excludes nothing real, {@code arn:*} resources. Judged on actions and resources of
     * unrelated services; returns the statement granting the first of them.
     */
    public static Optional<IamStatement> allowsEverything(List<IamStatement> statements) {
        Optional<IamStatement> first = Optional.empty();
        for (String action : ANY_ACTION) {
            for (String resource : ANY_RESOURCE) {
                Optional<IamStatement> grant = grant(statements, action, resource);
                if (grant.isEmpty()) {
                    return Optional.empty();
                }
                first = first.or(() -> grant);
            }
        }
        return first;
    }

    /**
     * The writes of IAM that let a principal grant itself any permission (the IAM User Guide's policy-management
     * actions: an inline or attached policy on a role, user or group, or a new default version of a policy), each on a
     * resource of an unrelated name: a principal allowed one of them on every such resource can make itself an
     * administrator, so {@code iam:*} on {@code *} is administrator access.
     */
    static final List<IamRequest> SELF_GRANTS = List.of(
            IamRequest.of("iam:PutRolePolicy", "arn:aws:iam::123456789012:role/any-role"),
            IamRequest.of("iam:AttachRolePolicy", "arn:aws:iam::123456789012:role/any-role"),
            IamRequest.of("iam:PutUserPolicy", "arn:aws:iam::123456789012:user/any-user"),
            IamRequest.of("iam:AttachUserPolicy", "arn:aws:iam::123456789012:user/any-user"),
            IamRequest.of("iam:PutGroupPolicy", "arn:aws:iam::123456789012:group/any-group"),
            IamRequest.of("iam:AttachGroupPolicy", "arn:aws:iam::123456789012:group/any-group"),
            IamRequest.of("iam:CreatePolicyVersion", "arn:aws:iam::123456789012:policy/any-policy"));

    /**
     * The statement that lets its principal grant itself anything ({@link #SELF_GRANTS}), with no condition that is
     * false for a request carrying no keys; conditions devmin cannot evaluate count as holding.
     */
    public static Optional<IamStatement> grantsItselfAnything(List<IamStatement> statements) {
        return SELF_GRANTS.stream().map(request -> mayAllow(statements, request)).flatMap(Optional::stream)
                .findFirst();
    }

    /**
     * The Allow statement that surely grants the request: its action, resource and every condition hold for the
     * request, and no Deny covers it unless its conditions are provably false. What a role needs is proven with this
     * (an operator devmin cannot evaluate never counts as granting).
     */
    public static Optional<IamStatement> surelyAllows(List<IamStatement> statements, IamRequest request) {
        boolean denied = statements.stream().anyMatch(s -> !s.allow() && covers(s, request)
                && conditions(s, request) != IamConditions.Truth.FALSE);
        if (denied) {
            return Optional.empty();
        }
        return statements.stream().filter(s -> s.allow() && covers(s, request)
                && conditions(s, request) == IamConditions.Truth.TRUE).findFirst();
    }

    /**
     * The Allow statement that may grant the request: its conditions are not provably false, and no Deny surely
     * covers it. What a role must never do is proven with this (an operator devmin cannot evaluate counts as granting).
     */
    public static Optional<IamStatement> mayAllow(List<IamStatement> statements, IamRequest request) {
        boolean denied = statements.stream().anyMatch(s -> !s.allow() && covers(s, request)
                && conditions(s, request) == IamConditions.Truth.TRUE);
        if (denied) {
            return Optional.empty();
        }
        return statements.stream().filter(s -> s.allow() && covers(s, request)
                && conditions(s, request) != IamConditions.Truth.FALSE).findFirst();
    }

    private static boolean covers(IamStatement statement, IamRequest request) {
        return statement.coversAction(request.action()) && statement.coversResource(request.resource());
    }

    private static IamConditions.Truth conditions(IamStatement statement, IamRequest request) {
        return IamConditions.evaluate(statement.raw().get("Condition"), request);
    }
}
