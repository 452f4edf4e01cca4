package devmin.confluentcloud;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * The small nested input objects the provider's schema uses, in one place: {@code {id}} references and
 * {@code {key, secret}} Kafka credentials share one wire shape across resources.
 */
public final class Refs {

    private Refs() {
    }

    /** {@code {id}}: KafkaClusterEnvironment, ApiKeyManagedResourceEnvironment, KafkaTopicKafkaCluster, KafkaAclKafkaCluster. */
    public static final class IdRef extends ResourceArgs {
        @Import(name = "id", required = true)
        private final Output<String> id;

        public IdRef(Output<String> id) {
            this.id = id;
        }

        public Output<String> id() {
            return id;
        }
    }

    /** {@code {key, secret}}: KafkaTopicCredentials and KafkaAclCredentials; both fields are secrets. */
    // Pulumi's serializer reads the @Import fields by reflection; no Java code reads them.
    @SuppressWarnings("UnusedVariable")
    public static final class Credentials extends ResourceArgs {
        @Import(name = "key", required = true)
        private final Output<String> key;
        @Import(name = "secret", required = true)
        private final Output<String> secret;

        public Credentials(Output<String> key, Output<String> secret) {
            this.key = key.asSecret();
            this.secret = secret.asSecret();
        }
    }

    /** {@code {}} with an optional {@code maxEcku}: KafkaClusterBasic. Sending the empty object selects a Basic cluster. */
    public static final class Basic extends ResourceArgs {
    }

    /** {@code {id, apiVersion, kind}}: ApiKeyOwner, copied from a ServiceAccount's outputs. */
    // Pulumi's serializer reads the @Import fields by reflection; no Java code reads them.
    @SuppressWarnings("UnusedVariable")
    public static final class Owner extends ResourceArgs {
        @Import(name = "id", required = true)
        private final Output<String> id;
        @Import(name = "apiVersion", required = true)
        private final Output<String> apiVersion;
        @Import(name = "kind", required = true)
        private final Output<String> kind;

        public Owner(ServiceAccount account) {
            this.id = account.id();
            this.apiVersion = account.apiVersion();
            this.kind = account.kind();
        }
    }

    /** {@code {id, apiVersion, kind, environment: {id}}}: ApiKeyManagedResource for a Kafka cluster key. */
    // Pulumi's serializer reads the @Import fields by reflection; no Java code reads them.
    @SuppressWarnings("UnusedVariable")
    public static final class ManagedCluster extends ResourceArgs {
        @Import(name = "id", required = true)
        private final Output<String> id;
        @Import(name = "apiVersion", required = true)
        private final Output<String> apiVersion;
        @Import(name = "kind", required = true)
        private final Output<String> kind;
        @Import(name = "environment")
        private final Output<IdRef> environment;

        public ManagedCluster(KafkaCluster cluster, Environment environment) {
            this.id = cluster.id();
            this.apiVersion = cluster.apiVersion();
            this.kind = cluster.kind();
            this.environment = Output.of(new IdRef(environment.id()));
        }
    }
}
