package devmin.live.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import devmin.live.CallLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static devmin.live.AwsWire.json;
import static devmin.live.AwsWire.jsonBody;
import static org.assertj.core.api.Assertions.assertThat;

/** DescribeParameters takes at most 10 names per Name filter (SSM API reference, ParameterStringFilter.Values). */
class SsmParameterNamesTest {

    static WireMockServer server;

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @org.junit.jupiter.api.BeforeEach
    void reset() {
        server.resetAll();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void tenNamesAreOneFilter() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            names.add("/devmin/dev_min/q" + i);
        }
        server.stubFor(json("AmazonSSM.DescribeParameters").atPriority(1).withRequestBody(matchingJsonPath(
                "$.ParameterFilters[0].Values[9]", equalTo("/devmin/dev_min/q10"))).willReturn(jsonBody(
                "{\"Parameters\":[]}")));
        CallLog log = new CallLog();

        try (AwsClients aws = new AwsClients(new AwsSettings(Optional.of(URI.create(server.baseUrl())), 1,
                Duration.ofMillis(10), Duration.ofSeconds(10)))) {
            assertThat(SsmParameterNames.missing(aws.ssm("eu-west-2"), names, log)).hasSize(10);
        }
        assertThat(log.calls()).containsExactly("ssm:DescribeParameters");
    }

    @Test
    void twelveNamesAreAskedInTwoFiltersAndTheMissingOnesReturnedInOrder() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            names.add("/devmin/dev_min/p" + i);
        }
        server.stubFor(json("AmazonSSM.DescribeParameters").withRequestBody(matchingJsonPath(
                "$.ParameterFilters[0].Values[9]", equalTo("/devmin/dev_min/p10"))).willReturn(jsonBody(
                "{\"Parameters\":[{\"Name\":\"/devmin/dev_min/p1\"},{\"Name\":\"/devmin/dev_min/p3\"}]}")));
        server.stubFor(json("AmazonSSM.DescribeParameters").withRequestBody(matchingJsonPath(
                "$.ParameterFilters[0].Values[0]", equalTo("/devmin/dev_min/p11"))).willReturn(jsonBody(
                "{\"Parameters\":[{\"Name\":\"/devmin/dev_min/p12\"}]}")));
        CallLog log = new CallLog();

        try (AwsClients aws = new AwsClients(new AwsSettings(Optional.of(URI.create(server.baseUrl())), 1,
                Duration.ofMillis(10), Duration.ofSeconds(10)))) {
            List<String> missing = SsmParameterNames.missing(aws.ssm("eu-west-2"), names, log);

            assertThat(missing).containsExactly("/devmin/dev_min/p2", "/devmin/dev_min/p4", "/devmin/dev_min/p5",
                    "/devmin/dev_min/p6", "/devmin/dev_min/p7", "/devmin/dev_min/p8", "/devmin/dev_min/p9",
                    "/devmin/dev_min/p10", "/devmin/dev_min/p11");
        }
        assertThat(log.calls()).containsExactly("ssm:DescribeParameters", "ssm:DescribeParameters");
        server.verify(2, postRequestedFor(urlPathEqualTo("/")).withRequestBody(matchingJsonPath(
                "$.ParameterFilters[0].Values[0]", matching("/devmin/dev_min/p.*"))));
        server.verify(2, postRequestedFor(urlPathEqualTo("/")).withRequestBody(matchingJsonPath(
                "$.ParameterFilters[0].Key", equalTo("Name"))).withRequestBody(matchingJsonPath(
                "$.ParameterFilters[0].Option", equalTo("Equals"))));
        assertThat(server.findAllUnmatchedRequests()).isEmpty();
    }

    /** An answer that also lists a parameter not asked for gives no metadata for it. */
    @Test
    void theMetadataIsOfTheNamesAskedForOnly() {
        server.stubFor(json("AmazonSSM.DescribeParameters").willReturn(jsonBody("{\"Parameters\":["
                + "{\"Name\":\"/devmin/dev_min/ig/api_key\",\"Type\":\"SecureString\",\"Version\":2},"
                + "{\"Name\":\"/devmin/dev_min/other\",\"Type\":\"String\",\"Version\":1}]}")));

        try (AwsClients aws = new AwsClients(new AwsSettings(Optional.of(URI.create(server.baseUrl())), 1,
                Duration.ofMillis(10), Duration.ofSeconds(10)))) {
            assertThat(SsmParameterNames.metadata(aws.ssm("eu-west-2"), List.of("/devmin/dev_min/ig/api_key"),
                    new CallLog())).containsOnlyKeys("/devmin/dev_min/ig/api_key");
        }
    }
}
