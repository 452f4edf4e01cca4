package stacks.confluent;

import com.pulumi.core.Output;
import stacks.handles.HandleRegistry;
import stacks.spec.EnvironmentSpec;

import java.util.Optional;

/**
 * What the Confluent layer is built from.
 *
 * @param cloudApiCredentials the Cloud API key and secret from secret stack config, or empty to let the provider read
 *                            {@code CONFLUENT_CLOUD_API_KEY}/{@code CONFLUENT_CLOUD_API_SECRET}
 */
public record ConfluentArgs(EnvironmentSpec spec, HandleRegistry handles,
                            Optional<CloudApiCredentials> cloudApiCredentials) {

    public record CloudApiCredentials(Output<String> key, Output<String> secret) {
    }
}
