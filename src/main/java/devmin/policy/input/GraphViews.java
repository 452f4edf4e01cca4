package devmin.policy.input;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import devmin.graph.DeclaredResource;
import devmin.graph.StackGraph;
import devmin.policy.ResourceView;

import java.util.List;

/** Views of what a program declared under the embedded engine (the offline plan and the tests). */
public final class GraphViews {

    private GraphViews() {
    }

    public static List<ResourceView> of(StackGraph graph) {
        return graph.resources().stream().map(r -> view(graph, r)).toList();
    }

    private static ResourceView view(StackGraph graph, DeclaredResource r) {
        return new ResourceView(r.urn(), r.type(), r.name(), graph.layerOf(r).orElse(""), r.inputs(),
                JsonNodeFactory.instance.objectNode(), r.protect(), r.parentUrn(), r.dependencies(),
                r.propertyDependencies(), r.provider());
    }
}
