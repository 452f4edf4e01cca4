package devmin.plan.diagram;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import devmin.plan.PlannedResource;
import devmin.plan.diff.PlanDiff;
import devmin.plan.diff.PlanDiffer;
import devmin.plan.diff.PlanSnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The diagram is drawn from the graph: kinds with counts, the real edges between kinds, findings and changes. */
class MermaidDiagramTest {

    private static final String SERVICE = "aws:ecs/service:Service";
    private static final String TASK = "aws:ecs/taskDefinition:TaskDefinition";
    private static final String ROLE = "aws:iam/role:Role";
    private static final String NAT = "aws:ec2/natGateway:NatGateway";

    private static PlannedResource resource(String layer, String type, String name, String... dependsOn) {
        return new PlannedResource(urn(layer, type, name), type, name, layer, true, false, "", "",
                List.of(dependsOn), JsonNodeFactory.instance.objectNode(), Map.of());
    }

    private static String urn(String layer, String type, String name) {
        return "urn:pulumi:s::p::pulumi:pulumi:Stack$devmin:stacks:" + layer + "$" + type + "::" + name;
    }

    /** Three lanes: each service runs its task definition, which names its role; plus the layer's provider. */
    private static List<PlannedResource> lanes(int count) {
        List<PlannedResource> resources = new ArrayList<>();
        resources.add(new PlannedResource("urn:provider", "pulumi:providers:aws", "demo-aws", "demo", true, false, "",
                "", List.of(), JsonNodeFactory.instance.objectNode(), Map.of()));
        for (int i = 0; i < count; i++) {
            resources.add(resource("demo", ROLE, "role-" + i, "urn:provider"));
            resources.add(resource("demo", TASK, "task-" + i, urn("demo", ROLE, "role-" + i)));
            resources.add(resource("demo", SERVICE, "service-" + i, urn("demo", TASK, "task-" + i),
                    urn("demo", SERVICE, "service-" + ((i + 1) % count))));
        }
        return resources;
    }

    private static Map<String, String> nodeIds(String mermaid) {
        Map<String, String> ids = new TreeMap<>();
        var m = Pattern.compile("(k\\d+)\\[\"\\d+ × (\\w+)[^<]*<br/>([\\w:.]+)").matcher(mermaid);
        while (m.find()) {
            ids.put(m.group(3) + "." + m.group(2), m.group(1));
        }
        return ids;
    }

    @Test
    void eachKindIsOneNodeWithItsCountAndEachDependencyBetweenKindsOneArrow() {
        String mermaid = MermaidDiagram.of(KindGraph.of(lanes(3), Map.of()), Map.of("demo", "demo · 10 resources"));

        Map<String, String> ids = nodeIds(mermaid);
        assertThat(ids).containsOnlyKeys("aws:ecs.Service", "aws:ecs.TaskDefinition", "aws:iam.Role");
        assertThat(mermaid).contains("3 × Service<br/>aws:ecs").contains("3 × Role<br/>aws:iam")
                .contains("subgraph demo[\"demo · 10 resources\"]");
        assertThat(mermaid.lines().filter(l -> l.contains(" --> ")).map(String::trim)).containsExactlyInAnyOrder(
                ids.get("aws:ecs.Service") + " --> " + ids.get("aws:ecs.TaskDefinition"),
                ids.get("aws:ecs.TaskDefinition") + " --> " + ids.get("aws:iam.Role"));
    }

    @Test
    void aKindWithAPolicyFindingIsOutlinedAndNamesTheRule() {
        List<PlannedResource> resources = new ArrayList<>(lanes(1));
        resources.add(resource("demo", NAT, "nat"));

        String mermaid = MermaidDiagram.of(KindGraph.of(resources, Map.of(urn("demo", NAT, "nat"),
                List.of("DM-COST-001"))), Map.of());

        String nat = nodeIds(mermaid).get("aws:ec2.NatGateway");
        assertThat(mermaid).contains(nat + "[\"1 × NatGateway<br/>aws:ec2<br/>⚠ DM-COST-001\"]")
                .contains("class " + nat + " finding");
    }

    @Test
    void againstAnEarlierPlanAddedChangedAndRemovedKindsAreColoured() {
        List<PlannedResource> before = new ArrayList<>(lanes(2));
        before.add(resource("demo", NAT, "nat"));
        List<PlannedResource> after = new ArrayList<>(lanes(3));
        after.add(resource("core", "aws:s3/bucketV2:BucketV2", "bucket"));
        PlanDiff diff = PlanDiffer.diff(snapshot(before), snapshot(after));

        String mermaid = MermaidDiagram.of(KindGraph.of(after, Map.of(), diff), Map.of());

        Map<String, String> ids = nodeIds(mermaid);
        assertThat(mermaid).contains("3 × Service (was 2)<br/>aws:ecs").contains("1 × BucketV2 (new)<br/>aws:s3")
                .contains("0 × NatGateway (removed, was 1)<br/>aws:ec2");
        assertThat(classOf(mermaid, ids.get("aws:s3.BucketV2"))).isEqualTo("added");
        assertThat(classOf(mermaid, ids.get("aws:ecs.Service"))).isEqualTo("changed");
        assertThat(classOf(mermaid, ids.get("aws:ec2.NatGateway"))).isEqualTo("removed");
    }

    @Test
    void hundredsOfResourcesStillDrawAsAFewKinds() {
        String mermaid = MermaidDiagram.of(KindGraph.of(lanes(100), Map.of()), Map.of());

        assertThat(nodeIds(mermaid)).hasSize(3);
        assertThat(mermaid).contains("100 × Service<br/>aws:ecs");
        assertThat(mermaid.lines().filter(l -> l.contains("-->")).count()).isEqualTo(2);
    }

    private static String classOf(String mermaid, String id) {
        return mermaid.lines().map(String::trim).filter(l -> l.startsWith("class "))
                .filter(l -> List.of(l.split(" ", -1)[1].split(",", -1)).contains(id)).map(l -> l.split(" ", -1)[2])
                .findFirst().orElse("none");
    }

    private static PlanSnapshot snapshot(List<PlannedResource> resources) {
        Map<String, PlanSnapshot.LayerCounts> layers = new TreeMap<>();
        for (String layer : List.of("core", "confluent", "demo")) {
            Map<String, Integer> byType = new TreeMap<>();
            resources.stream().filter(r -> r.layer().equals(layer)).forEach(r -> byType.merge(r.type(), 1, Integer::sum));
            layers.put(layer, new PlanSnapshot.LayerCounts(byType.values().stream().mapToInt(i -> i).sum(), 0, byType));
        }
        return new PlanSnapshot(2, "s", "dev-min", "unknown", "", true, layers, resources, List.of(), List.of(),
                PlanSnapshot.CostFigures.unavailable("none"));
    }
}
