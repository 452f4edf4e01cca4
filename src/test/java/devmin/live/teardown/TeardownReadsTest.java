package devmin.live.teardown;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import devmin.live.AwsWire;
import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.aws.AwsClients;
import devmin.testing.AwsTestEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static devmin.live.AwsWire.json;
import static devmin.live.AwsWire.jsonBody;
import static devmin.live.AwsWire.query;
import static devmin.live.AwsWire.xml;
import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads of the teardown proof where an answer is about something else than what was asked, or an id cannot be used
 * (IAM API reference: GetRolePolicy, GetRole, ListRoles, NoSuchEntity vs AccessDenied; ECS DescribeClusters).
 */
class TeardownReadsTest {

    static final String BUCKET = "devmin-dev-min-evidence-123456789012";
    static final String DEMO = "urn:pulumi:dev-min::devmin::pulumi:pulumi:Stack$devmin:stacks:DemoStack$";
    static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    static WireMockServer server;
    static EnvironmentSpec spec;
    AwsClients aws;
    final CallLog log = new CallLog();

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        spec = SpecParser.parse(ConfigSource.of(committedConfig().values()), "devmin", "dev-min");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void clean() {
        server.resetAll();
        new AwsWire(server).cleanRegionAndIntactCore(BUCKET);
        aws = AwsTestEndpoint.clients(server.baseUrl(), 1, Duration.ofMillis(10));
    }

    @AfterEach
    void close() {
        aws.close();
    }

    static InventoryEntry entry(String type, String id) {
        return new InventoryEntry(DEMO + type + "::r", type, id, "", "eu-west-2");
    }

    CheckResult gone(InventoryEntry... entries) {
        return new InventoryGone(aws, "eu-west-2", "123456789012", List.of(entries)).gone(log);
    }

    static String iam(String action, String result) {
        return "<" + action + "Response xmlns=\"" + IAM_NS + "\"><" + action + "Result>" + result + "</" + action
                + "Result></" + action + "Response>";
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder accessDenied() {
        return aResponse().withStatus(403).withBody("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied"
                + "</Code><Message>not authorized</Message></Error></ErrorResponse>");
    }

    @Test
    void aRolePolicyAnswerNamingAnotherPolicyOrRoleDoesNotKeepTheAskedOnePresent() {
        server.stubFor(query("GetRolePolicy", "2010-05-08").willReturn(xml(iam("GetRolePolicy",
                "<RoleName>devmin-dev-min-lane-ig</RoleName><PolicyName>other-policy</PolicyName>"
                        + "<PolicyDocument>%7B%7D</PolicyDocument>"))));

        CheckResult result = gone(entry(ReadById.ROLE_POLICY, "devmin-dev-min-lane-ig:lane-policy"));

        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(result.apiCalls()).containsExactly("iam:GetRolePolicy");
    }

    @Test
    void aRolePolicyIdWithoutARoleOrWithoutAPolicyIsNotUsedToRead() {
        CheckResult result = gone(entry(ReadById.ROLE_POLICY, ":lane-policy"),
                entry(ReadById.ROLE_POLICY, "devmin-dev-min-lane-ig:"));

        assertThat(result.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(result.found()).containsExactly(
                "r (aws:iam/rolePolicy:RolePolicy) :lane-policy: the state gives no usable id",
                "r (aws:iam/rolePolicy:RolePolicy) devmin-dev-min-lane-ig:: the state gives no usable id");
        assertThat(result.apiCalls()).isEmpty();
    }

    @Test
    void capacityProvidersOfAnotherClusterInTheAnswerDoNotCountForThisOne() {
        server.stubFor(json("AmazonEC2ContainerServiceV20141113.DescribeClusters").willReturn(jsonBody(
                "{\"clusters\":[{\"clusterName\":\"other\",\"status\":\"ACTIVE\",\"capacityProviders\":"
                        + "[\"FARGATE_SPOT\"]},{\"clusterName\":\"devmin-dev-min\",\"status\":\"ACTIVE\","
                        + "\"capacityProviders\":[]}],\"failures\":[]}")));

        CheckResult result = gone(entry(ReadById.CLUSTER_CAPACITY_PROVIDERS, "devmin-dev-min"));

        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aPersistentRoleThatCannotBeReadIsUnverifiedNotReportedDeleted() {
        server.stubFor(query("GetRole", "2010-05-08").atPriority(1).willReturn(accessDenied()));

        assertThatThrownBy(() -> new CoreRetained(aws, TeardownTarget.of(spec)).roles(
                List.of("devmin-dev-min-gha-window"), log)).isInstanceOf(CallLog.Unverified.class)
                .hasMessageContaining("iam:GetRole");
    }

    @Test
    void aRoleTheStateHoldsOnlyAsAnotherKindOfResourceIsStillAStray() {
        server.stubFor(query("ListRoles", "2010-05-08").atPriority(1).willReturn(xml(iam("ListRoles", "<Roles>"
                + "<member><Path>/</Path><RoleName>devmin-dev-min-lane-ig</RoleName><RoleId>AROA</RoleId><Arn>"
                + "arn:aws:iam::123456789012:role/devmin-dev-min-lane-ig</Arn><CreateDate>2026-11-01T00:00:00Z"
                + "</CreateDate></member></Roles><IsTruncated>false</IsTruncated>"))));
        StateInventory state = new StateInventory("dev-min", List.of(entry("aws:iam/instanceProfile:InstanceProfile",
                "devmin-dev-min-lane-ig")), List.of());

        CheckResult result = new StrayRoles(aws, TeardownTarget.of(spec), Optional.of(state)).check(log);

        assertThat(result.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(result.found()).containsExactly("IAM role devmin-dev-min-lane-ig");
    }
}
