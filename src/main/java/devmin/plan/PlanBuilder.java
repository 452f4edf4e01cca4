package devmin.plan;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.evidence.Provenance;
import devmin.graph.DeclaredResource;
import devmin.graph.StackGraph;
import devmin.plan.cost.CostEstimate;
import devmin.plan.cost.CostModel;
import devmin.plan.cost.PriceTable;
import devmin.policy.PolicyEngine;
import devmin.policy.ResourceView;
import devmin.policy.input.GraphViews;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Assembles a {@link Plan} from a preview: resources, layer summaries, handles, the policy report and the cost. */
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
        Optional<CostEstimate> cost = Optional.empty();
        String unavailable = "";
        boolean gapBlocks = false;
        String region = preview.spec().awsRegion();
        if (!prices.covers(region)) {
            unavailable = "the price table " + PriceTable.SOURCE + " has no prices for region " + region + "; it prices "
                    + String.join(", ", prices.regions())
                    + stacks.spec.AwsRegions.nearestPriced(region, prices.regions())
                            .map(nearest -> " (the nearest priced region is " + nearest + ": its estimate is a guide"
                                    + " only)").orElse("")
                    + ". Add " + region + " there to get an estimate";
        } else {
            try {
                cost = Optional.of(CostModel.estimate(preview.spec(), views, prices, windowHours));
            } catch (IllegalArgumentException e) {
                unavailable = e.getMessage();
                gapBlocks = true;
            }
        }
        return new Plan(preview.spec(), layers, resources(graph), handles(graph.outputs().get("handles")),
                policy.evaluate(views), cost, unavailable, gapBlocks, provenance.finished(), preview.unsetSecrets(),
                preview.placeholders());
    }

    /**
     * In reading order (the stack, then each layer: its component, providers, then resources by type and name), not
     * registration order: the program registers concurrently, and two plans of the same program must read alike.
     */
    static List<PlannedResource> resources(StackGraph graph) {
        return graph.resources().stream().map(r -> new PlannedResource(r.urn(), r.type(), r.name(),
                graph.layerOf(r).orElse("stack"), r.custom(), r.protect(), r.parentUrn(), providerUrn(r.provider()),
                dependencies(r), r.inputs(), r.secretFingerprints())).sorted(READING_ORDER).toList();
    }

    private static final List<String> LAYER_ORDER = List.of("stack", "core", "confluent", "demo");
    private static final Comparator<PlannedResource> READING_ORDER = Comparator
            .comparingInt((PlannedResource r) -> LAYER_ORDER.indexOf(r.layer()))
            .thenComparing(PlannedResource::custom)
            .thenComparing(r -> !r.isProvider())
            .thenComparing(PlannedResource::type)
            .thenComparing(PlannedResource::name);

    /** A provider reference is {@code <urn>::<id>}; the id is unknown in a preview and says nothing to a reviewer. */
    static String providerUrn(String reference) {
        int separators = reference.split("::", -1).length - 1;
        return separators > URN_SEPARATORS ? reference.substring(0, reference.lastIndexOf("::")) : reference;
    }

    /** {@code urn:pulumi:<stack>::<project>::<type chain>::<name>}. */
    private static final int URN_SEPARATORS = 3;

    private static List<String> dependencies(DeclaredResource r) {
        TreeSet<String> all = new TreeSet<>(r.dependencies());
        r.propertyDependencies().values().forEach(all::addAll);
        all.remove("");
        return List.copyOf(all);
    }

    private static Map<String, String> handles(JsonNode output) {
        Map<String, String> handles = new LinkedHashMap<>();
        if (output != null) {
            output.fields().forEachRemaining(e -> handles.put(e.getKey(), e.getValue().asText()));
        }
        return handles;
    }
}
