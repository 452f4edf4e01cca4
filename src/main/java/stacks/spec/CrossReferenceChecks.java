package stacks.spec;

import stacks.handles.SsmHandles;

import java.util.List;
import java.util.Set;

/** Checks that span catalogs: lanes name only known topics and handles; the readiness topic is in the catalog. */
final class CrossReferenceChecks {

    private CrossReferenceChecks() {
    }

    static void check(EnvironmentSpec spec, Problems problems) {
        Set<String> handles = SsmHandles.paths(spec.environment(), spec.database().enabled()).keySet();
        List<LaneSpec> lanes = spec.lanes();
        for (int i = 0; i < lanes.size(); i++) {
            LaneSpec lane = lanes.get(i);
            String key = ConfigKeys.LANES + "[" + i + "]";
            checkTopics(spec, problems, key + ".produces", lane.produces());
            checkTopics(spec, problems, key + ".consumes", lane.consumes());
            for (int r = 0; r < lane.reads().size(); r++) {
                String handle = lane.reads().get(r);
                if (!handles.contains(handle)) {
                    problems.invalid(key + ".reads[" + r + "]", handle, "an SSM handle defined for this environment, one of "
                            + handles + (spec.database().enabled() ? "" : " (database handles exist only when "
                            + ConfigKeys.DATABASE + ".enabled is true)"));
                }
            }
        }
        String readiness = spec.confluent().readinessTopic();
        if (!readiness.isEmpty() && spec.topic(readiness).isEmpty()) {
            problems.invalid(ConfigKeys.CONFLUENT + ".readinessTopic", readiness, "a topic name from " + ConfigKeys.TOPICS);
        }
    }

    private static void checkTopics(EnvironmentSpec spec, Problems problems, String key, List<String> topics) {
        for (int t = 0; t < topics.size(); t++) {
            if (spec.topic(topics.get(t)).isEmpty()) {
                problems.invalid(key + "[" + t + "]", topics.get(t), "a topic name from " + ConfigKeys.TOPICS);
            }
        }
    }
}
