package devmin.policy.rules;

import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.Violation;
import devmin.policy.kinds.Kind;
import devmin.policy.kinds.ResourceKinds;

import java.util.List;

/**
 * No load balancer of any flavour — v2, classic, legacy alias tokens, aws-native, awsx components, services that
 * provision one — and listeners, target groups and attachments as evidence of one, unless waived.
 */
public final class NoLoadBalancer extends AbstractRule implements ResourceRule {

    public NoLoadBalancer() {
        super("DM-COST-002", "no-load-balancer", Severity.HIGH,
                "No load balancer may exist unless an unexpired waiver with a reason and an owner covers it.",
                "Reach lanes inside the VPC, or add a waiver in policies/waivers.yaml naming this exact resource, a"
                        + " reason, an owner and an expiry date.");
    }

    @Override
    public List<Violation> check(ResourceView r) {
        ResourceKinds kinds = ResourceKinds.table();
        if (kinds.is(r.type(), Kind.LOAD_BALANCER)) {
            return List.of(new Violation(r.urn(), "load balancer '" + r.name() + "' (" + r.type() + ") is declared"));
        }
        if (kinds.is(r.type(), Kind.LOAD_BALANCER_PART)) {
            return List.of(new Violation(r.urn(), "'" + r.name() + "' (" + r.type()
                    + ") is part of a load balancer"));
        }
        return List.of();
    }
}
