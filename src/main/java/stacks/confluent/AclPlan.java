package stacks.confluent;

import stacks.handles.SsmHandles;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;
import stacks.spec.TopicSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The topic → ACL matrix as a pure function of the catalogs, per Kafka principal. A lane's principal may WRITE and
 * DESCRIBE each topic it produces, READ and DESCRIBE each topic it consumes, and READ the consumer groups whose ids start
 * with {@code <lane>.} (lane names have no dots, so no other lane's groups start so). The preflight probe may DESCRIBE
 * every catalog topic and WRITE and READ the readiness topic. Literal topic names only; never {@code *}, ALL or the
 * cluster.
 */
public final class AclPlan {

    public static final String TOPIC = "TOPIC";
    public static final String GROUP = "GROUP";

    private AclPlan() {
    }

    /** The prefix of every consumer group id a lane may use, e.g. {@code dl.}: passed to the lane's environment. */
    public static String groupPrefix(String lane) {
        return lane + ".";
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
            grants.add(new AclGrant(lane.name(), GROUP, groupPrefix(lane.name()), "PREFIXED", "READ"));
        }
        return List.copyOf(new LinkedHashSet<>(grants));
    }

    /** The preflight probe describes every catalog topic and writes and reads the readiness topic (if configured). */
    public static List<AclGrant> forPreflight(EnvironmentSpec spec) {
        List<AclGrant> grants = new ArrayList<>();
        for (TopicSpec topic : spec.topics()) {
            grants.add(new AclGrant(SsmHandles.PREFLIGHT, TOPIC, topic.name(), "LITERAL", "DESCRIBE"));
        }
        String readiness = spec.confluent().readinessTopic();
        if (!readiness.isEmpty()) {
            grants.add(new AclGrant(SsmHandles.PREFLIGHT, TOPIC, readiness, "LITERAL", "WRITE"));
            grants.add(new AclGrant(SsmHandles.PREFLIGHT, TOPIC, readiness, "LITERAL", "READ"));
        }
        return List.copyOf(new LinkedHashSet<>(grants));
    }
}
