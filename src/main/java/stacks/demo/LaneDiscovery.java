package stacks.demo;

import com.pulumi.aws.servicediscovery.PrivateDnsNamespace;
import com.pulumi.aws.servicediscovery.PrivateDnsNamespaceArgs;
import com.pulumi.aws.servicediscovery.Service;
import com.pulumi.aws.servicediscovery.ServiceArgs;
import com.pulumi.aws.servicediscovery.inputs.ServiceDnsConfigArgs;
import com.pulumi.aws.servicediscovery.inputs.ServiceDnsConfigDnsRecordArgs;
import com.pulumi.aws.servicediscovery.inputs.ServiceHealthCheckCustomConfigArgs;
import stacks.LayerScope;
import stacks.handles.HandleName;
import stacks.handles.HandleRegistry;
import stacks.spec.LaneSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stable names for the lanes others call, without a load balancer: a Cloud Map private DNS namespace in the demo VPC
 * and one service per ingress lane, whose tasks ECS registers as A records as they start. A caller is given
 * {@code <lane>.<namespace>:<port>} as the handle {@code LANE_ADDRESS_<LANE>}.
 * <p>
 * No {@code forceDestroy}: ECS registers and deregisters the tasks' instances itself (its service is deleted, and
 * its tasks stopped, before the Cloud Map service it registers in), while with force-destroy the provider would list
 * and deregister instances on every delete (terraform-provider-aws, internal/service/servicediscovery/service.go,
 * resourceServiceDelete: ListInstances, then DeregisterInstance per instance), calls the window role need not make.
 */
final class LaneDiscovery {

    private final Map<String, Service> services = new LinkedHashMap<>();
    private final DemoNames names;

    LaneDiscovery(LayerScope scope, DemoNames names, DemoNetwork network, List<LaneSpec> lanes) {
        this.names = names;
        List<LaneSpec> ingress = ingressServices(lanes);
        if (ingress.isEmpty()) {
            return;
        }
        var namespace = new PrivateDnsNamespace("lane-namespace", PrivateDnsNamespaceArgs.builder()
                .name(names.discoveryDomain())
                .vpc(network.vpcId())
                .description("devmin lanes that other lanes call")
                .build(), scope.aws());
        for (LaneSpec lane : ingress) {
            services.put(lane.name(), new Service("discovery-" + lane.name(), ServiceArgs.builder()
                    .name(lane.name())
                    .dnsConfig(ServiceDnsConfigArgs.builder()
                            .namespaceId(namespace.id())
                            .routingPolicy("MULTIVALUE")
                            .dnsRecords(ServiceDnsConfigDnsRecordArgs.builder().type("A").ttl(10).build())
                            .build())
                    .healthCheckCustomConfig(ServiceHealthCheckCustomConfigArgs.builder().failureThreshold(1).build())
                    .build(), scope.aws()));
        }
    }

    /** Only services that listen on a port can be called: they are the ones that get a name. */
    static List<LaneSpec> ingressServices(List<LaneSpec> lanes) {
        return lanes.stream().filter(l -> l.isService() && l.ingress().isPresent()).toList();
    }

    /** The Cloud Map service an ingress lane's ECS service registers its tasks in. */
    Optional<Service> registryOf(String lane) {
        return Optional.ofNullable(services.get(lane));
    }

    void publish(HandleRegistry handles, List<LaneSpec> lanes) {
        for (LaneSpec lane : ingressServices(lanes)) {
            handles.publish(HandleName.laneAddress(lane.name()), DemoStack.PUBLISHER,
                    names.laneAddress(lane.name(), lane.ingressPort()), services.get(lane.name()));
        }
    }
}
