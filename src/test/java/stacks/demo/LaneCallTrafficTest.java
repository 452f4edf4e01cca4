package stacks.demo;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.engine.EngineRun;
import devmin.engine.StackConfig;
import devmin.graph.DeclaredResource;
import devmin.graph.StackGraph;
import org.junit.jupiter.api.Test;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;
import stacks.spec.SpecParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import static devmin.testing.Fixtures.array;
import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.editLane;
import static devmin.testing.Fixtures.laneIndex;
import static devmin.testing.Fixtures.preview;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code calls:} edge of the lane catalog is open in the lanes' security group, both ways the packet needs it:
 * egress from the caller and ingress to the callee, on the callee's port, peer the group itself.
 *
 * <p>AWS creates a VPC security group with one allow-all egress rule, and the provider removes it ("NOTE on Egress
 * rules", pulumi.com/registry/packages/aws/api-docs/ec2/securitygroup, AWS 6.83.0; terraform-provider-aws
 * internal/service/ec2/vpc_security_group.go revokes it on create). A connection is allowed only when the source's
 * group allows it out and the destination's group allows it in (docs.aws.amazon.com/vpc/latest/userguide/
 * security-group-rules.html: "security group rules ... source or destination ... a security group"); {@code self}
 * names the group itself as that peer (the provider's {@code egress.self}/{@code ingress.self}).
 *
 * <p>The edges are derived here from the parsed spec, independently of the program's own edge computation.
 */
class LaneCallTrafficTest {

    private record Edge(String caller, String callee, int port) {
    }

    @Test
    void everyCallsEdgeOfTheCommittedCatalogIsOpenOutAndInOnTheCalleesPort() {
        StackConfig config = committedConfig();
        List<Edge> edges = edges(config);
        assertThat(edges).as("the committed catalog has calls edges to test").isNotEmpty();
        JsonNode group = lanesSecurityGroup(config);
        for (Edge edge : edges) {
            assertThat(selfRules(group, "egress")).as("egress for %s", edge).anySatisfy(rule -> covers(rule, edge));
            assertThat(selfRules(group, "ingress")).as("ingress for %s", edge).anySatisfy(rule -> covers(rule, edge));
        }
    }

    @Test
    void egressToTheLanesIsExactlyTheCalledPortsNothingMore() {
        StackConfig config = committedConfig();
        Set<Integer> calledPorts = new TreeSet<>(edges(config).stream().map(Edge::port).toList());
        assertThat(ports(selfRules(lanesSecurityGroup(config), "egress"))).isEqualTo(calledPorts);
    }

    @Test
    void aNewCallsEdgeToAnotherPortOpensThatPortToo() {
        StackConfig config = editLane(committedConfig(), laneIndex(committedConfig(), "case-trigger"),
                lane -> lane.set("calls", array("cm")));
        List<Edge> edges = edges(config);
        assertThat(edges).extracting(Edge::port).contains(8081);
        JsonNode group = lanesSecurityGroup(config);
        for (Edge edge : edges) {
            assertThat(selfRules(group, "egress")).as("egress for %s", edge).anySatisfy(rule -> covers(rule, edge));
        }
        assertThat(ports(selfRules(group, "egress"))).containsExactlyElementsOf(
                new TreeSet<>(edges.stream().map(Edge::port).toList()));
    }

    @Test
    void twoCallersOfOneCalleeShareOneRuleNamingBothEdges() {
        StackConfig config = editLane(committedConfig(), laneIndex(committedConfig(), "case-trigger"),
                lane -> lane.set("calls", array("ig")));
        List<JsonNode> rules = selfRules(lanesSecurityGroup(config), "egress");
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).get("description").asText()).contains("wsp to ig", "case-trigger to ig");
    }

    @Test
    void theInternetEgressStaysHttpsAndKafkaOnly() {
        JsonNode group = lanesSecurityGroup(committedConfig());
        List<JsonNode> open = StreamSupport.stream(group.get("egress").spliterator(), false)
                .filter(rule -> rule.has("cidrBlocks")).toList();
        assertThat(ports(open)).containsExactly(443, 9092);
        assertThat(open).allSatisfy(rule -> assertThat(rule.path("self").asBoolean(false)).isFalse());
    }

    /** The catalog's calls edges: caller, callee and the port the callee listens on, straight from the parsed spec. */
    private static List<Edge> edges(StackConfig config) {
        EnvironmentSpec spec = SpecParser.parse(ConfigSource.of(config.values()), "devmin", "dev-min");
        List<Edge> edges = new ArrayList<>();
        for (LaneSpec caller : spec.lanes()) {
            for (String callee : caller.calls()) {
                edges.add(new Edge(caller.name(), callee, spec.lane(callee).orElseThrow().ingressPort()));
            }
        }
        return edges;
    }

    private static JsonNode lanesSecurityGroup(StackConfig config) {
        EngineRun run = preview(config);
        assertThat(run.succeeded()).as("program errors: %s", run.errors()).isTrue();
        StackGraph graph = run.graph();
        List<DeclaredResource> groups = graph.resources().stream()
                .filter(r -> r.type().equals("aws:ec2/securityGroup:SecurityGroup") && r.name().equals("lanes-sg"))
                .toList();
        assertThat(groups).hasSize(1);
        return groups.get(0).inputs();
    }

    private static List<JsonNode> selfRules(JsonNode group, String direction) {
        return StreamSupport.stream(group.path(direction).spliterator(), false)
                .filter(rule -> rule.path("self").asBoolean(false)).toList();
    }

    private static void covers(JsonNode rule, Edge edge) {
        assertThat(rule.get("protocol").asText()).isEqualTo("tcp");
        assertThat(rule.get("fromPort").asInt()).isLessThanOrEqualTo(edge.port());
        assertThat(rule.get("toPort").asInt()).isGreaterThanOrEqualTo(edge.port());
        assertThat(rule.has("cidrBlocks")).isFalse();
    }

    private static Set<Integer> ports(List<JsonNode> rules) {
        Set<Integer> ports = new TreeSet<>();
        rules.forEach(rule -> ports.add(rule.get("fromPort").asInt()));
        return ports;
    }
}
