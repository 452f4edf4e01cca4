package stacks.demo;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.graph.DeclaredResource;
import devmin.graph.StackGraph;
import devmin.testing.DeclaredLayer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo layer under the Pulumi mock engine, as the committed dev-min config declares it. */
class DemoStackTest {

    private static DeclaredLayer layer;
    private static StackGraph graph;
    private static List<DeclaredResource> demo;
    private static EnvironmentSpec spec;

    @BeforeAll
    static void declare() {
        layer = DeclaredLayer.committed("demo");
        graph = layer.graph();
        demo = layer.resources();
        spec = layer.spec();
    }

    private static List<DeclaredResource> all(String type) {
        return layer.all(type);
    }

    private static DeclaredResource named(String type, String name) {
        return layer.named(type, name);
    }

    private static JsonNode json(JsonNode text) {
        return DeclaredLayer.json(text);
    }

    @Test
    void noNatGatewayAnywhereAndEveryRouteGoesToTheInternetGateway() {
        assertThat(graph.resources()).noneMatch(r -> r.type().equals("aws:ec2/natGateway:NatGateway"));
        JsonNode routes = all("aws:ec2/routeTable:RouteTable").get(0).inputs().get("routes");
        assertThat(routes).allSatisfy(route -> {
            assertThat(route.has("natGatewayId")).isFalse();
            assertThat(route.has("gatewayId")).isTrue();
        });
        assertThat(all("aws:ec2/subnet:Subnet")).extracting(s -> s.inputs().get("availabilityZone").asText())
                .containsExactlyInAnyOrder("eu-west-2a", "eu-west-2b");
    }

    @Test
    void everyTaskDefinitionRunsTheSingleImagePinnedByDigestWithoutSecrets() {
        List<DeclaredResource> tasks = all("aws:ecs/taskDefinition:TaskDefinition");
        assertThat(tasks).hasSize(spec.lanes().size());
        for (DeclaredResource task : tasks) {
            JsonNode container = json(task.inputs().get("containerDefinitions")).get(0);
            assertThat(container.get("image").asText())
                    .matches("123456789012\\.dkr\\.ecr\\.eu-west-2\\.amazonaws\\.com/fraud-platform@sha256:[0-9a-f]{64}$")
                    .endsWith(spec.image().digest());
            assertThat(container.has("secrets")).as(task.name()).isFalse();
            LaneSpec lane = spec.lane(container.get("name").asText()).orElseThrow();
            assertThat(container.get("command")).extracting(JsonNode::asText).containsExactlyElementsOf(lane.command());
            assertThat(container.at("/logConfiguration/logDriver").asText()).isEqualTo("awslogs");
            assertThat(task.inputs().get("requiresCompatibilities").get(0).asText()).isEqualTo("FARGATE");
        }
    }

    @Test
    void theDemoLayerDeclaresNoIamItsTasksRunAsCoresRolesNamedByHandle() {
        assertThat(demo).noneMatch(r -> r.type().startsWith("aws:iam/"));
        JsonNode handles = graph.outputs().get("handles");
        for (DeclaredResource task : all("aws:ecs/taskDefinition:TaskDefinition")) {
            String lane = task.name().substring("task-".length());
            assertThat(task.inputs().get("taskRoleArn").asText()).as(lane)
                    .isEqualTo(handles.get(stacks.handles.HandleName.laneRole(lane)).asText());
            assertThat(task.inputs().get("executionRoleArn").asText()).as(lane)
                    .isEqualTo(handles.get("ROLE_ECS_TASK_EXECUTION").asText());
            assertThat(task.dependencies()).as(lane + " waits for its role").anyMatch(urn -> urn.endsWith(
                    "aws:iam/role:Role::lane-role-" + lane));
        }
    }

    @Test
    void everyServiceRollsBackACrashLoopAndWaitsForSteadyState() {
        List<DeclaredResource> services = all("aws:ecs/service:Service");
        assertThat(services).extracting(s -> s.inputs().get("name").asText()).containsExactlyInAnyOrderElementsOf(
                spec.lanes().stream().filter(LaneSpec::isService).map(LaneSpec::name).toList());
        assertThat(services).allSatisfy(s -> {
            assertThat(s.inputs().at("/deploymentCircuitBreaker/enable").asBoolean()).isTrue();
            assertThat(s.inputs().at("/deploymentCircuitBreaker/rollback").asBoolean()).isTrue();
            assertThat(s.inputs().get("waitForSteadyState").asBoolean()).isTrue();
            assertThat(s.inputs().at("/networkConfiguration/assignPublicIp").asBoolean()).isTrue();
            assertThat(s.inputs().at("/capacityProviderStrategies/0/capacityProvider").asText()).isEqualTo("FARGATE_SPOT");
        });
    }

    @Test
    void nothingInTheDemoLayerIsProtectedAndItsProviderTagsItDemo() throws Exception {
        assertThat(demo).noneMatch(DeclaredResource::protect);
        DeclaredResource provider = demo.stream().filter(DeclaredResource::isProvider).findFirst().orElseThrow();
        assertThat(json(provider.inputs().get("defaultTags")).at("/tags/devmin:layer").asText())
                .isEqualTo("demo");
        assertThat(demo.stream().filter(r -> r.custom() && !r.isProvider()))
                .allSatisfy(r -> assertThat(r.provider()).startsWith(provider.urn() + "::"));
    }

