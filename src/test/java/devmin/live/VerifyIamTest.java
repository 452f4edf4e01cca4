package devmin.live;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import devmin.evidence.Provenance;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsSettings;
import devmin.live.iam.SecretSurface;
import devmin.live.iam.VerifyIam;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import stacks.demo.DemoNames;
import stacks.handles.HandleName;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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

/** verify-iam against IAM's SimulatePrincipalPolicy wire responses served by WireMock. */
class VerifyIamTest {

    static WireMockServer server;
    static EnvironmentSpec spec;
    static Map<String, String> roles;
    static SecretSurface surface;
    AwsClients aws;

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        spec = SpecParser.parse(ConfigSource.of(committedConfig().values()), "devmin", "dev-min");
        DemoNames names = DemoNames.of(spec);
        roles = new LinkedHashMap<>();
        roles.put(HandleName.ROLE_ECS_TASK_EXECUTION, names.roleArn(names.executionRoleName()));
        spec.lanes().forEach(l -> roles.put(HandleName.laneRole(l.name()), names.roleArn(names.laneRoleName(l.name()))));
        surface = SecretSurface.of(spec, roles);
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        aws = new AwsClients(new AwsSettings(Optional.of(URI.create(server.baseUrl())), 3, Duration.ofMillis(10),
                Duration.ofSeconds(10)));
    }

    @AfterEach
    void noUnmatched() {
        aws.close();
        assertThat(server.findAllUnmatchedRequests()).isEmpty();
    }

    static String member(String cell, String decision) {
        String action = cell.substring(0, cell.indexOf(" on "));
        String resource = cell.substring(cell.indexOf(" on ") + 4);
        return "<member><EvalActionName>" + action + "</EvalActionName><EvalResourceName>" + resource
                + "</EvalResourceName><EvalDecision>" + decision + "</EvalDecision></member>";
    }

    static String simulation(String members, String marker) {
        return "<SimulatePrincipalPolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<SimulatePrincipalPolicyResult><IsTruncated>" + !marker.isEmpty() + "</IsTruncated>"
                + (marker.isEmpty() ? "" : "<Marker>" + marker + "</Marker>")
                + "<EvaluationResults>" + members + "</EvaluationResults></SimulatePrincipalPolicyResult>"
                + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></SimulatePrincipalPolicyResponse>";
    }

    /** Every role answers exactly what it is expected to be allowed (and one denial, as IAM lists those too). */
    static void answerAsExpected() {
        surface.expectedAllowed().forEach((role, allowed) -> {
            StringBuilder members = new StringBuilder();
            allowed.forEach(cell -> members.append(member(cell, "allowed")));
            members.append(member(SecretSurface.cell("kms:Decrypt", surface.resources().get(0)), "implicitDeny"));
            server.stubFor(simulate(role).atPriority(10).willReturn(xml(simulation(members.toString(), ""))));
        });
    }

    static com.github.tomakehurst.wiremock.client.MappingBuilder simulate(String role) {
        return query("SimulatePrincipalPolicy", "2010-05-08")
                .withRequestBody(containing("PolicySourceArn=" + URLEncoder.encode(role, StandardCharsets.UTF_8)));
    }

    Verdict verify(Map<String, String> handles) {
        return VerifyIam.verify(aws, spec, handles, false, null, 4, 30_000,
                Provenance.start(Path.of("."), "dev-min", spec.image().tag(), spec.image().digest()));
    }

    @Test
    void executionRoleAllowedNothingAndEachLaneExactlyItsOwnHandlesPasses() {
        answerAsExpected();

        Verdict verdict = verify(roles);

        assertThat(verdict.blockers()).isEmpty();
        assertThat(verdict.toJson().get("execution_role_allowed_count").asInt()).isZero();
        int expectedLaneCells = spec.lanes().stream().mapToInt(l -> l.reads().size() * 2).sum();
        assertThat(verdict.toJson().get("app_role_allowed_count").asInt()).isEqualTo(expectedLaneCells);
        assertThat(verdict.checks()).hasSize(spec.lanes().size() + 1);
    }

    @Test
    void oneUnexpectedAllowIsABlockerNamingRoleActionAndResource() {
        answerAsExpected();
        String execution = roles.get(HandleName.ROLE_ECS_TASK_EXECUTION);
        String canary = surface.resources().get(surface.resources().size() - 1);
        server.stubFor(simulate(execution).atPriority(1).willReturn(xml(simulation(
                member(SecretSurface.cell("kms:Decrypt", canary), "allowed"), ""))));

        Verdict verdict = verify(roles);

        assertThat(verdict.exitCode()).isEqualTo(1);
        assertThat(verdict.blockers()).singleElement().asString().contains(execution).contains("kms:Decrypt")
                .contains(canary);
    }

    @Test
    void paginatedSimulationResultsAreAllRead() {
        answerAsExpected();
        String ig = roles.get(HandleName.laneRole("ig"));
        Set<String> igExpected = surface.expectedAllowed().get(ig);
        List<String> cells = List.copyOf(igExpected);
        server.stubFor(simulate(ig).atPriority(1).withRequestBody(notContaining("Marker"))
                .willReturn(xml(simulation(member(cells.get(0), "allowed"), "page-2"))));
        StringBuilder rest = new StringBuilder();
        cells.subList(1, cells.size()).forEach(c -> rest.append(member(c, "allowed")));
        rest.append(member(SecretSurface.cell("ssm:GetParametersByPath", surface.resources().get(0)), "allowed"));
        server.stubFor(simulate(ig).atPriority(1).withRequestBody(containing("Marker=page-2"))
                .willReturn(xml(simulation(rest.toString(), ""))));

        Verdict verdict = verify(roles);

        assertThat(verdict.blockers()).singleElement().asString().contains(ig).contains("ssm:GetParametersByPath");
    }

    @Test
    void accessDeniedIsUnverified() {
        answerAsExpected();
        server.stubFor(simulate(roles.get(HandleName.laneRole("sr"))).atPriority(1).willReturn(aResponse()
                .withStatus(403).withBody("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                        + "<Message>not authorized</Message></Error></ErrorResponse>")));

        Verdict verdict = verify(roles);

        assertThat(verdict.exitCode()).isEqualTo(2);
        assertThat(verdict.blockers()).singleElement().asString().startsWith("UNVERIFIED").contains("access denied");
    }

    @Test
    void accessAnalyzerFindingAGrantInTheExecutionRolePolicyIsABlocker() {
        answerAsExpected();
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
    }

    @Test
    void aRoleNamedInTheSpecButNeverMaterializedIsABlocker() {
        answerAsExpected();
        Map<String, String> partial = new LinkedHashMap<>(roles);
        partial.remove(HandleName.laneRole("ig"));

        Verdict verdict = verify(partial);

        assertThat(verdict.blockers()).anySatisfy(b -> assertThat(b).contains("never materialized")
                .contains("ROLE_LANE_IG"));
        server.resetRequests();
    }
}
