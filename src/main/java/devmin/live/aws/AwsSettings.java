package devmin.live.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How live checks talk to AWS: the default credential chain, an optional endpoint ({@code AWS_ENDPOINT_URL}, so any
 * AWS-compatible endpoint works), bounded retries with exponential backoff, and a timeout per call.
 *
 * @param endpoint     endpoint override, or empty for AWS
 * @param maxAttempts  attempts per call including the first
 * @param baseDelay    first backoff delay (doubled per retry, with jitter)
 * @param callTimeout  the whole call including retries
 */
public record AwsSettings(Optional<URI> endpoint, int maxAttempts, Duration baseDelay, Duration callTimeout) {

    /** {@code AWS_ENDPOINT_URL} from the environment, or the {@code aws.endpointUrl} system property. */
    public static AwsSettings fromEnvironment(Map<String, String> env) {
        Optional<URI> endpoint = Optional.ofNullable(env.get("AWS_ENDPOINT_URL"))
                .or(() -> Optional.ofNullable(System.getProperty("aws.endpointUrl")))
                .filter(s -> !s.isBlank())
                .map(URI::create);
        return new AwsSettings(endpoint, 4, Duration.ofMillis(200), Duration.ofSeconds(20));
    }
}
