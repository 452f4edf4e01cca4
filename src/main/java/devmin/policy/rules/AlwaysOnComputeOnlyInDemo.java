package devmin.policy.rules;

import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.Violation;
import devmin.policy.kinds.Kind;
import devmin.policy.kinds.ResourceKinds;

import java.util.List;

/**
 * Always-on compute (ECS services, RDS, EKS control planes, in any provider) lives only in the demo layer, so closing a
 * window removes it; no EC2 capacity at all (instances, spot requests and fleets, auto scaling groups, launch
 * templates, node groups).
 */
public final class AlwaysOnComputeOnlyInDemo extends AbstractRule implements ResourceRule {

    public AlwaysOnComputeOnlyInDemo() {
        super("DM-COST-003", "always-on-compute-only-in-demo", Severity.HIGH,
                "ECS services, RDS databases and other always-on compute exist only in the demo layer, and no EC2"
                        + " capacity exists at all.",
                "Declare the service or database in DemoStack so that 'pulumi destroy --exclude-protected' removes it;"
                        + " run work on Fargate instead of EC2.");
    }

    @Override
    public List<Violation> check(ResourceView r) {
        ResourceKinds kinds = ResourceKinds.table();
        if (kinds.is(r.type(), Kind.EC2_COMPUTE)) {
            return List.of(new Violation(r.urn(), "EC2 compute '" + r.name() + "' (" + r.type() + ") is declared"));
        }
        if (kinds.is(r.type(), Kind.ALWAYS_ON) && !"demo".equals(r.layer())) {
            return List.of(new Violation(r.urn(), "always-on '" + r.name() + "' (" + r.type() + ") is in layer '"
                    + (r.layer().isEmpty() ? "none" : r.layer()) + "', not demo"));
        }
        return List.of();
    }
}
