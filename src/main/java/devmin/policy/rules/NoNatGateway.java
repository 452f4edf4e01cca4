package devmin.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.graph.WireValues;
import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.Values;
import devmin.policy.Violation;
import devmin.policy.kinds.Kind;
import devmin.policy.kinds.ResourceKinds;
import devmin.policy.kinds.TypeFacts;
import devmin.policy.kinds.TypeToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * No NAT gateway anywhere, whichever provider declares it: not the resource, not a VPC component told to create one,
 * not a route through one (in any target field, in its inputs and in its recorded outputs alike: an update that failed
 * part-way leaves them apart). Never waivable.
 */
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
        Optional<TypeFacts> facts = ResourceKinds.table().facts(r.type());
        if (facts.isEmpty()) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>();
        if (facts.get().is(Kind.NAT_GATEWAY)) {
            out.add(new Violation(r.urn(), "NAT gateway '" + r.name() + "' is declared (" + r.type() + ")"));
        }
        if (facts.get().is(Kind.NAT_CAPABLE_VPC)) {
            natStrategy(r, facts.get()).ifPresent(how -> out.add(new Violation(r.urn(), "VPC '" + r.name() + "' ("
                    + r.type() + ") creates NAT gateways: " + how)));
        }
        if (facts.get().is(Kind.ROUTE)) {
            for (JsonNode side : List.of(r.inputs(), r.outputs())) {
                Map<String, JsonNode> fields = new java.util.TreeMap<>();
                side.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
                natTarget(r, fields, true).ifPresent(field -> out.add(new Violation(r.urn(), "route '" + r.name()
                        + "' sends traffic through a NAT gateway (" + field + ")")));
            }
        }
        if (facts.get().is(Kind.ROUTE_TABLE)) {
            String routes = facts.get().property("routes").orElse("routes");
            List<JsonNode> recorded = r.recorded(routes).stream().flatMap(side -> Values.elements(side).stream())
                    .toList();
            for (JsonNode route : recorded) {
                Map<String, JsonNode> fields = new java.util.TreeMap<>();
                route.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
                natTarget(r, fields, false).ifPresent(field -> out.add(new Violation(r.urn(), "route table '"
                        + r.name() + "' routes " + Values.field(route, "cidrBlock").map(JsonNode::asText).orElse("?")
                        + " through a NAT gateway (" + routes + "[]." + field + ")")));
            }
            if (r.dependenciesOf(routes).stream().anyMatch(NoNatGateway::isNatUrn)) {
                out.add(new Violation(r.urn(), "route table '" + r.name() + "' has routes that depend on a NAT"
                        + " gateway (" + routes + ")"));
            }
        }
        return out.stream().distinct().toList(); // inputs and outputs often say the same thing once each
    }

    /**
     * The target field of a route that points at a NAT gateway: {@code natGatewayId} set (even to a value unknown
     * until the update runs), any field holding a NAT gateway id or ARN, or (for a route resource) a field whose value
     * came from a NAT gateway resource. An empty {@code natGatewayId} is no target.
     */
    private static Optional<String> natTarget(ResourceView r, Map<String, JsonNode> fields, boolean ownProperties) {
        for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
            JsonNode value = field.getValue();
            if (Values.isAbsent(value) || !value.isValueNode()) {
                continue;
            }
            List<String> sources = ownProperties ? r.dependenciesOf(field.getKey()) : List.of();
            boolean unknown = WireValues.isUnknown(value);
            boolean natField = field.getKey().equalsIgnoreCase("natGatewayId");
            boolean natValue = value.asText().startsWith("nat-") || value.asText().contains(":natgateway/");
            if (natField || natValue || sources.stream().anyMatch(NoNatGateway::isNatUrn)) {
                return Optional.of(field.getKey() + (unknown ? "" : " = " + value.asText()));
            }
        }
        return Optional.empty();
    }

    private static boolean isNatUrn(String urn) {
        return ResourceKinds.table().is(TypeToken.ofUrn(urn), Kind.NAT_GATEWAY);
    }

    /** How a VPC component is configured to create NAT gateways, when its recorded inputs say so. */
    private static Optional<String> natStrategy(ResourceView r, TypeFacts facts) {
        JsonNode config = facts.part("natGateways");
        String property = config.path("property").asText();
        Optional<JsonNode> value = r.path(property);
        if (value.isEmpty()) {
            return Optional.empty(); // not recorded: the component's children (NAT gateways, routes) are judged instead
        }
        if (WireValues.isUnknown(value.get())) {
            return Optional.of(property + " is unknown until the update runs");
        }
        return value.get().asText().equals(config.path("none").asText()) ? Optional.empty()
                : Optional.of(property + " = " + value.get().asText());
    }
}
