package devmin.policy.rules;

import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.StackView;
import devmin.policy.Violation;
import devmin.policy.iam.IamStatement;
import devmin.policy.iam.PolicySource;
import devmin.policy.iam.RoleGrants;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lane (task) roles read SSM parameters only by explicit parameter ARNs: no {@code *}, no path wildcard, no read by
 * path. A grant that cannot be verified counts as a read of everything.
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
            for (IamStatement s : grants.statements()) {
                if (!s.allow() || SSM_READS.stream().noneMatch(s::coversAction)) {
                    continue;
                }
                if (s.coversAction("ssm:GetParametersByPath")) {
                    out.add(new Violation(role.urn(), "lane role '" + role.name() + "' may read parameters by path: "
                            + s.describe()));
                } else if (!s.notResources().isEmpty() || s.resources().isEmpty()
                        || s.resources().stream().anyMatch(r -> r.contains("*") || r.contains("?")
                        || !r.startsWith("arn:aws:ssm:") || !r.contains(":parameter/"))) {
                    out.add(new Violation(role.urn(), "lane role '" + role.name()
                            + "' reads SSM parameters beyond exact ARNs: " + s.describe()));
                }
            }
        }
        return out;
    }
}
