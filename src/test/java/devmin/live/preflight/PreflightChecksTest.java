package devmin.live.preflight;

import devmin.testing.AwsTestEndpoint;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.aws.AwsClients;
import devmin.testing.CommittedHandles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;
import stacks.spec.TopicSpec;

import java.time.Duration;

import static devmin.live.AwsWire.json;
import static devmin.live.AwsWire.jsonBody;
import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Single preflight checks on WireMock answers, without a Kafka broker (ECR DescribeImages, SSM GetParameters with
 * InvalidParameters; API reference shapes): a tag ECR lists no image for is not the pinned image, missing Kafka
 * credentials are named, and the topics preflight proves are the catalog's.
 */
class PreflightChecksTest {

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
    void clients() {
        server.resetAll();
        aws = AwsTestEndpoint.clients(server.baseUrl(), 1, Duration.ofMillis(10));
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void aTagEcrListsNoImageForIsABlocker() {
        server.stubFor(json("AmazonEC2ContainerRegistry_V20150921.DescribeImages").willReturn(jsonBody(
                "{\"imageDetails\":[]}")));

        CheckResult image = new Preflight(aws, spec).image(log);

        assertThat(image.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(image.found()).containsExactly("tag " + spec.image().tag() + " is not in fraud-platform");
    }

    @Test
    void missingKafkaCredentialsAreNamedAndNoBrokerIsTried() {
        server.stubFor(json("AmazonSSM.GetParameters").willReturn(jsonBody("{\"Parameters\":[{\"Name\":\""
                + CommittedHandles.BOOTSTRAP + "\",\"Type\":\"SecureString\",\"Value\":\"SASL_SSL://localhost:1\"}],"
                + "\"InvalidParameters\":[\"" + CommittedHandles.PREFLIGHT_KEY + "\",\""
                + CommittedHandles.PREFLIGHT_SECRET + "\"]}")));

        CheckResult kafka = new Preflight(aws, spec).kafka(Preflight.kafka(Duration.ofSeconds(1)), "SASL_SSL", log);

        assertThat(kafka.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(kafka.found()).containsExactly("missing " + CommittedHandles.PREFLIGHT_KEY,
                "missing " + CommittedHandles.PREFLIGHT_SECRET);
        assertThat(kafka.apiCalls()).containsExactly("ssm:GetParameters");
    }

    @Test
    void preflightProvesEveryTopicOfTheCatalog() {
        assertThat(Preflight.catalogTopics(spec)).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(spec.topics().stream().map(TopicSpec::name).toList())
                .isSorted();
    }

    /** ECR refusing the read says nothing about the image: unverified, never "not in the repository". */
    @Test
    void anImageReadEcrRefusesIsUnverifiedNotAMissingImage() {
        server.stubFor(json("AmazonEC2ContainerRegistry_V20150921.DescribeImages").willReturn(
                devmin.live.AwsWire.jsonError(400, "AccessDeniedException")));

        assertThatThrownBy(() -> new Preflight(aws, spec).image(log)).isInstanceOf(CallLog.Unverified.class)
                .hasMessageContaining("ecr:DescribeImages");
    }
}
