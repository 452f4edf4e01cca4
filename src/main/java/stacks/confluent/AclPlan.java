package stacks.confluent;

import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The topic → ACL matrix as a pure function of the lane catalog: WRITE and DESCRIBE on each topic a lane produces,
 * READ and DESCRIBE on each topic it consumes, READ on consumer groups prefixed with the lane's name. Literal topic
 * names only; never {@code *}, never ALL, never the cluster resource.
 */
public final class AclPlan {

    public static final String TOPIC = "TOPIC";
    public static final String GROUP = "GROUP";

    private AclPlan() {
    }

    public static List<AclGrant> forLane(LaneSpec lane) {
        List<AclGrant> grants = new ArrayList<>();
        for (String topic : lane.produces()) {
            grants.add(new AclGrant(lane.name(), TOPIC, topic, "LITERAL", "WRITE"));
            grants.add(new AclGrant(lane.name(), TOPIC, topic, "LITERAL", "DESCRIBE"));
        }
        for (String topic : lane.consumes()) {
            grants.add(new AclGrant(lane.name(), TOPIC, topic, "LITERAL", "READ"));
            grants.add(new AclGrant(lane.name(), TOPIC, topic, "LITERAL", "DESCRIBE"));
        }
        if (!lane.consumes().isEmpty()) {
            grants.add(new AclGrant(lane.name(), GROUP, lane.name(), "PREFIXED", "READ"));
        }
        return List.copyOf(new LinkedHashSet<>(grants));
    }

    /** The readiness probe ({@code devmin preflight}) writes, reads and describes the one readiness topic. */
    public static final String PREFLIGHT = "preflight";

    /** Every lane's grants, in lane order, then the preflight probe's on the readiness topic (if one is configured). */
    public static List<AclGrant> forSpec(EnvironmentSpec spec) {
        List<AclGrant> grants = new ArrayList<>(spec.lanes().stream().flatMap(lane -> forLane(lane).stream()).toList());
        String readiness = spec.confluent().readinessTopic();
        if (!readiness.isEmpty()) {
            for (String operation : List.of("WRITE", "READ", "DESCRIBE")) {
                grants.add(new AclGrant(PREFLIGHT, TOPIC, readiness, "LITERAL", operation));
            }
        }
        return grants;
    }

    /** The grants to declare for the one runtime principal: the union over lanes, each once. */
    public static List<AclGrant> union(EnvironmentSpec spec) {
        return List.copyOf(new LinkedHashSet<>(forSpec(spec).stream().map(AclGrant::shared).toList()));
    }
}
