package devmin.live.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import devmin.testing.AwsTestEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cloud Map's JSON 1.1 wire (AWS Cloud Map API Reference: GetNamespace and GetService, {@code Namespace} and
 * {@code Service} result members, {@code NamespaceNotFound} and {@code ServiceNotFound} errors).
 */
class CloudMapReadsTest {

    private static final String TARGET = "Route53AutoNaming_v20170314.";
    static WireMockServer server;

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aNamespaceCloudMapDescribesExistsAndTheRequestIsSignedForCloudMap() {
        answer("GetNamespace", 200, "{\"Namespace\":{\"Id\":\"ns-abc\",\"Name\":\"devmin-dev-min.internal\"}}");

        assertThat(exists(CloudMapReads.Read.NAMESPACE, "ns-abc", 1)).isTrue();

        server.verify(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET + "GetNamespace"))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/eu-west-2/"
                        + "servicediscovery/aws4_request, .*"))
                .withRequestBody(equalToJson("{\"Id\":\"ns-abc\"}")));
    }

    @Test
    void aRoleSessionsTokenIsSignedAndSent() {
        answer("GetService", 200, "{\"Service\":{\"Id\":\"srv-1\"}}");
        var session = StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIAEXAMPLE", "secret",
                "session-token-from-sts"));
        try (AwsClients aws = new AwsClients(new AwsSettings(Optional.of(URI.create(server.baseUrl())), 1,
                Duration.ofMillis(5), Duration.ofSeconds(10)), session)) {
            assertThat(aws.cloudMap("eu-west-2").exists(CloudMapReads.Read.SERVICE, "srv-1")).isTrue();
        }

        server.verify(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Security-Token", equalTo("session-token-from-sts"))
                .withHeader("Authorization", matching(".*SignedHeaders=[^,]*x-amz-security-token.*")));
    }

    @Test
    void notFoundMeansGoneWhetherTheTypeIsQualifiedOrNot() {
        answer("GetService", 400, "{\"__type\":\"ServiceNotFound\",\"Message\":\"no such service\"}");
        assertThat(exists(CloudMapReads.Read.SERVICE, "srv-1", 1)).isFalse();

        server.resetAll();
        answer("GetNamespace", 400, "{\"__type\":\"com.amazonaws.servicediscovery#NamespaceNotFound\"}");
        assertThat(exists(CloudMapReads.Read.NAMESPACE, "ns-1", 1)).isFalse();
    }

    @Test
    void theOtherKindsNotFoundIsNotAnAnswer() {
        answer("GetService", 400, "{\"__type\":\"NamespaceNotFound\"}");

        assertThatThrownBy(() -> exists(CloudMapReads.Read.SERVICE, "srv-1", 1))
                .isInstanceOf(SdkException.class).satisfies(e ->
                        assertThat(AwsFailure.hasCode((SdkException) e, "NamespaceNotFound")).isTrue());
    }

    @Test
    void accessDeniedIsAFailureWithItsCode() {
        answer("GetNamespace", 400, "{\"__type\":\"AccessDeniedException\",\"Message\":\"not authorized\"}");

        assertThatThrownBy(() -> exists(CloudMapReads.Read.NAMESPACE, "ns-1", 1)).isInstanceOf(SdkException.class)
                .satisfies(e -> assertThat(AwsFailure.describe((SdkException) e)).contains("access denied"))
                .hasMessageContaining("GetNamespace: HTTP 400 AccessDeniedException");
    }

    @Test
    void anOkWithoutTheResultMemberOrAboutAnotherIdIsRefused() {
        answer("GetNamespace", 200, "");
        assertThatThrownBy(() -> exists(CloudMapReads.Read.NAMESPACE, "ns-1", 1))
                .isInstanceOf(SdkClientException.class).hasMessageContaining("'Namespace'");

        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>proxy login</html>")));
        assertThatThrownBy(() -> exists(CloudMapReads.Read.SERVICE, "srv-1", 1))
                .isInstanceOf(SdkClientException.class).hasMessageContaining("'Service'");

        server.resetAll();
        answer("GetService", 200, "{\"Service\":{\"Id\":\"srv-2\"}}");
        assertThatThrownBy(() -> exists(CloudMapReads.Read.SERVICE, "srv-1", 1))
                .isInstanceOf(SdkClientException.class).hasMessageContaining("srv-2");
    }

    @Test
    void aServerErrorIsRetriedUpToTheAttemptsAndThenAFailure() {
        server.stubFor(post(urlPathEqualTo("/")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("{\"__type\":\"ServiceUnavailable\"}"))
                .willSetStateTo("recovered"));
        server.stubFor(post(urlPathEqualTo("/")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody("{\"Service\":{\"Id\":\"srv-1\"}}")));
        assertThat(exists(CloudMapReads.Read.SERVICE, "srv-1", 2)).isTrue();

        server.resetAll();
        answer("GetService", 503, "{\"__type\":\"ServiceUnavailable\"}");
        assertThatThrownBy(() -> exists(CloudMapReads.Read.SERVICE, "srv-1", 3)).isInstanceOf(SdkException.class)
                .satisfies(e -> assertThat(AwsFailure.describe((SdkException) e)).contains("HTTP 503"));
        server.verify(3, postRequestedFor(urlPathEqualTo("/")));
    }

    @Test
    void throttlingAndA500AreRetriedAccessDeniedIsNot() {
        assertThat(attemptsOnFailure(400, "{\"__type\":\"ThrottlingException\"}", 2)).isEqualTo(2);
        assertThat(attemptsOnFailure(429, "", 2)).isEqualTo(2);
        assertThat(attemptsOnFailure(500, "{\"__type\":\"InternalFailure\"}", 2)).isEqualTo(2);
        assertThat(attemptsOnFailure(400, "{\"__type\":\"AccessDeniedException\"}", 3)).isEqualTo(1);
    }

    /** How many requests a read makes before it fails, when every answer is {@code status} with {@code body}. */
    private static int attemptsOnFailure(int status, String body, int maxAttempts) {
        server.resetAll();
        answer("GetService", status, body);
        assertThatThrownBy(() -> exists(CloudMapReads.Read.SERVICE, "srv-1", maxAttempts))
                .isInstanceOf(SdkException.class);
        return server.countRequestsMatching(postRequestedFor(urlPathEqualTo("/")).build()).getCount();
    }

    @Test
    void retriesBackOffDoublingFromTheBaseDelay() {
        answer("GetNamespace", 503, "");
        long start = System.nanoTime();
        try (AwsClients aws = AwsTestEndpoint.clients(server.baseUrl(), 3, Duration.ofMillis(200))) {
            assertThatThrownBy(() -> aws.cloudMap("eu-west-2").exists(CloudMapReads.Read.NAMESPACE, "ns-1"))
                    .isInstanceOf(SdkException.class);
        }
        // three attempts: 200 ms after the first, 400 ms after the second
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void notFoundCountsOnlyAsCloudMapSendsIt() {
        answer("GetNamespace", 404, "{\"__type\":\"NamespaceNotFound\"}");
        assertThatThrownBy(() -> exists(CloudMapReads.Read.NAMESPACE, "ns-1", 1)).isInstanceOf(SdkException.class)
                .satisfies(e -> assertThat(AwsFailure.describe((SdkException) e)).contains("HTTP 404"));

        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("x-amzn-ErrorType", "ServiceNotFound:http://internal.amazon.com/").withBody("{}")));
        assertThat(exists(CloudMapReads.Read.SERVICE, "srv-1", 1)).isFalse();
    }

    /** AWS Cloud Map API Reference, ListNamespaces: {@code Namespaces} and {@code NextToken}, MaxResults up to 100. */
    @Test
    void everyPageOfNamespacesIsListedAndEachPageCounted() {
        server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "ListNamespaces"))
                .withRequestBody(equalToJson("{\"MaxResults\":100}")).willReturn(aResponse().withStatus(200)
                        .withBody("{\"Namespaces\":[{\"Id\":\"ns-1\",\"Name\":\"a.internal\"}],\"NextToken\":\"t2\"}")));
        server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "ListNamespaces"))
                .withRequestBody(equalToJson("{\"MaxResults\":100,\"NextToken\":\"t2\"}")).willReturn(aResponse()
                        .withStatus(200).withBody("{\"Namespaces\":[{\"Id\":\"ns-2\",\"Name\":\"b.internal\"}]}")));
        int[] pages = {0};

        try (AwsClients aws = AwsTestEndpoint.clients(server.baseUrl(), 1, Duration.ofMillis(5))) {
            assertThat(aws.cloudMap("eu-west-2").namespaces(() -> pages[0]++)).containsExactly(
                    new CloudMapReads.Namespace("ns-1", "a.internal"), new CloudMapReads.Namespace("ns-2", "b.internal"));
        }
        assertThat(pages[0]).isEqualTo(2);
    }

    @Test
    void aListingWithoutItsNamespacesOrRepeatingItsTokenIsNoAnswer() {
        answer("ListNamespaces", 200, "{\"Items\":[]}");
        try (AwsClients aws = AwsTestEndpoint.clients(server.baseUrl(), 1, Duration.ofMillis(5))) {
            assertThatThrownBy(() -> aws.cloudMap("eu-west-2").namespaces(() -> { }))
                    .isInstanceOf(SdkClientException.class).hasMessageContaining("without its 'Namespaces' member");
        }

        answer("ListNamespaces", 200, "{\"Namespaces\":[],\"NextToken\":\"same\"}");
        try (AwsClients aws = AwsTestEndpoint.clients(server.baseUrl(), 1, Duration.ofMillis(5))) {
            assertThatThrownBy(() -> aws.cloudMap("eu-west-2").namespaces(() -> { }))
                    .isInstanceOf(SdkClientException.class).hasMessageContaining("repeats the pagination token 'same'");
        }
    }

    @Test
    void aListingRefusedIsAServiceErrorNamingItsCode() {
        answer("ListNamespaces", 400, "{\"__type\":\"AccessDeniedException\",\"Message\":\"no\"}");
        try (AwsClients aws = AwsTestEndpoint.clients(server.baseUrl(), 1, Duration.ofMillis(5))) {
            assertThatThrownBy(() -> aws.cloudMap("eu-west-2").namespaces(() -> { }))
                    .isInstanceOf(SdkException.class).hasMessageContaining("AccessDeniedException");
        }
    }

    /** ListNamespaces is retried as the reads are: throttling and a 5xx up to the attempts, a refusal never. */
    @Test
    void aListingIsRetriedOnThrottlingAndServerErrorsUpToTheAttemptsButNotOnARefusal() {
        server.stubFor(post(urlPathEqualTo("/")).inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withBody("{\"__type\":\"ThrottlingException\"}"))
                .willSetStateTo("answered"));
        server.stubFor(post(urlPathEqualTo("/")).inScenario("throttled").whenScenarioStateIs("answered")
                .willReturn(aResponse().withStatus(200).withBody("{\"Namespaces\":[{\"Id\":\"ns-1\",\"Name\":"
                        + "\"a.internal\"}]}")));
        assertThat(namespaces(2)).containsExactly(new CloudMapReads.Namespace("ns-1", "a.internal"));

        server.resetAll();
        answer("ListNamespaces", 503, "{\"__type\":\"ServiceUnavailable\"}");
        assertThatThrownBy(() -> namespaces(3)).isInstanceOf(SdkException.class).hasMessageContaining("HTTP 503");
        server.verify(3, postRequestedFor(urlPathEqualTo("/")));

        server.resetAll();
        answer("ListNamespaces", 400, "{\"__type\":\"AccessDeniedException\"}");
        assertThatThrownBy(() -> namespaces(3)).isInstanceOf(SdkException.class)
                .satisfies(e -> assertThat(AwsFailure.hasCode((SdkException) e, "AccessDeniedException")).isTrue());
        server.verify(1, postRequestedFor(urlPathEqualTo("/")));
    }

    private static java.util.List<CloudMapReads.Namespace> namespaces(int attempts) {
        try (AwsClients aws = AwsTestEndpoint.clients(server.baseUrl(), attempts, Duration.ofMillis(5))) {
            return aws.cloudMap("eu-west-2").namespaces(() -> { });
        }
    }

    private static void answer(String operation, int status, String body) {
        server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", containing(operation))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(body)));
    }

    private static boolean exists(CloudMapReads.Read read, String id, int attempts) {
        try (AwsClients aws = AwsTestEndpoint.clients(server.baseUrl(), attempts, Duration.ofMillis(5))) {
            return aws.cloudMap("eu-west-2").exists(read, id);
        }
    }
}
