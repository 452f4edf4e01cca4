package devmin.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import devmin.graph.WireValues;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The few inputs that say what a resource is, for a one-line listing: per type the properties a reviewer looks at
 * first (a topic's partitions, a task's cpu and memory, a policy's statements), otherwise its short scalar inputs.
 */
public final class KeyProperties {

    private static final int MAX_GENERIC = 3;
    private static final int MAX_VALUE = 48;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Type token to the inputs worth showing: a JSON pointer below the inputs ({@code config/retention.ms}), or a
     * policy held as a JSON string and what to take from its statements ({@code policy#Sid}, {@code assumeRolePolicy#sub}).
     */
    private static final Map<String, List<String>> BY_TYPE = Map.ofEntries(
            Map.entry("aws:ecs/service:Service", List.of("desiredCount", "capacityProviderStrategies/0/capacityProvider",
                    "networkConfiguration/assignPublicIp")),
            Map.entry("aws:ecs/taskDefinition:TaskDefinition", List.of("family", "cpu", "memory")),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", List.of("name", "retentionInDays")),
            Map.entry("aws:ssm/parameter:Parameter", List.of("name", "type", "value")),
            Map.entry("aws:iam/role:Role", List.of("name", "assumeRolePolicy#sub")),
            Map.entry("aws:iam/rolePolicy:RolePolicy", List.of("policy#Sid")),
            Map.entry("aws:s3/bucketPolicy:BucketPolicy", List.of("policy#Sid")),
            Map.entry("aws:s3/bucketV2:BucketV2", List.of("bucket", "forceDestroy")),
            Map.entry("aws:ecr/repository:Repository", List.of("name", "imageTagMutability",
                    "imageScanningConfiguration/scanOnPush")),
            Map.entry("aws:ec2/vpc:Vpc", List.of("cidrBlock")),
            Map.entry("aws:ec2/subnet:Subnet", List.of("cidrBlock", "availabilityZone", "mapPublicIpOnLaunch")),
            Map.entry("aws:budgets/budget:Budget", List.of("name", "limitAmount", "limitUnit")),
            Map.entry("confluentcloud:index/kafkaTopic:KafkaTopic", List.of("topicName", "partitionsCount",
                    "config/retention.ms", "config/cleanup.policy")),
            Map.entry("confluentcloud:index/kafkaAcl:KafkaAcl", List.of("resourceType", "resourceName", "patternType",
                    "operation", "permission")),
            Map.entry("confluentcloud:index/kafkaCluster:KafkaCluster", List.of("displayName", "availability",
                    "cloud", "region")));

    private KeyProperties() {
    }

    /** {@code key=value} pairs, e.g. {@code partitionsCount=3 config.retention.ms=259200000}. */
    public static String of(PlannedResource r) {
        List<String> shown = new ArrayList<>();
        List<String> paths = BY_TYPE.get(r.type());
        if (paths != null) {
            for (String path : paths) {
                String value = path.contains("#") ? statements(r.inputs(), path) : value(r.inputs(), path);
                if (!value.isEmpty()) {
                    shown.add(path.replace('#', '.').replace('/', '.') + "=" + value);
                }
            }
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = r.inputs().fields(); it.hasNext()
                    && shown.size() < MAX_GENERIC; ) {
                Map.Entry<String, JsonNode> field = it.next();
                String value = scalar(field.getValue());
                if (!value.isEmpty() && !value.startsWith("{") && !value.startsWith("[{")) {
                    shown.add(field.getKey() + "=" + value);
                }
            }
        }
        return String.join(" ", shown);
    }

    private static String value(JsonNode inputs, String pointer) {
        return scalar(inputs.at("/" + pointer));
    }

    private static String scalar(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || node.isContainerNode()) {
            return "";
        }
        if (WireValues.isSecret(node)) {
            return WireValues.SECRET;
        }
        if (WireValues.isUnknown(node)) {
            return "(known after apply)";
        }
        String text = node.asText();
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE - 1) + "…" : text;
    }

    /** From a policy held as a JSON string: each statement's Sid, or the trusted subjects of a trust policy. */
    private static String statements(JsonNode inputs, String spec) {
        String field = spec.substring(0, spec.indexOf('#'));
        String what = spec.substring(spec.indexOf('#') + 1);
        try {
            JsonNode policy = JSON.readTree(inputs.path(field).asText(""));
            List<String> values = new ArrayList<>();
            for (JsonNode statement : policy.path("Statement")) {
                if (what.equals("Sid")) {
                    values.add(statement.path("Sid").asText("?"));
                } else {
                    statement.path("Condition").forEach(op -> op.fields().forEachRemaining(c -> {
                        if (c.getKey().endsWith(":sub")) {
                            c.getValue().forEach(v -> values.add(v.asText()));
                        }
                    }));
                }
            }
            return String.join(",", values);
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }
}
