package devmin.realengine;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether the engine created each resource only after everything it depends on existed: for every recorded create,
 * each dependency (declared, or through a property) that was created in the same operation must have finished
 * before it started.
 */
final class DependencyOrder {

    private DependencyOrder() {
    }

    /** One line per create that started before a dependency of it had finished. */
    static List<String> violations(List<JsonNode> state, Map<String, StubRecord.Call> creates) {
        List<String> violations = new ArrayList<>();
        for (JsonNode resource : state) {
            StubRecord.Call create = creates.get(resource.path("urn").asText());
            if (create == null) {
                continue;
            }
            for (String dependency : dependenciesOf(resource)) {
                StubRecord.Call before = creates.get(dependency);
                if (before != null && before.endNanos() > create.startNanos()) {
                    violations.add(create.urn() + " started before its dependency " + dependency + " was created");
                }
            }
        }
        return violations;
    }

    static Set<String> dependenciesOf(JsonNode resource) {
        Set<String> out = new LinkedHashSet<>();
        resource.path("dependencies").forEach(d -> out.add(d.asText()));
        resource.path("propertyDependencies").fields().forEachRemaining(e -> e.getValue()
                .forEach(d -> out.add(d.asText())));
        return out;
    }
}
