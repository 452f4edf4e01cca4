package stacks.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import stacks.confluent.AclPlan;
import stacks.handles.HandleName;
import stacks.spec.ImageSpec;
import stacks.spec.LaneSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One lane's container definition, as a pure function: the single image pinned by digest, the lane's entrypoint,
 * non-secret environment only (handle paths, topic names, environment id), awslogs logging and no {@code secrets}
 * block — lanes read their SSM paths with their task role, so the execution role never touches a secret.
 */
public final class LaneContainer {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The task's scratch volume, mounted writable at {@code /tmp}: the root filesystem stays read-only, and Fargate has
     * no tmpfs, so a task volume is the writable place for temporary files, spills and caches.
     */
    public static final String SCRATCH_VOLUME = "scratch";
    public static final String SCRATCH_PATH = "/tmp";

    /** Every consumer group id the lane uses must start with this: its Kafka principal may read only those groups. */
    public static final String KAFKA_GROUP_PREFIX = "KAFKA_GROUP_PREFIX";

    private LaneContainer() {
    }

    /** {@code <repository uri>@sha256:<digest>}: what ran is named exactly. */
    public static String pinnedImage(String repositoryUri, ImageSpec image) {
        return repositoryUri + "@" + image.digest();
    }

    /**
     * The environment a lane starts with.
     *
     * @param handleValues resolved values of the handles the lane reads and of the addresses of the lanes it calls,
     *                     by handle name
     * @param bucketName   the evidence bucket, exported only to lanes with S3 grants
     */
    public static Map<String, String> environment(String environment, String region, LaneSpec lane,
                                                  Map<String, String> handleValues, String bucketName) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DEVMIN_ENVIRONMENT", environment);
        env.put("DEVMIN_LANE", lane.name());
        env.put("AWS_REGION", region);
        lane.reads().forEach(handle -> env.put(handle, handleValues.get(handle)));
        lane.calls().forEach(callee -> env.put(HandleName.laneAddress(callee),
                handleValues.get(HandleName.laneAddress(callee))));
        java.util.stream.Stream.concat(lane.produces().stream(), lane.consumes().stream()).distinct()
                .forEach(topic -> env.put(HandleName.kafkaTopic(topic), topic));
        if (!lane.s3Access().isEmpty()) {
            env.put(HandleName.S3_EVIDENCE_BUCKET, bucketName);
        }
        if (!lane.consumes().isEmpty()) {
            env.put(KAFKA_GROUP_PREFIX, AclPlan.groupPrefix(lane.name()));
        }
        return env;
    }

    public static String definitionJson(LaneSpec lane, String image, Map<String, String> environment,
                                        String logGroup, String region) {
        ArrayNode definitions = JSON.createArrayNode();
        ObjectNode container = definitions.addObject();
        container.put("name", lane.name());
        container.put("image", image);
        container.put("essential", true);
        ArrayNode command = container.putArray("command");
        lane.command().forEach(command::add);
        ArrayNode env = container.putArray("environment");
        environment.forEach((name, value) -> env.addObject().put("name", name).put("value", value));
        container.put("readonlyRootFilesystem", lane.readOnlyRootFilesystem());
        container.putArray("mountPoints").addObject().put("sourceVolume", SCRATCH_VOLUME)
                .put("containerPath", SCRATCH_PATH).put("readOnly", false);
        lane.ingress().ifPresent(port -> container.putArray("portMappings").addObject()
                .put("containerPort", port).put("protocol", "tcp"));
        ObjectNode logging = container.putObject("logConfiguration");
        logging.put("logDriver", "awslogs");
        ObjectNode options = logging.putObject("options");
        options.put("awslogs-group", logGroup);
        options.put("awslogs-region", region);
        options.put("awslogs-stream-prefix", lane.name());
        return definitions.toString();
    }

    /** Every container port some lane listens on: the only ports the lanes' security group admits, from itself. */
    public static List<Integer> ingressPorts(List<LaneSpec> lanes) {
        return lanes.stream().filter(l -> l.ingress().isPresent()).map(LaneSpec::ingressPort).distinct().sorted()
                .toList();
    }
}
