package devmin.certify;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import devmin.live.CallLog;
import devmin.live.aws.AwsClients;
import devmin.testing.AwsTestEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verdicts read back from the evidence bucket (S3's ListObjectsV2 and GetObject wire answers served by WireMock): the
 * newest run folder of the kind's own file, not before {@code since}; nothing else under the prefix counts.
 */
class BucketEvidenceTest {

    static final String BUCKET = "devmin-dev-min-evidence-123456789012";
    static final String FOLDER = "evidence/dev_min/dev-min/plan/";
    static WireMockServer server;
    static AwsClients aws;
    static S3Client s3;

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        aws = AwsTestEndpoint.clients(server.baseUrl(), 1, Duration.ofMillis(5));
        s3 = aws.s3("eu-west-2");
    }

    @AfterAll
    static void stop() {
        aws.close();
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    static void listing(String... keys) {
        String contents = Arrays.stream(keys).map(k -> "<Contents><Key>" + k + "</Key><Size>2</Size></Contents>")
                .collect(Collectors.joining());
        server.stubFor(get(urlPathEqualTo("/" + BUCKET)).withQueryParam("list-type", equalTo("2"))
                .withQueryParam("prefix", equalTo(FOLDER))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/"
                                + "2006-03-01/\"><Name>" + BUCKET + "</Name><Prefix>" + FOLDER + "</Prefix><KeyCount>"
                                + keys.length + "</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
                                + contents + "</ListBucketResult>")));
    }

    static void object(String key, String body) {
        server.stubFor(get(urlPathEqualTo("/" + BUCKET + "/" + key)).willReturn(aResponse().withStatus(200)
                .withHeader("ETag", "\"e\"").withHeader("Content-Type", "application/json").withBody(body)));
    }

    BucketEvidence evidence() {
        return new BucketEvidence(s3, BUCKET, "dev_min", "dev-min");
    }

    @Test
    void theNewestRunFolderHoldingTheKindsOwnFileIsRead() {
        listing(FOLDER + "20261130T120000Z/plan_snapshot.json",
                FOLDER + "20261130T140000Z/plan_snapshot.json",
                FOLDER + "20261130T150000Z/plan.md",
                FOLDER + "/plan_snapshot.json",
                FOLDER + "20261130T160000Z/nested/plan_snapshot.json",
                "evidence/dev_min/other-stack/plan/20261130T170000Z/plan_snapshot.json");
        object(FOLDER + "20261130T140000Z/plan_snapshot.json", "{\"overall_pass\":true}");

        var stored = evidence().newest(VerdictKind.PLAN, "20261130T000000Z", new CallLog()).orElseThrow();

        assertThat(stored.key()).isEqualTo("s3://" + BUCKET + "/" + FOLDER + "20261130T140000Z/plan_snapshot.json");
        assertThat(stored.stamp()).isEqualTo("20261130T140000Z");
        assertThat(new String(stored.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"overall_pass\":true}");
    }

    @Test
    void aRunStampedExactlyAtSinceCountsAndAnEarlierOneDoesNot() {
        listing(FOLDER + "20261130T120000Z/plan_snapshot.json");
        object(FOLDER + "20261130T120000Z/plan_snapshot.json", "{}");

        assertThat(evidence().newest(VerdictKind.PLAN, "20261130T120000Z", new CallLog())).isPresent();
        assertThat(evidence().newest(VerdictKind.PLAN, "20261130T120001Z", new CallLog())).isEmpty();
        server.verify(1, getRequestedFor(urlPathEqualTo("/" + BUCKET + "/" + FOLDER
                + "20261130T120000Z/plan_snapshot.json")));
    }

    @Test
    void aFileOutsideARunFolderIsNoRunEvenWithoutALowerBound() {
        listing(FOLDER + "/plan_snapshot.json", FOLDER + "plan_snapshot.json");

        assertThat(evidence().newest(VerdictKind.PLAN, "", new CallLog())).isEmpty();
    }

    @Test
    void theSourceIsNamedS3() {
        assertThat(evidence().name()).isEqualTo("s3");
    }
}
