package devmin.plan;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.evidence.Provenance;
import devmin.graph.StackGraph;
import devmin.plan.cost.CostEstimate;
import devmin.plan.cost.CostModel;
import devmin.plan.cost.PriceTable;
import devmin.policy.PolicyEngine;
import devmin.policy.ResourceView;
import devmin.policy.input.GraphViews;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Assembles a {@link Plan} from a preview: layer summaries, handles, the policy report and the cost estimate. */
public final class PlanBuilder {

    private PlanBuilder() {
    }

    public static Plan build(StackPreview preview, PolicyEngine policy, PriceTable prices, double windowHours,
                             Provenance provenance) {
        StackGraph graph = preview.run().graph();
        List<LayerSummary> layers = new ArrayList<>();
        for (String layer : List.of("core", "confluent", "demo")) {
            layers.add(LayerSummary.of(layer, graph.customResourcesByLayer().getOrDefault(layer, List.of())));
        }
        List<ResourceView> views = GraphViews.of(graph);
        Optional<CostEstimate> cost;
        String unavailable = "";
        try {
            cost = Optional.of(CostModel.estimate(preview.spec(), views, prices, windowHours));
        } catch (IllegalArgumentException e) {
            cost = Optional.empty();
            unavailable = e.getMessage();
        }
        return new Plan(preview.spec(), layers, handles(graph.outputs().get("handles")), policy.evaluate(views), cost,
                unavailable, provenance.finished());
    }

    private static Map<String, String> handles(JsonNode output) {
        Map<String, String> handles = new LinkedHashMap<>();
        if (output != null) {
            output.fields().forEachRemaining(e -> handles.put(e.getKey(), e.getValue().asText()));
        }
        return handles;
    }
}
