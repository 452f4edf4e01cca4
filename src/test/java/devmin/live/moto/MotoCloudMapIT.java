package devmin.live.moto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsSettings;
import devmin.live.aws.CloudMapReads;
import devmin.testing.Moto;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * devmin's own Cloud Map reads against moto's implementation of the service: the wire, the result members and the
 * not-found codes are moto's, not ours. (moto's Tagging API does not list Cloud Map resources, so the teardown proof
 * cannot meet them end to end here; its branch for them is covered by these reads and the wire tests.)
 */
class MotoCloudMapIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    static Moto moto;

    @BeforeAll
    static void start() {
        moto = Moto.server();
    }

    @BeforeEach
    void reset() {
        moto.reset();
    }

    @Test
    void aNamespaceAndAServiceExistUntilDeleted() throws Exception {
        call("CreatePrivateDnsNamespace", "{\"Name\":\"devmin-dev-min.internal\",\"Vpc\":\"vpc-0123456789abcdef0\"}");
        String namespace = call("ListNamespaces", "{}").path("Namespaces").path(0).path("Id").asText();
        String service = call("CreateService", "{\"Name\":\"ig\",\"NamespaceId\":\"" + namespace + "\",\"DnsConfig\":"
                + "{\"DnsRecords\":[{\"Type\":\"A\",\"TTL\":10}]}}").path("Service").path("Id").asText();
        assertThat(namespace).startsWith("ns-");
        assertThat(service).startsWith("srv-");

        try (AwsClients aws = clients()) {
            CloudMapReads reads = aws.cloudMap(MotoAccount.REGION);
            assertThat(reads.exists(CloudMapReads.Read.NAMESPACE, namespace)).isTrue();
            assertThat(reads.exists(CloudMapReads.Read.SERVICE, service)).isTrue();

            call("DeleteService", "{\"Id\":\"" + service + "\"}");
            assertThat(reads.exists(CloudMapReads.Read.SERVICE, service)).isFalse();
            call("DeleteNamespace", "{\"Id\":\"" + namespace + "\"}");
            assertThat(reads.exists(CloudMapReads.Read.NAMESPACE, namespace)).isFalse();
        }
    }

    @Test
    void idsCloudMapNeverHadAreGone() {
        try (AwsClients aws = clients()) {
            CloudMapReads reads = aws.cloudMap(MotoAccount.REGION);
            assertThat(reads.exists(CloudMapReads.Read.NAMESPACE, "ns-aaaaaaaaaaaaaaaa")).isFalse();
            assertThat(reads.exists(CloudMapReads.Read.SERVICE, "srv-aaaaaaaaaaaaaaaa")).isFalse();
        }
    }

    private static AwsClients clients() {
        return new AwsClients(new AwsSettings(Optional.of(moto.endpoint()), 1, Duration.ofMillis(10),
                Duration.ofSeconds(10)), StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE",
                "moto")));
    }

    /** Seeds moto through Cloud Map's own JSON protocol (moto does not check signatures). */
    private static JsonNode call(String operation, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(moto.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "Route53AutoNaming_v20170314." + operation)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261130/" + MotoAccount.REGION
                        + "/servicediscovery/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(operation + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
