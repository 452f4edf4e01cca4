package devmin.confluentcloud;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/** A Kafka cluster; devmin only declares Basic single-zone clusters. */
@ResourceType(type = KafkaCluster.TYPE)
public final class KafkaCluster extends CustomResource {

    public static final String TYPE = "confluentcloud:index/kafkaCluster:KafkaCluster";
    public static final List<String> SECRET_OUTPUTS = List.of();

    @Export(name = "displayName", refs = {String.class}, tree = "[0]")
    private Output<String> displayName;
    @Export(name = "bootstrapEndpoint", refs = {String.class}, tree = "[0]")
    private Output<String> bootstrapEndpoint;
    @Export(name = "restEndpoint", refs = {String.class}, tree = "[0]")
    private Output<String> restEndpoint;
    @Export(name = "rbacCrn", refs = {String.class}, tree = "[0]")
    private Output<String> rbacCrn;
    @Export(name = "apiVersion", refs = {String.class}, tree = "[0]")
    private Output<String> apiVersion;
    @Export(name = "kind", refs = {String.class}, tree = "[0]")
    private Output<String> kind;

    public KafkaCluster(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, ConfluentPackage.options(options, SECRET_OUTPUTS), false);
    }

    public Output<String> displayName() {
        return displayName;
    }

    /** {@code SASL_SSL://pkc-…:9092}: what clients connect to. */
    public Output<String> bootstrapEndpoint() {
        return bootstrapEndpoint;
    }

    /** The cluster's REST endpoint, used to manage topics and ACLs. */
    public Output<String> restEndpoint() {
        return restEndpoint;
    }

    /** The CRN of cluster-scoped role bindings such as CloudClusterAdmin. */
    public Output<String> rbacCrn() {
        return rbacCrn;
    }

    public Output<String> apiVersion() {
        return apiVersion;
    }

    public Output<String> kind() {
        return kind;
    }

    // Pulumi's serializer reads the @Import fields by reflection; no Java code reads them.
    @SuppressWarnings("UnusedVariable")
    public static final class Args extends ResourceArgs {
        @Import(name = "displayName")
        private final Output<String> displayName;
        @Import(name = "availability", required = true)
        private final Output<String> availability;
        @Import(name = "cloud", required = true)
        private final Output<String> cloud;
        @Import(name = "region", required = true)
        private final Output<String> region;
        @Import(name = "environment", required = true)
        private final Output<Refs.IdRef> environment;
        @Import(name = "basic")
        private final Output<Refs.Basic> basic;
        @Import(name = "deletionProtection")
        private final Output<Boolean> deletionProtection;

        /** A Basic, single-zone cluster. */
        public static Args basicSingleZone(String displayName, String cloud, String region, Environment environment,
                                           boolean deletionProtection) {
            return new Args(displayName, "SINGLE_ZONE", cloud, region, environment, deletionProtection);
        }

        private Args(String displayName, String availability, String cloud, String region, Environment environment,
                     boolean deletionProtection) {
            this.displayName = Output.of(displayName);
            this.availability = Output.of(availability);
            this.cloud = Output.of(cloud);
            this.region = Output.of(region);
            this.environment = Output.of(new Refs.IdRef(environment.id()));
            this.basic = Output.of(new Refs.Basic());
            this.deletionProtection = Output.of(deletionProtection);
        }
    }
}
