package devmin.live.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The two AWS Cloud Map reads the teardown proof needs, {@code GetNamespace} and {@code GetService}: does the namespace
 * or service with this id exist. The SDK's {@code servicediscovery} module is not served where devmin is built, so
 * this speaks Cloud Map's JSON 1.1 protocol itself (a SigV4-signed {@code POST /} with {@code X-Amz-Target:
 * Route53AutoNaming_v20170314.<operation>}) on the shared HTTP client and credentials. Interpret or refuse: a 200 must
 * carry the operation's result member naming the very id asked; {@code NamespaceNotFound} / {@code ServiceNotFound}
 * mean gone; anything else (access denied, throttling past the retries, a 5xx, an HTML page) is an
 * {@link software.amazon.awssdk.core.exception.SdkException} the caller reports as unverified.
 */
public final class CloudMapReads {

    /** What can be asked, with its result member and the error code that means "no such thing". */
    public enum Read {
        NAMESPACE("GetNamespace", "Namespace", "NamespaceNotFound"),
        SERVICE("GetService", "Service", "ServiceNotFound");

        private final String operation;
        private final String member;
        private final String notFound;

        Read(String operation, String member, String notFound) {
            this.operation = operation;
            this.member = member;
            this.notFound = notFound;
        }

        /** The IAM action, which is also the call's name in the call log. */
        public String action() {
            return "servicediscovery:" + operation;
        }
    }

    private static final String TARGET_PREFIX = "Route53AutoNaming_v20170314.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final String region;
    private final int maxAttempts;
    private final Duration baseDelay;

    CloudMapReads(SdkHttpClient http, AwsCredentialsProvider credentials, AwsSettings settings, String region) {
        this.http = http;
        this.credentials = credentials;
        this.endpoint = settings.endpoint().orElse(URI.create("https://servicediscovery." + region + ".amazonaws.com"));
        this.region = region;
        this.maxAttempts = Math.max(1, settings.maxAttempts());
        this.baseDelay = settings.baseDelay();
    }

    /** True when Cloud Map describes the namespace or service {@code id}; false when it says there is none. */
    public boolean exists(Read read, String id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return interpret(read, id, send(read, id));
            } catch (AwsServiceException e) {
                if (attempt >= maxAttempts || !retryable(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** One namespace as ListNamespaces summarizes it. */
    public record Namespace(String id, String name) {
    }

    /** The IAM action of {@link #namespaces(Runnable)}, also its name in the call log. */
    public static final String LIST_NAMESPACES = "servicediscovery:ListNamespaces";

    /**
     * Every namespace of the region (ListNamespaces, every page, each page counted in {@code pages}). A 200 without
     * the {@code Namespaces} array, or a page token given twice, is not an answer.
     */
    public java.util.List<Namespace> namespaces(Runnable pages) {
        java.util.List<Namespace> all = new java.util.ArrayList<>();
        java.util.Set<String> tokens = new java.util.HashSet<>();
        String token = null;
        do {
            var request = JSON.createObjectNode().put("MaxResults", 100);
            if (token != null) {
                request.put("NextToken", token);
            }
            pages.run();
            Answer answer = sendRetrying("ListNamespaces", request);
            JsonNode list = answer.json().map(j -> j.get("Namespaces")).orElse(null);
            if (list == null || !list.isArray()) {
                throw SdkClientException.create("ListNamespaces answered HTTP 200 without its 'Namespaces' member, so"
                        + " it cannot be read as an answer");
            }
            list.forEach(n -> all.add(new Namespace(n.path("Id").asText(), n.path("Name").asText())));
            JsonNode next = answer.json().get().get("NextToken");
            token = next != null && next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
            if (token != null && !tokens.add(token)) {
                throw SdkClientException.create("ListNamespaces repeats the pagination token '" + token
                        + "', so the listing would never end");
            }
        } while (token != null);
        return all;
    }

    private Answer sendRetrying(String operation, com.fasterxml.jackson.databind.node.ObjectNode request) {
        for (int attempt = 1; ; attempt++) {
            Answer answer = send(operation, request);
            if (answer.status() == 200) {
                return answer;
            }
            String code = answer.errorCode();
            AwsServiceException failure = AwsServiceException.builder().statusCode(answer.status())
                    .message(operation + ": HTTP " + answer.status() + (code.isEmpty() ? "" : " " + code))
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode(code.isEmpty() ? null : code)
                            .serviceName("ServiceDiscovery").build())
                    .build();
            if (attempt >= maxAttempts || !retryable(failure)) {
                throw failure;
            }
            pause(attempt);
        }
    }

    private boolean interpret(Read read, String id, Answer answer) {
        if (answer.status() == 200) {
            JsonNode described = answer.json().map(j -> j.path(read.member).path("Id")).orElse(null);
            if (described == null || !described.isTextual()) {
                throw SdkClientException.create(read.operation + " answered HTTP 200 without its '" + read.member
                        + "' member, so it cannot be read as an answer");
            }
            if (!described.asText().equals(id)) {
                throw SdkClientException.create(read.operation + " for " + id + " answered about "
                        + described.asText());
            }
            return true;
        }
        String code = answer.errorCode();
        if (answer.status() == 400 && code.equals(read.notFound)) {
            return false;
        }
        throw AwsServiceException.builder().statusCode(answer.status())
                .message(read.operation + ": HTTP " + answer.status() + (code.isEmpty() ? "" : " " + code))
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code.isEmpty() ? null : code)
                        .serviceName("ServiceDiscovery").build())
                .build();
    }

    private Answer send(Read read, String id) {
        return send(read.operation, JSON.createObjectNode().put("Id", id));
    }

    private Answer send(String operation, com.fasterxml.jackson.databind.node.ObjectNode json) {
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .encodedPath("/")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", TARGET_PREFIX + operation)
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "servicediscovery")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
            byte[] bytes = response.responseBody().map(CloudMapReads::readAll).orElse(new byte[0]);
            return new Answer(response.httpResponse().statusCode(), parse(bytes),
                    response.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(""));
        } catch (IOException e) {
            throw SdkClientException.create(operation + ": " + e.getMessage(), e);
        }
    }

    /** One HTTP answer: its status, its body when it is JSON, and the error type header when sent. */
    private record Answer(int status, Optional<JsonNode> json, String errorTypeHeader) {
        /** {@code __type} of the body or the header, without a namespace before {@code #} or details after ':'. */
        String errorCode() {
            String raw = json.map(j -> j.path("__type").asText("")).filter(t -> !t.isEmpty()).orElse(errorTypeHeader);
            String code = raw.contains("#") ? raw.substring(raw.indexOf('#') + 1) : raw;
            return code.contains(":") ? code.substring(0, code.indexOf(':')) : code;
        }
    }

    private static Optional<JsonNode> parse(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw SdkClientException.create("reading Cloud Map's answer: " + e.getMessage(), e);
        }
    }

    private static boolean retryable(AwsServiceException e) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? ""
                : e.awsErrorDetails().errorCode();
        return e.statusCode() >= 500 || e.statusCode() == 429 || AwsFailure.THROTTLING.contains(code);
    }

    private void pause(int attempt) {
        long millis = Math.min(5000, baseDelay.toMillis() << Math.min(attempt - 1, 10));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("interrupted while retrying Cloud Map", e);
        }
    }
}
