package devmin.policy.rules;

import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.Violation;

import java.util.List;

/** Always-on compute (ECS services, RDS) lives only in the demo layer, so closing a window removes it; no EC2 at all. */
public final class AlwaysOnComputeOnlyInDemo extends AbstractRule implements ResourceRule {

    public AlwaysOnComputeOnlyInDemo() {
        super("DM-COST-003", "always-on-compute-only-in-demo", Severity.HIGH,
                "ECS services and RDS databases exist only in the demo layer, and no EC2 instance exists at all.",
                "Declare the service or database in DemoStack so that 'pulumi destroy --exclude-protected' removes it;"
                        + " run work on Fargate instead of EC2.");
    }

    @Override
    public List<Violation> check(ResourceView r) {
        if (r.is("aws:ec2/instance:Instance", "aws:ec2/spotInstanceRequest:SpotInstanceRequest",
                "aws:autoscaling/group:Group")) {
            return List.of(new Violation(r.urn(), "EC2 compute '" + r.name() + "' (" + r.type() + ") is declared"));
        }
        boolean alwaysOn = r.is("aws:ecs/service:Service", "aws:rds/instance:Instance", "aws:rds/cluster:Cluster",
                "aws:rds/clusterInstance:ClusterInstance");
        if (alwaysOn && !"demo".equals(r.layer())) {
            return List.of(new Violation(r.urn(), "always-on '" + r.name() + "' (" + r.type() + ") is in layer '"
                    + (r.layer().isEmpty() ? "none" : r.layer()) + "', not demo"));
        }
        return List.of();
    }
}
