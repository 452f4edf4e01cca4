package devmin.plan.diagram;

import devmin.plan.PlannedResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kind graph as a Mermaid flowchart: one box per layer, one node per kind with its count, an arrow from a kind to
 * each kind it depends on. Kinds with policy findings are outlined in red and name the rules; against an earlier plan,
 * added kinds are green, changed ones yellow, removed ones grey and dashed (with their dependencies dotted).
 * Rendered once in a browser at ~200 resources (README): two-line labels and layers declared last-first keep it a
 * readable ~2,400 × 1,900 px with core on top; the layer boxes are neutral so only changes carry colour.
 */
public final class MermaidDiagram {

    private MermaidDiagram() {
    }

    /** @param layerTitles per layer, the box's title (e.g. "core · 19 resources, 18 protected") */
    public static String of(KindGraph graph, Map<String, String> layerTitles) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        Map<String, String> ids = new HashMap<>();
        Map<KindStatus, List<String>> byStatus = new HashMap<>();
        List<String> withFindings = new ArrayList<>();
        List<String> layers = new ArrayList<>(graph.kinds().keySet());
        java.util.Collections.reverse(layers); // Mermaid stacks unconnected boxes last-declared on top
        layers.forEach(layer -> {
            List<ResourceKind> kinds = graph.kinds().get(layer);
            out.append("  subgraph ").append(layer).append("[\"").append(escape(layerTitles.getOrDefault(layer, layer)))
                    .append("\"]\n    direction TB\n");
            for (ResourceKind kind : kinds) {
                String id = "k" + ids.size();
                ids.put(kind.key(), id);
                out.append("    ").append(id).append("[\"").append(label(kind)).append("\"]\n");
                byStatus.computeIfAbsent(kind.status(), s -> new ArrayList<>()).add(id);
                if (!kind.findings().isEmpty()) {
                    withFindings.add(id);
                }
            }
            out.append("  end\n");
        });
        layers.forEach(layer -> out.append("  style ").append(layer).append(" fill:#f6f8fa,stroke:#8c959f\n"));
        arrows(out, graph.edges(), ids, " --> ", Set.of());
        arrows(out, graph.removedEdges(), ids, " -.-> ", flatten(graph.edges()));
        out.append("  classDef added fill:#e6ffed,stroke:#22863a,color:#111\n")
                .append("  classDef changed fill:#fff5b1,stroke:#b08800,color:#111\n")
                .append("  classDef removed fill:#f6f8fa,stroke:#6a737d,color:#6a737d,stroke-dasharray:4 3\n")
                .append("  classDef finding stroke:#d73a49,stroke-width:3px\n");
        for (KindStatus status : List.of(KindStatus.ADDED, KindStatus.CHANGED, KindStatus.REMOVED)) {
            List<String> nodes = byStatus.getOrDefault(status, List.of());
            if (!nodes.isEmpty()) {
                out.append("  class ").append(String.join(",", nodes)).append(' ')
                        .append(status.name().toLowerCase(java.util.Locale.ROOT)).append('\n');
            }
        }
        if (!withFindings.isEmpty()) {
            out.append("  class ").append(String.join(",", withFindings)).append(" finding\n");
        }
        return out.toString();
    }

    private static void arrows(StringBuilder out, Map<String, Set<String>> edges, Map<String, String> ids,
                               String arrow, Set<String> skip) {
        edges.forEach((from, targets) -> targets.forEach(to -> {
            if (ids.containsKey(from) && ids.containsKey(to) && !skip.contains(from + ">" + to)) {
                out.append("  ").append(ids.get(from)).append(arrow).append(ids.get(to)).append('\n');
            }
        }));
    }

    private static Set<String> flatten(Map<String, Set<String>> edges) {
        Set<String> flat = new java.util.HashSet<>();
        edges.forEach((from, targets) -> targets.forEach(to -> flat.add(from + ">" + to)));
        return flat;
    }

    /** {@code 15 × Service (was 14)}, then the package on a second line ({@code aws:ecs}), then any findings. */
    private static String label(ResourceKind kind) {
        String shortType = PlannedResource.shortType(kind.type());
        int cut = Math.max(shortType.lastIndexOf('.'), shortType.lastIndexOf(':'));
        StringBuilder label = new StringBuilder();
        label.append(kind.count()).append(" × ").append(escape(shortType.substring(cut + 1)));
        if (kind.status() == KindStatus.REMOVED) {
            label.append(" (removed, was ").append(kind.before()).append(')');
        } else if (kind.status() == KindStatus.ADDED) {
            label.append(" (new)");
        } else if (kind.before() != kind.count()) {
            label.append(" (was ").append(kind.before()).append(')');
        }
        label.append("<br/>").append(escape(cut > 0 ? shortType.substring(0, cut) : shortType));
        if (!kind.findings().isEmpty()) {
            label.append("<br/>⚠ ").append(String.join(" ", kind.findings()));
        }
        return label.toString();
    }

    /** Mermaid labels are quoted: a quote inside becomes its entity. */
    static String escape(String text) {
        return text.replace("\"", "#quot;");
    }
}
