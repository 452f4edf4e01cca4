package devmin.live.iam;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import devmin.evidence.Provenance;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsSettings;
import devmin.testing.CommittedHandles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import stacks.demo.DemoNames;
import stacks.handles.HandleName;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;
import stacks.spec.SpecParser;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static devmin.live.AwsWire.query;
import static devmin.live.AwsWire.xml;
import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * verify-iam against a SimulatePrincipalPolicy double that answers exactly the cells asked. What each role may read is
 * the committed config's lane catalog on the documented handle layout ({@code /devmin/<environment>/…}), written
 * here, never taken from the code under test.
 */
class VerifyIamTest {

    static final String PARAMETER = "arn:aws:ssm:eu-west-2:123456789012:parameter";
    /** Every handle path of dev_min (shared, each Kafka lane's own, the probe's), every ancestor path, the canary. */
    static final List<String> PROBED = probed();

    static List<String> probed() {
        List<String> paths = new java.util.ArrayList<>(CommittedHandles.allPaths());
        CommittedHandles.KAFKA_LANES.forEach(lane -> paths.add("/devmin/dev_min/confluent/lanes/" + lane));
        paths.addAll(List.of("/devmin/dev_min/confluent/lanes", "/devmin/dev_min/confluent/preflight",
                "/devmin/dev_min/confluent", "/devmin/dev_min/ig", "/devmin/dev_min", "/devmin",
                "/devmin/dev_min/canary/devmin-verify-iam"));
        return paths.stream().map(p -> PARAMETER + p).toList();
    }
    static final List<String> ACTIONS = List.of("ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath",
            "ssm:GetParameterHistory", "secretsmanager:GetSecretValue", "kms:Decrypt");

