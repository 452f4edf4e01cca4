package stacks.confluent;

import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import devmin.confluentcloud.ApiKey;
import devmin.confluentcloud.ClusterAccess;
import devmin.confluentcloud.Environment;
import devmin.confluentcloud.KafkaAcl;
import devmin.confluentcloud.KafkaCluster;
import devmin.confluentcloud.ServiceAccount;
import stacks.LayerScope;
import stacks.handles.HandleName;
import stacks.handles.HandleRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Kafka principal of its own: a service account, its cluster API key, exactly its ACLs, and the key and secret
 * written (as secrets) at the principal's own SSM paths, which core declared. The principal's key handles are
 * materialized with everything that makes them usable: the parameter, the key, its ACLs and the topics it uses.
 */
final class KafkaPrincipal {

    /**
     * What every principal shares: the cluster, its environment, the manager's access (ACLs wait for the manager's
     * admin binding), the name prefix, and the layer's scope with the Confluent provider.
     */
    record Cluster(KafkaCluster cluster, Environment environment, ClusterAccess access, Resource managerIsAdmin,
                   String prefix, LayerScope scope, ProviderResource confluent) {

        CustomResourceOptions confluentOptions(Resource... dependsOn) {
            return scope.using(confluent, dependsOn);
        }
    }

    private KafkaPrincipal() {
    }

    /**
     * @param principal the lane name, or {@code preflight}
     * @param topics    the topic resources its grants name, by topic name
     */
    static void declare(Cluster shared, String principal, String purpose, List<AclGrant> grants,
                        Map<String, Resource> topics, Map<String, String> credentialPaths, HandleRegistry handles,
                        String publisher) {
        var account = new ServiceAccount("kafka-" + principal, new ServiceAccount.Args(shared.prefix() + "-" + principal,
                "devmin: " + purpose + "; ACLs only"), shared.confluentOptions());
        var key = new ApiKey("kafka-" + principal + "-key", ApiKey.Args.kafkaClusterKey(shared.prefix() + "-"
                + principal, "devmin: Kafka credentials of " + principal, account, shared.cluster(),
                shared.environment()), shared.confluentOptions());
        List<Resource> usable = new ArrayList<>(List.of(key));
        for (AclGrant grant : grants) {
            usable.add(new KafkaAcl(grant.logicalName(), KafkaAcl.Args.allow(grant.resourceType(),
                    grant.resourceName(), grant.patternType(), grant.operation(), account.principal(),
                    shared.access()), shared.confluentOptions(shared.managerIsAdmin())));
            if (grant.resourceType().equals(AclPlan.TOPIC) && topics.containsKey(grant.resourceName())) {
                usable.add(topics.get(grant.resourceName()));
            }
        }
        write(shared, principal, HandleName.SSM_CONFLUENT_API_KEY_PATH, key.key(), credentialPaths, handles,
                publisher, usable);
        write(shared, principal, HandleName.SSM_CONFLUENT_API_SECRET_PATH, key.secret(), credentialPaths, handles,
                publisher, usable);
    }

    private static void write(Cluster shared, String principal, String handle, Output<String> value,
                              Map<String, String> credentialPaths, HandleRegistry handles, String publisher,
                              List<Resource> usable) {
        String kind = handle.equals(HandleName.SSM_CONFLUENT_API_KEY_PATH) ? "key" : "secret";
        Parameter parameter = new Parameter("ssm-kafka-" + principal + "-" + kind, ParameterArgs.builder()
                .name(credentialPaths.get(handle))
                .type("SecureString")
                .tier("Standard")
                .value(value.asSecret())
                .description("devmin handle " + handle + " of " + principal)
                .build(), shared.scope().aws());
        String name = HandleName.forLane(handle, principal);
        handles.materialize(name, publisher, parameter, usable.toArray(Resource[]::new));
        handles.revise(name, parameter.version().applyValue(String::valueOf));
    }
}
