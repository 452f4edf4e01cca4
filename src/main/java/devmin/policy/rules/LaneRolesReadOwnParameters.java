package devmin.policy.rules;

import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.StackView;
import devmin.policy.Violation;
import devmin.policy.iam.IamEvaluator;
import devmin.policy.iam.IamStatement;
import devmin.policy.iam.PolicySource;
import devmin.policy.iam.RoleGrants;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lane (task) roles read SSM parameters only by explicit parameter ARNs: no {@code *}, no path wildcard, no read by
 * path — unless a Deny with a {@code NotResource} of exact parameter ARNs fences the wider grant to them. A grant that
 * cannot be verified counts as a read of everything.
 */
public final class LaneRolesReadOwnParameters extends AbstractRule {

    private static final List<String> SSM_READS = List.of("ssm:GetParameter", "ssm:GetParameters",
            "ssm:GetParametersByPath", "ssm:GetParameterHistory");

    public LaneRolesReadOwnParameters() {
        super("DM-IAM-002", "lane-roles-read-own-parameters", Severity.HIGH,
                "A lane's task role reads SSM parameters only by exact parameter ARNs, never by wildcard or path.",
                "List the exact parameter ARNs of the handles the lane declares in 'reads'; drop GetParametersByPath.");
    }

    @Override
    public boolean stackLevel() {
        return true;
    }

    @Override
    public List<Violation> check(StackView stack) {
        List<Violation> out = new ArrayList<>();
        Set<ResourceView> laneRoles = TaskDefinitions.namedRoles(stack, TaskDefinitions::taskRole, "task role", out);
        for (ResourceView role : laneRoles) {
            RoleGrants grants = RoleGrants.of(role, stack);
            for (PolicySource opaque : grants.opaqueSources()) {
                out.add(new Violation(opaque.urn(), "lane role '" + role.name() + "': " + opaque.unverifiable()
                        + " of every parameter"));
            }
            List<IamStatement> statements = grants.statements();
            IamEvaluator.grantOnAnyResource(statements, "ssm:GetParametersByPath").ifPresent(s -> out.add(
                    new Violation(role.urn(), "lane role '" + role.name() + "' may read parameters by path: "
                            + s.describe())));
            for (IamStatement s : statements) {
                boolean reads = s.allow() && SSM_READS.stream().anyMatch(s::coversAction);
                if (reads && !exact(s.resources(), s.notResources())
                        && SSM_READS.stream().anyMatch(a -> s.coversAction(a) && !fenced(statements, a))) {
                    out.add(new Violation(role.urn(), "lane role '" + role.name()
                            + "' reads SSM parameters beyond exact ARNs: " + s.describe()));
                }
            }
        }
        return out;
    }

    /** Exact parameter ARNs only: no wildcard, no NotResource, no missing clause. */
    private static boolean exact(List<String> resources, List<String> notResources) {
        return notResources.isEmpty() && !resources.isEmpty() && resources.stream().allMatch(r -> !r.contains("*")
                && !r.contains("?") && r.startsWith("arn:aws:ssm:") && r.contains(":parameter/"));
    }

    /**
     * Whether an unconditional Deny of {@code action} with a {@code NotResource} of exact parameter ARNs fences every
     * grant to those ARNs (IAM User Guide, "IAM JSON policy elements: NotResource": a Deny with NotResource denies
     * everything except what it lists).
     */
    private static boolean fenced(List<IamStatement> statements, String action) {
        return statements.stream().anyMatch(d -> !d.allow() && !d.conditional() && d.coversAction(action)
                && d.resources().isEmpty() && exact(d.notResources(), List.of()));
    }
}
