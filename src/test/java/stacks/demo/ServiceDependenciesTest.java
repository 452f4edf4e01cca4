package stacks.demo;

import devmin.engine.EngineRun;
import devmin.graph.DeclaredResource;
import devmin.graph.StackGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import stacks.handles.HandleName;
import stacks.handles.SsmHandles;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;
import stacks.spec.SpecParser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.preview;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the declared graph: no lane's service can start before what it needs exists. For every service, everything it
 * transitively depends on includes the cluster's capacity providers, the execution and lane role policies, the subnets'
 * route-table associations, the SSM parameter behind every handle its lane reads, and, for the Kafka credentials, the
 * lane's own API key, its ACLs and the topics the lane uses.
 */
class ServiceDependenciesTest {

    private static StackGraph graph;
    private static EnvironmentSpec spec;

    @BeforeAll
    static void declare() {
        EngineRun run = preview(committedConfig());
        assertThat(run.succeeded()).as("program errors: %s", run.errors()).isTrue();
        graph = run.graph();
        spec = SpecParser.parse(ConfigSource.of(committedConfig().values()), "devmin", "dev-min");
    }

    static Set<String> dependencyClosure(DeclaredResource resource) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(directDependencies(resource));
        while (!todo.isEmpty()) {
            String urn = todo.pop();
            if (seen.add(urn)) {
                graph.byUrn(urn).ifPresent(r -> todo.addAll(directDependencies(r)));
            }
        }
        return seen;
    }

    private static List<String> directDependencies(DeclaredResource r) {
        return Stream.concat(r.dependencies().stream(), r.propertyDependencies().values().stream()
                .flatMap(List::stream)).toList();
    }

    private static List<DeclaredResource> ofType(String type) {
        return graph.resources().stream().filter(r -> r.type().equals(type)).toList();
    }

    private static DeclaredResource named(String type, String name) {
        return ofType(type).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no " + type + " named " + name));
    }

    /** What the lane's service must wait for, found in the graph by what each resource is (not by the program). */
    private static List<DeclaredResource> needsOf(LaneSpec lane) {
        List<DeclaredResource> needs = new ArrayList<>();
        needs.add(named("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", "ecs-capacity"));
        needs.add(named("aws:iam/rolePolicy:RolePolicy", "ecs-execution-policy"));
        needs.add(named("aws:iam/role:Role", "lane-role-" + lane.name()));
        if (!lane.reads().isEmpty() || !lane.s3Access().isEmpty()) {
            needs.add(named("aws:iam/rolePolicy:RolePolicy", "lane-policy-" + lane.name()));
        }
        needs.addAll(ofType("aws:ec2/routeTableAssociation:RouteTableAssociation"));
        needs.add(ofType("aws:cloudwatch/logGroup:LogGroup").stream()
                .filter(g -> g.inputs().path("name").asText().equals("/devmin/dev_min/" + lane.name()))
                .findFirst().orElseThrow());
        for (String handle : lane.reads()) {
            String path = devmin.testing.CommittedHandles.ownPath(lane.name(), handle);
            needs.add(ofType("aws:ssm/parameter:Parameter").stream()
                    .filter(p -> p.inputs().path("name").asText().equals(path)).findFirst()
                    .orElseThrow(() -> new AssertionError("no parameter for " + handle)));
        }
        if (lane.reads().contains(HandleName.SSM_CONFLUENT_API_KEY_PATH)) {
            String account = named("confluentcloud:index/serviceAccount:ServiceAccount", "kafka-" + lane.name()).urn();
            needs.add(named("confluentcloud:index/apiKey:ApiKey", "kafka-" + lane.name() + "-key"));
            needs.addAll(ofType("confluentcloud:index/kafkaAcl:KafkaAcl").stream().filter(acl -> acl
                    .propertyDependencies().getOrDefault("principal", List.of()).contains(account)).toList());
            Stream.concat(lane.produces().stream(), lane.consumes().stream()).forEach(topic ->
                    needs.add(ofType("confluentcloud:index/kafkaTopic:KafkaTopic").stream()
                            .filter(t -> t.inputs().path("topicName").asText().equals(topic)).findFirst()
                            .orElseThrow()));
        }
        if (!lane.s3Access().isEmpty()) {
            needs.add(ofType("aws:s3/bucketV2:BucketV2").get(0));
        }
        return needs;
    }

    @Test
    void everyServiceDependsOnEverythingItNeedsToStart() {
        List<LaneSpec> services = spec.lanes().stream().filter(LaneSpec::isService).toList();
        assertThat(services).isNotEmpty();
        for (LaneSpec lane : services) {
            Set<String> closure = dependencyClosure(named("aws:ecs/service:Service", "service-" + lane.name()));
            for (DeclaredResource need : needsOf(lane)) {
                assertThat(closure).as("service-%s waits for %s", lane.name(), need.urn()).contains(need.urn());
            }
        }
    }

    @Test
    void everyTaskDefinitionWaitsForItsLogGroupAndBothRolesWithTheirPolicies() {
        for (LaneSpec lane : spec.lanes()) {
            Set<String> closure = dependencyClosure(named("aws:ecs/taskDefinition:TaskDefinition",
                    "task-" + lane.name()));
            assertThat(closure).as(lane.name())
                    .contains(named("aws:iam/rolePolicy:RolePolicy", "ecs-execution-policy").urn())
                    .contains(named("aws:iam/role:Role", "lane-role-" + lane.name()).urn())
                    .contains(ofType("aws:cloudwatch/logGroup:LogGroup").stream().filter(g -> g.inputs()
                            .path("name").asText().endsWith("/" + lane.name())).findFirst().orElseThrow().urn());
        }
    }
}
