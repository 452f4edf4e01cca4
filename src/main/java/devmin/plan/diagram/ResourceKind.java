package devmin.plan.diagram;

import java.util.List;

/**
 * One node of the diagram: the resources of one type in one layer.
 *
 * @param layer    core, confluent or demo
 * @param type     the type token
 * @param count    how many this plan declares (0 when removed)
 * @param before   how many the earlier plan declared (equal to {@code count} without one)
 * @param status   how it changed
 * @param findings rule ids of the policy findings on its resources, sorted
 */
public record ResourceKind(String layer, String type, int count, int before, KindStatus status,
                           List<String> findings) {

    public ResourceKind {
        findings = List.copyOf(findings);
    }

    public String key() {
        return key(layer, type);
    }

    static String key(String layer, String type) {
        return layer + "|" + type;
    }
}
