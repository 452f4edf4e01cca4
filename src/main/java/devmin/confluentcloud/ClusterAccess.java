package devmin.confluentcloud;

import com.pulumi.core.Output;

/**
 * How topics and ACLs reach a cluster: its id, REST endpoint and a cluster API key allowed to manage it.
 */
public record ClusterAccess(Output<String> clusterId, Output<String> restEndpoint, Output<String> key,
                            Output<String> secret) {

    public static ClusterAccess of(KafkaCluster cluster, ApiKey managerKey) {
        return new ClusterAccess(cluster.id(), cluster.restEndpoint(), managerKey.key(), managerKey.secret());
    }
}
