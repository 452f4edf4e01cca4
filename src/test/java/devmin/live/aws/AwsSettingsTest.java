package devmin.live.aws;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** AWS_ENDPOINT_URL points the checks at any AWS-compatible endpoint; blank means AWS. */
class AwsSettingsTest {

    @Test
    void theEndpointComesFromTheEnvironmentAndBlankMeansAws() {
        String saved = System.getProperty("aws.endpointUrl");
        System.clearProperty("aws.endpointUrl");
        try {
            assertThat(AwsSettings.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566")).endpoint())
                    .contains(URI.create("http://127.0.0.1:4566"));
            assertThat(AwsSettings.fromEnvironment(Map.of("AWS_ENDPOINT_URL", " ")).endpoint()).isEmpty();
            assertThat(AwsSettings.fromEnvironment(Map.of()).endpoint()).isEmpty();
            System.setProperty("aws.endpointUrl", "http://127.0.0.1:5000");
            assertThat(AwsSettings.fromEnvironment(Map.of()).endpoint()).contains(URI.create("http://127.0.0.1:5000"));
        } finally {
            System.clearProperty("aws.endpointUrl");
            if (saved != null) {
                System.setProperty("aws.endpointUrl", saved);
            }
        }
    }

    @Test
    void retriesAreBounded() {
        AwsSettings settings = AwsSettings.fromEnvironment(Map.of());
        assertThat(settings.maxAttempts()).isEqualTo(4);
        assertThat(settings.baseDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(20));
    }
}
