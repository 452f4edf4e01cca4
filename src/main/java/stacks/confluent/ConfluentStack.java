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
import stacks.spec.EnvironmentSpec;
import stacks.spec.TopicSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The persistent, protected messaging plane: a Confluent environment with a Basic single-zone cluster; an app-manager
 * account (CloudClusterAdmin) whose cluster key manages topics and ACLs; a runtime account with least-privilege ACLs
 * whose bootstrap ({@code host:port}, no scheme), key and secret are written, as secrets, to the core layer's SSM
 * handle paths.
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

        List<Resource> topics = new ArrayList<>();
        for (TopicSpec topic : spec.topics()) {
            var declared = new KafkaTopic("topic-" + topic.name(), new KafkaTopic.Args(topic.name(),
                    topic.partitions(), Map.of("retention.ms", String.valueOf(topic.retentionMs()),
                    "cleanup.policy", topic.cleanupPolicy().kafkaValue()), access), opts(managerIsAdmin));
            args.handles().publish(HandleName.kafkaTopic(topic.name()), PUBLISHER, topic.name(), declared);
            topics.add(declared);
        }

        var runtime = new ServiceAccount("runtime", new ServiceAccount.Args(prefix + "-runtime",
                "devmin: the lanes' Kafka principal, ACLs only"), opts());
        var runtimeKey = new ApiKey("runtime-kafka-key", ApiKey.Args.kafkaClusterKey(prefix + "-runtime",
                "devmin: lanes' Kafka credentials", runtime, cluster, environment), opts());
        List<Resource> acls = new ArrayList<>();
        for (AclGrant grant : AclPlan.union(spec)) {
            acls.add(new KafkaAcl(grant.logicalName(), KafkaAcl.Args.allow(grant.resourceType(), grant.resourceName(),
                    grant.patternType(), grant.operation(), runtime.principal(), access), opts(managerIsAdmin)));
        }

        // A lane that reads these handles can use them only once the credentials, its ACLs and its topics exist.
        HandleRegistry handles = args.handles();
        List<Resource> usable = new ArrayList<>(List.of(runtimeKey));
        usable.addAll(acls);
        usable.addAll(topics);
        writeHandle(handles, HandleName.SSM_CONFLUENT_BOOTSTRAP_PATH,
                cluster.bootstrapEndpoint().applyValue(BootstrapServers::hostPorts), List.of(cluster));
        writeHandle(handles, HandleName.SSM_CONFLUENT_API_KEY_PATH, runtimeKey.key(), usable);
        writeHandle(handles, HandleName.SSM_CONFLUENT_API_SECRET_PATH, runtimeKey.secret(), usable);
        registerOutputs(Map.of("kafkaClusterId", cluster.id(), "bootstrapEndpoint", cluster.bootstrapEndpoint()));
    }

    private CustomResourceOptions opts(Resource... dependsOn) {
        return scope.using(confluent, dependsOn);
    }

    /**
     * Declares the SSM parameter under exactly the path core published for this handle, and materializes the handle
     * with it and with what makes its value usable.
     */
    private void writeHandle(HandleRegistry handles, String handle, Output<String> value, List<Resource> usable) {
        Output<String> path = handles.valueOf(handle, PUBLISHER);
        Parameter parameter = new Parameter(handle.replaceFirst("_PATH$", "").toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-'), ParameterArgs.builder()
                .name(path)
                .type("SecureString")
                .tier("Standard")
                .value(value.asSecret())
                .description("devmin handle " + handle)
                .build(), scope.aws());
        handles.materialize(handle, PUBLISHER, parameter, usable.toArray(Resource[]::new));
    }
}
