package stacks.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import devmin.engine.StackConfig;
import devmin.engine.StackFiles;
import org.junit.jupiter.api.Test;
import stacks.demo.DemoNames;
import stacks.handles.SsmHandles;
import stacks.iam.PolicyDocument;
import stacks.iam.Statement;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

import java.util.List;
import java.util.Map;

import static devmin.testing.Fixtures.array;
import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.editJson;
import static devmin.testing.Fixtures.editLane;
import static devmin.testing.Fixtures.editObject;
import static org.assertj.core.api.Assertions.assertThat;

/** The window role's two documents computed from specs (no program preview): which statements, on what, when. */
class WindowRolePolicyTest {

    private static EnvironmentSpec spec(StackConfig config) {
        return SpecParser.parse(ConfigSource.of(config.values(), config.secretKeys()), config.project(), config.stack());
    }

    private static Statement statement(PolicyDocument document, String sid) {
        return document.statements().stream().filter(s -> sid.equals(s.sid())).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid));
    }

    private static List<String> sids(PolicyDocument document) {
        return document.statements().stream().map(Statement::sid).toList();
    }

    @Test
    void theDemoLayerDocumentCoversNetworkComputeCloudMapAndRolesInThatOrder() {
        EnvironmentSpec spec = spec(committedConfig());

        List<String> sids = sids(WindowRolePolicy.demoLayer(CoreNames.of(spec), spec));

        assertThat(sids).containsSubsequence("CreateTheDemoVpc", "ChangeOnlyTheDemoNetwork", "CreateTheDemoCluster",
                "DeregisterTaskDefinitionsHasNoScope", "CreateTheDemoNamespace", "ReadCloudMapTags",
                "PassTheDemoRolesToEcsTasks", "EcsServiceLinkedRole");
        assertThat(sids).doesNotContain("CreateTheDemoDatabase", "RdsServiceLinkedRole");
    }

    @Test
    void servicesAreCreatedAndChangedOnlyInTheDemoClusterAndUnderTheDemoTags() {
        EnvironmentSpec spec = spec(committedConfig());
        PolicyDocument document = WindowRolePolicy.demoLayer(CoreNames.of(spec), spec);
        String cluster = DemoNames.of(spec).clusterArn();

        Statement create = statement(document, "CreateServicesInTheDemoCluster");
        Statement change = statement(document, "ChangeOnlyTheDemoServices");

        assertThat(create.conditions()).isEqualTo(Map.of(
                "StringEquals", Map.of("aws:RequestTag/devmin:layer", List.of("demo"),
                        "aws:RequestTag/devmin:environment", List.of(spec.environment())),
                "ArnEquals", Map.of("ecs:cluster", List.of(cluster))));
        assertThat(change.conditions()).isEqualTo(Map.of(
                "StringEquals", Map.of("aws:ResourceTag/devmin:layer", List.of("demo"),
                        "aws:ResourceTag/devmin:environment", List.of(spec.environment())),
                "ArnEquals", Map.of("ecs:cluster", List.of(cluster))));
    }

    @Test
    void anEnabledDatabaseAddsItsStatementsAndOnlyThen() {
        StackConfig withDatabase = editObject(committedConfig(), "devmin:database", db -> db.put("enabled", true))
                .with("devmin:dbUser", StackFiles.placeholder("user-ciphertext"))
                .with("devmin:dbPassword", StackFiles.placeholder("password-ciphertext"));
        EnvironmentSpec spec = spec(withDatabase);

        PolicyDocument document = WindowRolePolicy.demoLayer(CoreNames.of(spec), spec);

        assertThat(sids(document)).endsWith("CreateTheDemoDatabase", "CreateTheDemoSubnetGroupAndTags",
                "ChangeOnlyTheDemoDatabase", "RdsServiceLinkedRole");
        assertThat(statement(document, "RdsServiceLinkedRole").conditions())
                .isEqualTo(Map.of("StringEquals", Map.of("iam:AWSServiceName", List.of("rds.amazonaws.com"))));
    }

    @Test
    void jobLanesMayBeRunAndStoppedInTheDemoClusterOnly() {
        EnvironmentSpec spec = spec(committedConfig());
        DemoNames demo = DemoNames.of(spec);

        PolicyDocument live = WindowRolePolicy.liveCommands(CoreNames.of(spec), spec);

        List<String> jobs = spec.lanes().stream().filter(l -> !l.isService()).map(l -> l.name()).toList();

        assertThat(jobs).contains("seed-pack", "stream-sort", "checker");
        assertThat(statement(live, "RunJobLanesInTheDemoCluster").resources())
                .containsExactlyElementsOf(jobs.stream().map(demo::taskDefinitionArns).toList());
        assertThat(statement(live, "RunJobLanesInTheDemoCluster").conditions())
                .isEqualTo(Map.of("ArnEquals", Map.of("ecs:cluster", List.of(demo.clusterArn()))));
        assertThat(statement(live, "StopTasksOfTheDemoCluster").resources()).containsExactly(demo.clusterTaskArns());
        assertThat(sids(live)).as("the committed probe lanes read handles, so their log tails are redacted")
                .contains("RedactWhatJobsRead");
        assertThat(sids(live)).startsWith("PinnedImageAndItsLifecycle").contains("TheStacksBudget");
    }

    @Test
    void whatAJobReadsIsReadableOnlyToRedactIt() {
        StackConfig reading = editLane(committedConfig(), 0, lane -> lane.set("reads",
                array("SSM_IG_API_KEY_PATH")));
        EnvironmentSpec spec = spec(reading);
        CoreNames names = CoreNames.of(spec);

        PolicyDocument live = WindowRolePolicy.liveCommands(names, spec);

        assertThat(statement(live, "RedactWhatJobsRead").actions()).containsExactly("ssm:GetParameters");
        assertThat(statement(live, "RedactWhatJobsRead").resources()).contains(SsmHandles.parameterArn(
                names.region(), names.accountId(), SsmHandles.pathFor(spec.environment(), false, "seed-pack",
                        "SSM_IG_API_KEY_PATH")));
        List<String> services = spec.lanes().stream().filter(l -> l.isService()).map(l -> l.name()).toList();
        assertThat(statement(live, "RedactWhatJobsRead").resources()).as("no service lane's own credentials")
                .noneMatch(arn -> services.stream().anyMatch(lane -> arn.contains("/lanes/" + lane + "/")));
    }

    @Test
    void withoutJobLanesTheLiveCommandsRunNothing() {
        StackConfig servicesOnly = editJson(committedConfig(), "devmin:lanes", lanes -> {
            ArrayNode list = (ArrayNode) lanes;
            for (int i = list.size() - 1; i >= 0; i--) {
                if (list.get(i).path("kind").asText().equals("job")) {
                    list.remove(i);
                }
            }
        });
        EnvironmentSpec spec = spec(servicesOnly);

        List<String> sids = sids(WindowRolePolicy.liveCommands(CoreNames.of(spec), spec));

        assertThat(sids).doesNotContain("RunJobLanesInTheDemoCluster", "StopTasksOfTheDemoCluster", "RedactWhatJobsRead");
        assertThat(sids).contains("SeeWhatExists");
    }

    @Test
    void preflightReadsOnlyTheKafkaCredentialParametersByExactArn() {
        EnvironmentSpec spec = spec(committedConfig());
        CoreNames names = CoreNames.of(spec);

        Statement kafka = statement(WindowRolePolicy.liveCommands(names, spec), "PreflightKafkaCredentials");

        assertThat(kafka.actions()).containsExactly("ssm:GetParameters");
        assertThat(kafka.resources()).isNotEmpty().containsExactlyElementsOf(SsmHandles.preflightKafkaPaths(
                spec.environment()).stream().map(p -> SsmHandles.parameterArn(names.region(), names.accountId(), p))
                .toList());
    }

    @Test
    void bothDocumentsRenderToJson() throws Exception {
        EnvironmentSpec spec = spec(committedConfig());
        JsonNode demo = new ObjectMapper().readTree(WindowRolePolicy.demoLayer(CoreNames.of(spec), spec).toJson());

        assertThat(demo.path("Statement").size()).isEqualTo(sids(WindowRolePolicy.demoLayer(CoreNames.of(spec), spec)).size());
    }
}
