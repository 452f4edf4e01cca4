package stacks.confluent;

import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import devmin.confluentcloud.ApiKey;
import devmin.confluentcloud.ClusterAccess;
import devmin.confluentcloud.Environment;
import devmin.confluentcloud.KafkaAcl;
import devmin.confluentcloud.KafkaCluster;
import devmin.confluentcloud.KafkaTopic;
import devmin.confluentcloud.Provider;
import devmin.confluentcloud.RoleBinding;
import devmin.confluentcloud.ServiceAccount;
import stacks.Layer;
import stacks.LayerScope;
import stacks.handles.HandleName;
import stacks.handles.HandleRegistry;
import stacks.handles.SsmHandles;
import stacks.spec.LaneSpec;
import stacks.spec.EnvironmentSpec;
import stacks.spec.TopicSpec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The persistent, protected messaging plane: a Confluent environment with a Basic single-zone cluster; an app-manager
 * account (CloudClusterAdmin) whose cluster key manages topics and ACLs; one service account per Kafka lane, and one
 * for the preflight probe, each with exactly its ACLs and its key and secret written, as secrets, to its own SSM paths;
 * and the bootstrap ({@code host:port}, no scheme) at the shared path.
 */
public final class ConfluentStack extends ComponentResource {

    static final String PUBLISHER = "ConfluentStack";

    private final LayerScope scope;
    private final Provider confluent;

    public ConfluentStack(String name, ConfluentArgs args, ComponentResourceOptions options) {
        super(Layer.CONFLUENT.componentType(), name, options);
        EnvironmentSpec spec = args.spec();
        this.scope = new LayerScope(Layer.CONFLUENT, this, spec);
        this.confluent = new Provider(name + "-confluentcloud", args.cloudApiCredentials()
                .map(c -> Provider.Args.withCloudApiKey(c.key(), c.secret()))
                .orElseGet(Provider.Args::fromEnvironment), CustomResourceOptions.builder().parent(this).build());
        String prefix = "devmin-" + spec.environment().replace('_', '-');

        var environment = new Environment("environment", new Environment.Args(prefix), opts());
        var cluster = new KafkaCluster("kafka-cluster", KafkaCluster.Args.basicSingleZone(prefix,
                spec.confluent().cloud(), spec.confluent().region(), environment, false), opts());

        var manager = new ServiceAccount("app-manager", new ServiceAccount.Args(prefix + "-app-manager",
                "devmin: manages topics and ACLs of " + prefix), opts());
        var managerIsAdmin = new RoleBinding("app-manager-cluster-admin", new RoleBinding.Args(manager.principal(),
                "CloudClusterAdmin", cluster.rbacCrn()), opts());
        var managerKey = new ApiKey("app-manager-kafka-key", ApiKey.Args.kafkaClusterKey(prefix + "-app-manager",
                "devmin: topic and ACL management", manager, cluster, environment), opts(managerIsAdmin));
        ClusterAccess access = ClusterAccess.of(cluster, managerKey);

        Map<String, Resource> topics = new LinkedHashMap<>();
        for (TopicSpec topic : spec.topics()) {
            var declared = new KafkaTopic("topic-" + topic.name(), new KafkaTopic.Args(topic.name(),
                    topic.partitions(), Map.of("retention.ms", String.valueOf(topic.retentionMs()),
                    "cleanup.policy", topic.cleanupPolicy().kafkaValue()), access), opts(managerIsAdmin));
            args.handles().publish(HandleName.kafkaTopic(topic.name()), PUBLISHER, topic.name(), declared);
            topics.put(topic.name(), declared);
        }

        // One principal per Kafka lane, and one for the preflight probe: nobody can use another's ACLs.
        HandleRegistry handles = args.handles();
        var shared = new KafkaPrincipal.Cluster(cluster, environment, access, managerIsAdmin, prefix, scope, confluent);
        for (LaneSpec lane : spec.lanes()) {
            if (SsmHandles.kafkaLanes(spec).contains(lane.name())) {
                KafkaPrincipal.declare(shared, lane.name(), "Kafka principal of lane " + lane.name(),
                        AclPlan.forLane(lane), topics, SsmHandles.credentialPaths(spec.environment(), lane.name()),
                        handles, PUBLISHER);
            }
        }
        KafkaPrincipal.declare(shared, SsmHandles.PREFLIGHT, "devmin preflight's Kafka probe",
                AclPlan.forPreflight(spec), topics, SsmHandles.credentialPaths(spec.environment(),
                        SsmHandles.PREFLIGHT), handles, PUBLISHER);
        writeBootstrap(handles, cluster);
        registerOutputs(Map.of("kafkaClusterId", cluster.id(), "bootstrapEndpoint", cluster.bootstrapEndpoint()));
    }

    private CustomResourceOptions opts(Resource... dependsOn) {
        return scope.using(confluent, dependsOn);
    }

    /** Declares the shared bootstrap parameter under exactly the path core published, and materializes it. */
    private void writeBootstrap(HandleRegistry handles, KafkaCluster cluster) {
        String handle = HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH;
        Parameter parameter = new Parameter("ssm-confluent-bootstrap", ParameterArgs.builder()
                .name(handles.valueOf(handle, PUBLISHER))
                .type("SecureString")
                .tier("Standard")
                .value(cluster.bootstrapEndpoint().applyValue(BootstrapServers::hostPorts).asSecret())
                .description("devmin handle " + handle)
                .build(), scope.aws());
        handles.materialize(handle, PUBLISHER, parameter, cluster);
        handles.revise(handle, parameter.version().applyValue(String::valueOf));
    }
}
