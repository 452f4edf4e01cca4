package devmin.testing;

import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Points the AWS SDK of this JVM at a test endpoint (WireMock, moto) with example credentials through the SDK's
 * system properties, and on {@link #close()} puts back exactly what was there before, so no test leaks its endpoint or
 * credentials into the next one in the same fork. A session token set by someone else is hidden meanwhile.
 */
public final class AwsTestEndpoint implements AutoCloseable {

    static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static final List<String> PROPERTIES = List.of("aws.accessKeyId", "aws.secretAccessKey",
            "aws.sessionToken", "aws.endpointUrl");

    private final Map<String, String> saved = new HashMap<>();

    private AwsTestEndpoint() {
        PROPERTIES.forEach(p -> {
            String value = System.getProperty(p);
            if (value != null) {
                saved.put(p, value);
            }
            System.clearProperty(p);
        });
    }

    /** Example credentials, and every client built from now on calls {@code endpointUrl}. */
    public static AwsTestEndpoint pointAt(String endpointUrl) {
        AwsTestEndpoint endpoint = credentialsOnly();
        System.setProperty("aws.endpointUrl", endpointUrl);
        return endpoint;
    }

    /** Example credentials only: each test names its endpoint itself. */
    public static AwsTestEndpoint credentialsOnly() {
        AwsTestEndpoint endpoint = new AwsTestEndpoint();
        System.setProperty("aws.accessKeyId", ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", SECRET_ACCESS_KEY);
        return endpoint;
    }

    /**
     * devmin's own clients ({@link AwsClients}) calling {@code endpointUrl} with the example credentials, without
     * touching system properties: {@code maxAttempts} per call, backing off from {@code baseDelay}.
     */
    public static AwsClients clients(String endpointUrl, int maxAttempts, Duration baseDelay) {
        return new AwsClients(new AwsSettings(Optional.of(URI.create(endpointUrl)), maxAttempts, baseDelay,
                Duration.ofSeconds(10)), StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID,
                SECRET_ACCESS_KEY)));
    }

    @Override
    public void close() {
        PROPERTIES.forEach(System::clearProperty);
        saved.forEach(System::setProperty);
    }
}
