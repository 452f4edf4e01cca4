package devmin.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.Violation;

import java.util.ArrayList;
import java.util.List;

/** No NAT gateway anywhere: not the resource, not a route through one. Never waivable. */
public final class NoNatGateway extends AbstractRule implements ResourceRule {

    public NoNatGateway() {
        super("DM-COST-001", "no-nat-gateway", Severity.CRITICAL,
                "No NAT gateway may exist, and no route may send traffic through one.",
                "Use public subnets with public IPs (the demo layer's design); a NAT gateway costs ~$35/month idle.");
    }

    @Override
    public boolean waivable() {
        return false;
    }

    @Override
    public List<Violation> check(ResourceView r) {
        List<Violation> out = new ArrayList<>();
        if (r.is("aws:ec2/natGateway:NatGateway", "aws:ec2/natGateway:Gateway")) {
            out.add(new Violation(r.urn(), "NAT gateway '" + r.name() + "' is declared"));
        }
        if (r.is("aws:ec2/route:Route") && r.property("natGatewayId").isPresent()) {
            out.add(new Violation(r.urn(), "route '" + r.name() + "' sends traffic through a NAT gateway"));
        }
        if (r.is("aws:ec2/routeTable:RouteTable", "aws:ec2/defaultRouteTable:DefaultRouteTable")) {
            for (JsonNode route : r.property("routes").orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance())) {
                JsonNode nat = route.get("natGatewayId");
                if (nat != null && !nat.isNull() && !nat.asText().isEmpty()) {
                    out.add(new Violation(r.urn(), "route table '" + r.name() + "' routes "
                            + route.path("cidrBlock").asText("?") + " through a NAT gateway"));
                }
            }
        }
        return out;
    }
}
