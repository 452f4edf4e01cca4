package devmin.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Points the AWS SDK of this JVM at a test endpoint (WireMock, moto) with example credentials through the SDK's
 * system properties, and on {@link #close()} puts back exactly what was there before, so no test leaks its endpoint or
 * credentials into the next one in the same fork. A session token set by someone else is hidden meanwhile.
 */
public final class AwsTestEndpoint implements AutoCloseable {

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
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        return endpoint;
    }

    @Override
    public void close() {
        PROPERTIES.forEach(System::clearProperty);
        saved.forEach(System::setProperty);
    }
}
