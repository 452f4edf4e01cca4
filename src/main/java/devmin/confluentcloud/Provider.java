package devmin.confluentcloud;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/**
 * The {@code confluentcloud} provider. With no credentials given, the plugin reads
 * {@code CONFLUENT_CLOUD_API_KEY}/{@code CONFLUENT_CLOUD_API_SECRET} from its environment.
 */
public final class Provider extends ProviderResource {

    public static final List<String> SECRET_OUTPUTS = List.of("cloudApiKey", "cloudApiSecret", "kafkaApiKey",
            "kafkaApiSecret", "schemaRegistryApiKey", "schemaRegistryApiSecret", "flinkApiKey", "flinkApiSecret",
            "tableflowApiKey", "tableflowApiSecret");

    public Provider(String name, Args args, CustomResourceOptions options) {
        super(ConfluentPackage.NAME, name, args, ConfluentPackage.options(options, SECRET_OUTPUTS), false);
    }

    // Pulumi's serializer reads the @Import fields by reflection; no Java code reads them.
    @SuppressWarnings("UnusedVariable")
    public static final class Args extends ResourceArgs {
        @Import(name = "cloudApiKey")
        private final Output<String> cloudApiKey;
        @Import(name = "cloudApiSecret")
        private final Output<String> cloudApiSecret;

        /** Credentials from the plugin's environment variables. */
        public static Args fromEnvironment() {
            return new Args(null, null);
        }

        /** Credentials from (secret) stack config; both always stay secrets. */
        public static Args withCloudApiKey(Output<String> key, Output<String> secret) {
            return new Args(key.asSecret(), secret.asSecret());
        }

        private Args(Output<String> key, Output<String> secret) {
            this.cloudApiKey = key;
            this.cloudApiSecret = secret;
        }
    }
}
