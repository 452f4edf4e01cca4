package devmin.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * One declared resource as a plan records it: enough to review it and to diff it against another plan. Inputs are
 * neutral JSON: secrets are {@code [secret]}, values known only after apply are {@code [unknown]}.
 *
 * @param urn                the URN
 * @param type               type token, e.g. {@code aws:ecs/service:Service}
 * @param name               logical name
 * @param layer              core, confluent, demo, or stack (outside any layer)
 * @param custom             a cloud resource or provider, rather than a component or the stack
 * @param protect            the protect flag
 * @param parent             parent URN, empty for the stack
 * @param provider           the provider's URN, empty for components and default providers
 * @param dependencies       URNs this resource depends on (explicitly or through its inputs), sorted
 * @param inputs             input properties
 * @param secretFingerprints input path of a secret from secure config to the fingerprint of its ciphertext
 */
public record PlannedResource(String urn, String type, String name, String layer, boolean custom, boolean protect,
                              String parent, String provider, List<String> dependencies, ObjectNode inputs,
                              Map<String, String> secretFingerprints) {

    public PlannedResource {
        dependencies = List.copyOf(dependencies);
        secretFingerprints = Map.copyOf(secretFingerprints);
    }

    public boolean isProvider() {
        return type.startsWith("pulumi:providers:");
    }

    /** {@code aws:ecs/service:Service} reads {@code aws:ecs.Service}; {@code confluentcloud:index/kafkaTopic:KafkaTopic} reads {@code confluentcloud:KafkaTopic}. */
    public String shortType() {
        return shortType(type);
    }

    public static String shortType(String type) {
        String[] parts = type.split(":", -1);
        if (parts.length != 3) {
            return type;
        }
        if (parts[0].equals("pulumi") && parts[1].equals("providers")) {
            return "provider:" + parts[2];
        }
        String module = parts[1].contains("/") ? parts[1].substring(0, parts[1].indexOf('/')) : parts[1];
        return module.equals("index") || module.isEmpty() ? parts[0] + ":" + parts[2]
                : parts[0] + ":" + module + "." + parts[2];
    }
}
