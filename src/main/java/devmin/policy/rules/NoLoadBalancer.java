package devmin.policy.rules;

import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.Violation;

import java.util.List;
import java.util.Set;

/** No load balancer of any flavour (v2, classic, any alias token; listeners and target groups as evidence) unless waived. */
public final class NoLoadBalancer extends AbstractRule implements ResourceRule {

    static final Set<String> LOAD_BALANCERS = Set.of(
            "aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer",
            "aws:elb/loadBalancer:LoadBalancer", "aws:elasticloadbalancing/loadBalancer:LoadBalancer",
            "aws:elasticloadbalancingv2/loadBalancer:LoadBalancer", "aws:applicationloadbalancing/loadBalancer:LoadBalancer");
    static final Set<String> EVIDENCE = Set.of(
            "aws:lb/listener:Listener", "aws:alb/listener:Listener", "aws:lb/targetGroup:TargetGroup",
            "aws:alb/targetGroup:TargetGroup", "aws:elasticloadbalancingv2/listener:Listener",
            "aws:elasticloadbalancingv2/targetGroup:TargetGroup");

    public NoLoadBalancer() {
        super("DM-COST-002", "no-load-balancer", Severity.HIGH,
                "No load balancer may exist unless an unexpired waiver with a reason and an owner covers it.",
                "Reach lanes inside the VPC, or add a waiver in policies/waivers.yaml naming this exact resource, a"
                        + " reason, an owner and an expiry date.");
    }

    @Override
    public List<Violation> check(ResourceView r) {
        if (LOAD_BALANCERS.contains(r.type())) {
            return List.of(new Violation(r.urn(), "load balancer '" + r.name() + "' (" + r.type() + ") is declared"));
        }
        if (EVIDENCE.contains(r.type())) {
            return List.of(new Violation(r.urn(), "'" + r.name() + "' (" + r.type()
                    + ") implies a load balancer"));
        }
        return List.of();
    }
}