    /** A read-only root filesystem needs a writable place: a task volume at /tmp (Fargate has no tmpfs). */
    @Test
    void everyTaskKeepsItsRootReadOnlyAndWritesOnlyToAScratchVolumeAtTmp() {
        for (DeclaredResource task : all("aws:ecs/taskDefinition:TaskDefinition")) {
            assertThat(task.inputs().get("volumes")).as(task.name()).hasSize(1);
            String volume = task.inputs().at("/volumes/0/name").asText();
            JsonNode container = json(task.inputs().get("containerDefinitions")).get(0);
            assertThat(container.get("readonlyRootFilesystem").asBoolean()).as(task.name()).isTrue();
            assertThat(container.get("mountPoints")).as(task.name()).hasSize(1);
            assertThat(container.at("/mountPoints/0/sourceVolume").asText()).isEqualTo(volume);
            assertThat(container.at("/mountPoints/0/containerPath").asText()).isEqualTo("/tmp");
            assertThat(container.at("/mountPoints/0/readOnly").asBoolean()).isFalse();
        }
    }

    /** wsp calls ig: ig gets a stable name in Cloud Map, wsp gets ig's address, and no load balancer is involved. */
    @Test
    void aCalledLaneHasAStableNameAndItsCallerItsAddress() {
        JsonNode namespace = all("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace").get(0).inputs();
        assertThat(namespace.get("name").asText()).isEqualTo("devmin-dev-min.internal");
        assertThat(all("aws:servicediscovery/service:Service")).extracting(s -> s.inputs().get("name").asText())
                .containsExactlyInAnyOrder("ig", "cm");
        DeclaredResource igService = named("aws:ecs/service:Service", "service-ig");
        assertThat(igService.inputs().get("serviceRegistries")).isNotNull();
        assertThat(named("aws:ecs/service:Service", "service-wsp").inputs().has("serviceRegistries")).isFalse();

        JsonNode wsp = json(named("aws:ecs/taskDefinition:TaskDefinition", "task-wsp").inputs()
                .get("containerDefinitions")).get(0);
        List<String> env = new ArrayList<>();
        wsp.get("environment").forEach(e -> env.add(e.get("name").asText() + "=" + e.get("value").asText()));
        assertThat(env).contains("LANE_ADDRESS_IG=ig.devmin-dev-min.internal:8080");
        assertThat(named("aws:ecs/service:Service", "service-wsp").dependencies())
                .contains(named("aws:servicediscovery/service:Service", "discovery-ig").urn());
        assertThat(graph.resources()).noneMatch(r -> r.type().startsWith("aws:lb/") || r.type().startsWith("aws:elb/"));
    }

    @Test
    void theDemoLayerHoldsNoLogGroupsTheyOutliveTheWindowInCore() {
        assertThat(all("aws:cloudwatch/logGroup:LogGroup")).isEmpty();
    }

    @Test
    void securityGroupAdmitsOnlyLanePortsFromItself() {
        JsonNode sg = all("aws:ec2/securityGroup:SecurityGroup").get(0).inputs();
        Set<Integer> ports = new java.util.TreeSet<>();
        sg.get("ingress").forEach(rule -> {
            assertThat(rule.get("self").asBoolean()).isTrue();
            assertThat(rule.has("cidrBlocks")).isFalse();
            ports.add(rule.get("fromPort").asInt());
        });
        assertThat(ports).containsExactly(8080, 8081);
        assertThat(sg.get("egress")).filteredOn(r -> r.has("cidrBlocks")).extracting(r -> r.get("fromPort").asInt())
                .containsExactly(443, 9092);
    }

    @Test
    void databaseIsDeclaredOnlyWhenEnabledAndThenIsCheapAndDisposable() {
        assertThat(graph.resources()).noneMatch(r -> r.type().equals("aws:rds/instance:Instance"));

        var config = devmin.testing.Fixtures.committedConfig().with("devmin:database", "{\"enabled\":true}")
                .with("devmin:dbUser", "app").with("devmin:dbPassword", "pw");
        devmin.engine.EngineRun run = devmin.testing.Fixtures.preview(config);
        assertThat(run.succeeded()).as("%s", run.errors()).isTrue();
        DeclaredResource db = run.graph().resources().stream()
                .filter(r -> r.type().equals("aws:rds/instance:Instance")).findFirst().orElseThrow();
        assertThat(run.graph().layerOf(db)).contains("demo");
        assertThat(db.inputs().get("instanceClass").asText()).isEqualTo("db.t4g.micro");
        assertThat(db.inputs().get("multiAz").asBoolean()).isFalse();
        assertThat(db.inputs().get("deletionProtection").asBoolean()).isFalse();
        assertThat(db.inputs().get("skipFinalSnapshot").asBoolean()).isTrue();
        assertThat(db.inputs().get("password").asText()).isEqualTo("[secret]");
    }
}
