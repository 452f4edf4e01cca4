package devmin.confluentcloud;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/** An API key owned by a service account; with a managed resource it is a Kafka cluster key. Its id is the key. */
@ResourceType(type = ApiKey.TYPE)
public final class ApiKey extends CustomResource {

    public static final String TYPE = "confluentcloud:index/apiKey:ApiKey";
    public static final List<String> SECRET_OUTPUTS = List.of("secret");

    @Export(name = "displayName", refs = {String.class}, tree = "[0]")
    private Output<String> displayName;
    @Export(name = "secret", refs = {String.class}, tree = "[0]")
    private Output<String> secret;

    public ApiKey(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, ConfluentPackage.options(options, SECRET_OUTPUTS), false);
    }

    public Output<String> displayName() {
        return displayName;
    }

    /** The API key string (the resource id), kept secret like the secret itself. */
    public Output<String> key() {
        return id().asSecret();
    }

    /** The API secret; always a Pulumi secret. */
    public Output<String> secret() {
        return secret.asSecret();
    }

    // Pulumi's serializer reads the @Import fields by reflection; no Java code reads them.
    @SuppressWarnings("UnusedVariable")
    public static final class Args extends ResourceArgs {
        @Import(name = "displayName")
        private final Output<String> displayName;
        @Import(name = "description")
        private final Output<String> description;
        @Import(name = "owner", required = true)
        private final Output<Refs.Owner> owner;
        @Import(name = "managedResource")
        private final Output<Refs.ManagedCluster> managedResource;

        /** A Kafka API key for {@code cluster}, owned by {@code account}. */
        public static Args kafkaClusterKey(String displayName, String description, ServiceAccount account,
                                           KafkaCluster cluster, Environment environment) {
            return new Args(displayName, description, new Refs.Owner(account),
                    new Refs.ManagedCluster(cluster, environment));
        }

        private Args(String displayName, String description, Refs.Owner owner, Refs.ManagedCluster managed) {
            this.displayName = Output.of(displayName);
            this.description = Output.of(description);
            this.owner = Output.of(owner);
            this.managedResource = Output.of(managed);
        }
    }
}
