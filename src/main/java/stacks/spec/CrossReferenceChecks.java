package stacks.spec;

import stacks.handles.HandleName;
import stacks.handles.SsmHandles;

import java.util.List;
import java.util.Set;

/**
 * Checks that span catalogs: lanes name only known topics and handles, and read the Kafka handles exactly when they use
 * Kafka; the readiness topic is in the catalog.
 */
final class CrossReferenceChecks {

    private CrossReferenceChecks() {
    }

    static void check(EnvironmentSpec spec, Problems problems) {
        Set<String> handles = SsmHandles.readableNames(spec.database().enabled());
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
            checkKafkaCredentials(lane, key, problems);
            checkCalls(spec, lane, key, problems);
        }
        spec.ci().existingOidcProvider().ifPresent(arn -> {
            var account = Patterns.GITHUB_OIDC_PROVIDER_ARN.matcher(arn);
            if (account.matches() && !account.group(1).equals(spec.awsAccountId())) {
                problems.invalid(ConfigKeys.CI + ".oidcProviderArn", arn, "a provider in the stack's account "
                        + spec.awsAccountId() + " (IAM roles can trust only their own account's OIDC provider)");
            }
        });
        String readiness = spec.confluent().readinessTopic();
        if (!readiness.isEmpty() && spec.topic(readiness).isEmpty()
                && !problems.meantARejectedName(ConfigKeys.TOPICS, readiness)) {
            problems.invalid(ConfigKeys.CONFLUENT + ".readinessTopic", readiness, "a topic name from " + ConfigKeys.TOPICS);
        }
    }

    /**
     * A lane that uses Kafka reads its bootstrap, key and secret (its own principal is created for it); a lane that
     * reads Kafka credentials uses a topic (a principal without ACLs would be a credential for nothing).
     */
    private static void checkKafkaCredentials(LaneSpec lane, String key, Problems problems) {
        boolean usesKafka = !lane.produces().isEmpty() || !lane.consumes().isEmpty();
        List<String> missing = KAFKA_HANDLES.stream().filter(h -> !lane.reads().contains(h)).toList();
        if (usesKafka && !missing.isEmpty()) {
            problems.invalid(key + ".reads", String.join(",", lane.reads()), "the Kafka handles of a lane that produces"
                    + " or consumes: add " + String.join(", ", missing));
        } else if (!usesKafka && missing.size() < KAFKA_HANDLES.size()) {
            problems.invalid(key + ".reads", String.join(",", lane.reads()), "Kafka handles only on a lane that"
                    + " produces or consumes a topic (its own Kafka principal would have no ACL)");
        }
    }

    /**
     * A lane calls only other service lanes that listen on a port (only those get a stable address). A call that
     * fails only because of the callee's own reported problem (its name rejected, its kind or ingressPort rejected
     * or misspelt) is that problem again, and is not reported a second time.
     */
    private static void checkCalls(EnvironmentSpec spec, LaneSpec lane, String key, Problems problems) {
        for (int c = 0; c < lane.calls().size(); c++) {
            String callee = lane.calls().get(c);
            boolean reachable = !callee.equals(lane.name()) && spec.lane(callee)
                    .filter(l -> l.isService() && l.ingress().isPresent()).isPresent();
            if (!reachable && !calleeAlreadyReported(spec, callee, problems)) {
                problems.invalid(key + ".calls[" + c + "]", callee, "another service lane with an ingressPort, one of "
                        + spec.lanes().stream().filter(l -> l.isService() && l.ingress().isPresent()
                                && !l.name().isEmpty() && !l.name().equals(lane.name())).map(LaneSpec::name).toList());
            }
        }
    }

    private static boolean calleeAlreadyReported(EnvironmentSpec spec, String callee, Problems problems) {
        List<LaneSpec> lanes = spec.lanes();
        for (int i = 0; i < lanes.size(); i++) {
            if (lanes.get(i).name().equals(callee)) {
                return problems.hasProblemAt(ConfigKeys.LANES + "[" + i + "]", e -> e.key().endsWith(".kind")
                        || e.key().endsWith(".ingressPort") || e.value().equals(SpecError.UNKNOWN_KEY));
            }
        }
        return problems.meantARejectedName(ConfigKeys.LANES, callee);
    }

    private static final List<String> KAFKA_HANDLES = List.of(HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH,
            HandleName.SSM_CONFLUENT_API_KEY_PATH, HandleName.SSM_CONFLUENT_API_SECRET_PATH);

    private static void checkTopics(EnvironmentSpec spec, Problems problems, String key, List<String> topics) {
        for (int t = 0; t < topics.size(); t++) {
            if (spec.topic(topics.get(t)).isEmpty() && !problems.meantARejectedName(ConfigKeys.TOPICS, topics.get(t))) {
                problems.invalid(key + "[" + t + "]", topics.get(t), "a topic name from " + ConfigKeys.TOPICS);
            }
        }
    }
}
