package devmin.confluentcloud;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/** One Kafka ACL (every input but the credentials replaces it on change). */
@ResourceType(type = KafkaAcl.TYPE)
public final class KafkaAcl extends CustomResource {

    public static final String TYPE = "confluentcloud:index/kafkaAcl:KafkaAcl";
    public static final List<String> SECRET_OUTPUTS = List.of("credentials");

    public KafkaAcl(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, ConfluentPackage.options(options, SECRET_OUTPUTS), false);
    }

    // Pulumi's serializer reads the @Import fields by reflection; no Java code reads them.
    @SuppressWarnings("UnusedVariable")
    public static final class Args extends ResourceArgs {
        @Import(name = "kafkaCluster")
        private final Output<Refs.IdRef> kafkaCluster;
        @Import(name = "resourceType", required = true)
        private final Output<String> resourceType;
        @Import(name = "resourceName", required = true)
        private final Output<String> resourceName;
        @Import(name = "patternType", required = true)
        private final Output<String> patternType;
        @Import(name = "principal", required = true)
        private final Output<String> principal;
        @Import(name = "host", required = true)
        private final Output<String> host;
        @Import(name = "operation", required = true)
        private final Output<String> operation;
        @Import(name = "permission", required = true)
        private final Output<String> permission;
        @Import(name = "restEndpoint")
        private final Output<String> restEndpoint;
        @Import(name = "credentials")
        private final Output<Refs.Credentials> credentials;

        /** An ALLOW ACL for any host (Confluent Cloud requires host {@code *}). */
        public static Args allow(String resourceType, String resourceName, String patternType, String operation,
                                 Output<String> principal, ClusterAccess access) {
            return new Args(resourceType, resourceName, patternType, operation, principal, access);
        }

        private Args(String resourceType, String resourceName, String patternType, String operation,
                     Output<String> principal, ClusterAccess access) {
            this.kafkaCluster = Output.of(new Refs.IdRef(access.clusterId()));
            this.resourceType = Output.of(resourceType);
            this.resourceName = Output.of(resourceName);
            this.patternType = Output.of(patternType);
            this.principal = principal;
            this.host = Output.of("*");
            this.operation = Output.of(operation);
            this.permission = Output.of("ALLOW");
            this.restEndpoint = access.restEndpoint();
            this.credentials = Output.of(new Refs.Credentials(access.key(), access.secret())).asSecret();
        }
    }
}
