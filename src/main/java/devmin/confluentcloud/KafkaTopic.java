package devmin.confluentcloud;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.List;
import java.util.Map;

/** A topic, managed through the cluster's REST endpoint with a cluster API key ("Option #1"). */
@ResourceType(type = KafkaTopic.TYPE)
public final class KafkaTopic extends CustomResource {

    public static final String TYPE = "confluentcloud:index/kafkaTopic:KafkaTopic";
    public static final List<String> SECRET_OUTPUTS = List.of("credentials");

    @Export(name = "topicName", refs = {String.class}, tree = "[0]")
    private Output<String> topicName;

    public KafkaTopic(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, ConfluentPackage.options(options, SECRET_OUTPUTS), false);
    }

    public Output<String> topicName() {
        return topicName;
    }

    // Pulumi's serializer reads the @Import fields by reflection; no Java code reads them.
    @SuppressWarnings("UnusedVariable")
    public static final class Args extends ResourceArgs {
        @Import(name = "topicName", required = true)
        private final Output<String> topicName;
        @Import(name = "partitionsCount")
        private final Output<Integer> partitionsCount;
        @Import(name = "config")
        private final Output<Map<String, String>> config;
        @Import(name = "kafkaCluster")
        private final Output<Refs.IdRef> kafkaCluster;
        @Import(name = "restEndpoint")
        private final Output<String> restEndpoint;
        @Import(name = "credentials")
        private final Output<Refs.Credentials> credentials;

        public Args(String topicName, int partitions, Map<String, String> config, ClusterAccess access) {
            this.topicName = Output.of(topicName);
            this.partitionsCount = Output.of(partitions);
            this.config = Output.of(Map.copyOf(config));
            this.kafkaCluster = Output.of(new Refs.IdRef(access.clusterId()));
            this.restEndpoint = access.restEndpoint();
            this.credentials = Output.of(new Refs.Credentials(access.key(), access.secret())).asSecret();
        }
    }
}
