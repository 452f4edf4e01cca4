package stacks.demo;

import stacks.spec.LaneSpec;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One {@code calls:} edge of the lane catalog: {@code caller} connects to {@code callee} on the port the callee listens
 * on. Lanes share one security group, and the AWS provider removes the group's default allow-all egress, so each edge
 * needs an egress rule to the group itself on the callee's port (and the callee an ingress rule from it).
 */
public record LaneCall(String caller, String callee, int port) {

    /** Every calls edge of the catalog, in catalog order; the spec guarantees each callee listens on a port. */
    public static List<LaneCall> of(List<LaneSpec> lanes) {
        Map<String, LaneSpec> byName = lanes.stream().collect(Collectors.toMap(LaneSpec::name, Function.identity()));
        return lanes.stream().flatMap(caller -> caller.calls().stream().map(callee -> {
            LaneSpec target = byName.get(callee);
            if (target == null || target.ingress().isEmpty()) {
                throw new IllegalArgumentException("lane " + caller.name() + " calls " + callee
                        + ", which is not a lane with an ingressPort");
            }
            return new LaneCall(caller.name(), callee, target.ingressPort());
        })).toList();
    }

    /**
     * The edges grouped by port, ports ascending: AWS identifies a rule by protocol, ports and peer (not by its
     * description), so two edges to the same port share one rule.
     */
    public static Map<Integer, List<LaneCall>> byPort(List<LaneCall> calls) {
        return calls.stream().collect(Collectors.groupingBy(LaneCall::port, TreeMap::new, Collectors.toList()));
    }

    @Override
    public String toString() {
        return caller + " to " + callee + ":" + port;
    }
}