    static final IamSimulator simulator = new IamSimulator();
    static WireMockServer server;
    static EnvironmentSpec spec;
    static Map<String, String> roles;
    static String execution;
    AwsClients aws;

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(simulator));
        server.start();
        spec = SpecParser.parse(ConfigSource.of(committedConfig().values()), "devmin", "dev-min");
        DemoNames names = DemoNames.of(spec);
        roles = new LinkedHashMap<>();
        execution = names.roleArn(names.executionRoleName());
        roles.put(HandleName.ROLE_ECS_TASK_EXECUTION, execution);
        spec.lanes().forEach(l -> roles.put(HandleName.laneRole(l.name()), names.roleArn(names.laneRoleName(l.name()))));
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void iamAsDeployed() {
        server.resetAll();
        server.stubFor(query("SimulatePrincipalPolicy", "2010-05-08").atPriority(10)
                .willReturn(aResponse().withTransformers(IamSimulator.NAME)));
        simulator.grants.clear();
        simulator.perResourceResults = true;
        simulator.corrupt = cells -> cells;
        simulator.pageSize = Integer.MAX_VALUE;
        for (LaneSpec lane : spec.lanes()) {
            Set<String> allowed = new HashSet<>();
            lane.reads().forEach(handle -> {
                allowed.add("ssm:GetParameter on " + PARAMETER + CommittedHandles.ownPath(lane.name(), handle));
                allowed.add("ssm:GetParameters on " + PARAMETER + CommittedHandles.ownPath(lane.name(), handle));
            });
            simulator.grants.put(roles.get(HandleName.laneRole(lane.name())), allowed);
        }
        aws = new AwsClients(new AwsSettings(Optional.of(URI.create(server.baseUrl())), 3, Duration.ofMillis(10),
                Duration.ofSeconds(10)));
    }

    @AfterEach
    void noUnmatched() {
        aws.close();
        assertThat(server.findAllUnmatchedRequests()).isEmpty();
    }

    Verdict verify(Map<String, String> handles) {
        return VerifyIam.verify(aws, spec, handles, false, null, 4, 30_000,
                Provenance.start(Path.of("."), "dev-min", spec.image().tag(), spec.image().digest()));
    }

    static CheckResult check(Verdict verdict, String name) {
        return verdict.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void executionRoleAllowedNothingAndEachLaneExactlyItsOwnHandlesPasses() {
        Verdict verdict = verify(roles);

        assertThat(verdict.blockers()).isEmpty();
        assertThat(verdict.exitCode()).isZero();
        assertThat(verdict.toJson().get("execution_role_allowed_count").asInt()).isZero();
        // 15 lanes read the three Confluent handles, wsp, ig and probe-publish also the ingress key, probe-ingress only
        // the ingress key: 49 reads, two actions each
        assertThat(verdict.toJson().get("app_role_allowed_count").asInt()).isEqualTo(98);
        assertThat(check(verdict, "ROLE_LANE_IG").found()).containsExactlyInAnyOrder(
                "ssm:GetParameter on " + PARAMETER + "/devmin/dev_min/confluent/bootstrap",
                "ssm:GetParameters on " + PARAMETER + "/devmin/dev_min/confluent/bootstrap",
                "ssm:GetParameter on " + PARAMETER + "/devmin/dev_min/confluent/lanes/ig/api_key",
                "ssm:GetParameters on " + PARAMETER + "/devmin/dev_min/confluent/lanes/ig/api_key",
                "ssm:GetParameter on " + PARAMETER + "/devmin/dev_min/confluent/lanes/ig/api_secret",
                "ssm:GetParameters on " + PARAMETER + "/devmin/dev_min/confluent/lanes/ig/api_secret",
                "ssm:GetParameter on " + PARAMETER + "/devmin/dev_min/ig/api_key",
                "ssm:GetParameters on " + PARAMETER + "/devmin/dev_min/ig/api_key");
        assertThat(verdict.checks()).hasSize(21);
    }

    @Test
    void everyRoleIsAskedEveryActionOnEveryHandleAncestorAndTheCanary() {
        verify(roles);

        var requests = server.findAll(postRequestedFor(urlPathEqualTo("/")));
        assertThat(requests).hasSize(21);
        for (var request : requests) {
            var form = IamSimulator.form(request.getBodyAsString());
            assertThat(IamSimulator.members(form, "ResourceArns")).containsExactlyInAnyOrderElementsOf(PROBED);
            assertThat(IamSimulator.members(form, "ActionNames")).containsExactlyInAnyOrderElementsOf(ACTIONS);
        }
    }

    @Test
    void theVerdictStatesTheMatrixItProved() {
        var matrix = verify(roles).toJson().get("matrix");

        assertThat(matrix.get("principals").asInt()).isEqualTo(21);
        assertThat(matrix.get("actions").asInt()).isEqualTo(6);
        assertThat(matrix.get("resources").asInt()).isEqualTo(PROBED.size());
        assertThat(matrix.get("cells").asInt()).isEqualTo(21 * 6 * PROBED.size());
        assertThat(matrix.get("principals_proven").asInt()).isEqualTo(21);
    }

    @Test
    void theEarlierOneResultPerCellShapeIsReadToo() {
        simulator.perResourceResults = false;

        Verdict verdict = verify(roles);

        assertThat(verdict.blockers()).isEmpty();
        assertThat(verdict.toJson().get("app_role_allowed_count").asInt()).isEqualTo(98);
    }

    @Test
    void anExecutionRoleAllowedOneSecretIsABlockerEvenWhenTheAggregateDecisionIsADeny() {
        String canary = PARAMETER + "/devmin/dev_min/canary/devmin-verify-iam";
        simulator.grants.put(execution, Set.of("kms:Decrypt on " + canary));

        Verdict verdict = verify(roles);

        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(verdict.blockers()).singleElement().asString().contains(execution).contains("kms:Decrypt")
                .contains(canary);
        var json = verdict.toJson();
        assertThat(json.get("execution_role_allowed_count").asInt()).isEqualTo(1);
        assertThat(json.get("app_role_allowed_count").asInt()).isEqualTo(98);
        var role = json.at("/roles/ROLE_ECS_TASK_EXECUTION");
        assertThat(role.get("arn").asText()).isEqualTo(execution);
        assertThat(role.get("allowed_count").asInt()).isEqualTo(1);
        assertThat(role.get("allowed")).extracting(n -> n.asText()).containsExactly("kms:Decrypt on " + canary);
        assertThat(role.get("expected_count").asInt()).isZero();
        assertThat(json.at("/roles/ROLE_LANE_IG/expected_count").asInt()).isEqualTo(8);
        assertThat(json.get("actions")).extracting(n -> n.asText()).containsExactlyElementsOf(ACTIONS);
        assertThat(json.get("resources")).extracting(n -> n.asText()).containsExactlyInAnyOrderElementsOf(PROBED);
    }

    @Test
    void aLaneDeniedItsOwnHandleIsABlocker() {
        String ig = roles.get(HandleName.laneRole("ig"));
        Set<String> fewer = new HashSet<>(simulator.grants.get(ig));
        fewer.remove("ssm:GetParameter on " + PARAMETER + "/devmin/dev_min/ig/api_key");
        simulator.grants.put(ig, fewer);

        Verdict verdict = verify(roles);

        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(verdict.blockers()).singleElement().asString().contains(ig).contains("is denied")
                .contains("ssm:GetParameter on " + PARAMETER + "/devmin/dev_min/ig/api_key");
    }

    @Test
    void aLaneAllowedAnotherLanesHandleIsABlocker() {
        String sr = roles.get(HandleName.laneRole("sr"));
        Set<String> more = new HashSet<>(simulator.grants.get(sr));
        more.add("ssm:GetParameter on " + PARAMETER + "/devmin/dev_min/ig/api_key");
        simulator.grants.put(sr, more);

        assertThat(verify(roles).blockers()).singleElement().asString().contains(sr).contains("is allowed")
                .contains("/devmin/dev_min/ig/api_key");
    }

    @Test
    void aCellTheSimulationLeftOutIsUnverified() {
        simulator.corrupt = cells -> cells.subList(1, cells.size());

        Verdict verdict = verify(roles);

        assertThat(verdict.exitCode()).isEqualTo(2);
        assertThat(verdict.checks()).allSatisfy(c -> assertThat(c.status()).isEqualTo(CheckStatus.UNVERIFIED));
        assertThat(check(verdict, "ROLE_ECS_TASK_EXECUTION").found())
                .containsExactly("not evaluated: ssm:GetParameter on " + PARAMETER + "/devmin/dev_min/confluent/bootstrap");
        assertThat(verdict.toJson().get("matrix").get("principals_proven").asInt()).isZero();
    }

    @Test
    void aCellEvaluatedTwiceIsUnverified() {
        simulator.corrupt = cells -> {
            List<IamSimulator.Cell> twice = new ArrayList<>(cells);
            twice.add(cells.get(cells.size() - 1));
            return twice;
        };

        CheckResult execution = check(verify(roles), "ROLE_ECS_TASK_EXECUTION");

        assertThat(execution.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(execution.found()).containsExactly("evaluated 2 times: kms:Decrypt on " + PARAMETER
                + "/devmin/dev_min/canary/devmin-verify-iam");
    }

    @Test
    void aCellNobodyAskedForIsUnverified() {
        simulator.corrupt = cells -> {
            List<IamSimulator.Cell> more = new ArrayList<>(cells);
            more.add(new IamSimulator.Cell("kms:Decrypt", "*", "implicitDeny"));
            return more;
        };

        CheckResult execution = check(verify(roles), "ROLE_ECS_TASK_EXECUTION");

        assertThat(execution.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(execution.found()).containsExactly("evaluated but never asked: kms:Decrypt on *");
    }

    @Test
    void aDecisionThatIsNoneOfIamsThreeIsUnverified() {
        simulator.corrupt = cells -> cells.stream().map(c -> new IamSimulator.Cell(c.action(), c.resource(),
                "maybe")).toList();

        CheckResult execution = check(verify(roles), "ROLE_ECS_TASK_EXECUTION");

        assertThat(execution.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(execution.message()).contains("unreadable decision");
    }

    @Test
    void anEmptySimulationAnswerIsUnverifiedNotAnEmptyAllowList() {
        server.stubFor(query("SimulatePrincipalPolicy", "2010-05-08").atPriority(1)
                .withRequestBody(containing("PolicySourceArn=" + java.net.URLEncoder.encode(execution,
                        java.nio.charset.StandardCharsets.UTF_8)))
                .willReturn(xml("<SimulatePrincipalPolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                        + "<SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated></SimulatePrincipalPolicyResult>"
                        + "</SimulatePrincipalPolicyResponse>")));

        CheckResult result = check(verify(roles), "ROLE_ECS_TASK_EXECUTION");

        assertThat(result.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(result.message()).contains("iam:SimulatePrincipalPolicy").contains("EvaluationResults");
    }

    @Test
    void paginatedSimulationResultsAreAllRead() {
        simulator.perResourceResults = false;
        simulator.pageSize = 20;
        String canary = PARAMETER + "/devmin/dev_min/canary/devmin-verify-iam";
        simulator.grants.put(execution, Set.of("kms:Decrypt on " + canary));

        Verdict verdict = verify(roles);

        int pages = (ACTIONS.size() * PROBED.size() + 19) / 20;
        List<String> expectedCalls = new java.util.ArrayList<>(List.of("iam:SimulatePrincipalPolicy"));
        for (int page = 2; page <= pages; page++) {
            expectedCalls.add("iam:SimulatePrincipalPolicy (page " + page + ")");
        }
        assertThat(pages).isGreaterThan(2);
        assertThat(check(verdict, "ROLE_ECS_TASK_EXECUTION").apiCalls()).containsExactlyElementsOf(expectedCalls);
        assertThat(verdict.blockers()).singleElement().asString().contains(execution).contains("kms:Decrypt");
    }

    @Test
    void aMarkerHandedBackTwiceIsUnverifiedAtOnce() {
        server.stubFor(query("SimulatePrincipalPolicy", "2010-05-08").atPriority(1)
                .willReturn(xml(IamSimulator.response("", "same"))));

        CheckResult result = check(verify(roles), "ROLE_ECS_TASK_EXECUTION");

        assertThat(result.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(result.message()).contains("repeats the pagination token 'same'");
        assertThat(result.apiCalls()).containsExactly("iam:SimulatePrincipalPolicy",
                "iam:SimulatePrincipalPolicy (page 2)");
    }

    @Test
    void accessDeniedIsUnverified() {
        server.stubFor(query("SimulatePrincipalPolicy", "2010-05-08").atPriority(1)
                .withRequestBody(containing("lane-sr")).willReturn(aResponse()
                .withStatus(403).withBody("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                        + "<Message>not authorized</Message></Error></ErrorResponse>")));

        Verdict verdict = verify(roles);

        assertThat(verdict.exitCode()).isEqualTo(2);
        assertThat(verdict.blockers()).singleElement().asString().startsWith("UNVERIFIED ROLE_LANE_SR")
                .contains("access denied");
    }

    @Test
    void accessAnalyzerFindingAGrantInTheExecutionRolePolicyIsABlocker() {
        server.stubFor(query("ListRolePolicies", "2010-05-08").willReturn(xml(
                "<ListRolePoliciesResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ListRolePoliciesResult>"
                        + "<PolicyNames><member>ecs-execution-policy</member></PolicyNames><IsTruncated>false</IsTruncated>"
                        + "</ListRolePoliciesResult></ListRolePoliciesResponse>")));
        server.stubFor(query("GetRolePolicy", "2010-05-08").willReturn(xml(
                "<GetRolePolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><GetRolePolicyResult>"
                        + "<RoleName>devmin-dev-min-ecs-execution</RoleName><PolicyName>ecs-execution-policy</PolicyName>"
                        + "<PolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D</PolicyDocument>"
                        + "</GetRolePolicyResult></GetRolePolicyResponse>")));
        server.stubFor(post(urlPathMatching("/policy/check-access-not-granted")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"result\":\"FAIL\",\"message\":\"The policy document grants access to perform one or"
                        + " more of the listed actions.\",\"reasons\":[]}")));

        Verdict verdict = VerifyIam.verify(aws, spec, roles, true, aws.accessAnalyzer("eu-west-2"), 4, 30_000,
                Provenance.start(Path.of("."), "dev-min", spec.image().tag(), spec.image().digest()));

        assertThat(verdict.blockers()).singleElement().asString().contains("access-analyzer-execution-role")
                .contains("ecs-execution-policy");
        server.verify(postRequestedFor(urlPathMatching("/policy/check-access-not-granted"))
                .withRequestBody(containing("secretsmanager:GetSecretValue")));
        server.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=ListRolePolicies"))
                .withRequestBody(containing("RoleName=devmin-dev-min-ecs-execution")));
    }

    @Test
    void aRoleNamedInTheSpecButNeverMaterializedIsABlocker() {
        Map<String, String> partial = new LinkedHashMap<>(roles);
        partial.remove(HandleName.laneRole("ig"));

        Verdict verdict = verify(partial);

        assertThat(verdict.blockers()).anySatisfy(b -> assertThat(b).contains("never materialized")
                .contains("ROLE_LANE_IG"));
        assertThat(verdict.exitCode()).isEqualTo(1);
    }
}
