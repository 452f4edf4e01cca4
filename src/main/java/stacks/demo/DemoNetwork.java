package stacks.demo;

import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.inputs.RouteTableRouteArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.core.Output;
import stacks.LayerScope;
import stacks.spec.LaneSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * A VPC with public subnets only: an internet gateway and one route table to it, and no NAT gateway. Lanes get public
 * IPs for egress; their security group lets out HTTPS and Kafka, lets out to its own members exactly on the ports of
 * the catalog's {@code calls:} edges, and lets in only its own members, on lane ports.
 */
final class DemoNetwork {

    static final int KAFKA_PORT = 9092;

    private final Vpc vpc;
    private final List<Subnet> subnets = new ArrayList<>();
    private final List<RouteTableAssociation> routes = new ArrayList<>();
    private final SecurityGroup lanes;

    /** AWS accepts at most 255 characters in a rule description (EC2 API, IpRange/UserIdGroupPair Description). */
    private static final int MAX_RULE_DESCRIPTION = 255;

    DemoNetwork(LayerScope scope, SubnetPlan plan, List<LaneSpec> lanes) {
        this.vpc = new Vpc("vpc", VpcArgs.builder()
                .cidrBlock(plan.vpcCidr())
                .enableDnsHostnames(true)
                .enableDnsSupport(true)
                .build(), scope.aws());
        var gateway = new InternetGateway("internet-gateway", InternetGatewayArgs.builder().vpcId(vpc.id()).build(),
                scope.aws());
        var routeTable = new RouteTable("public-routes", RouteTableArgs.builder()
                .vpcId(vpc.id())
                .routes(RouteTableRouteArgs.builder().cidrBlock("0.0.0.0/0").gatewayId(gateway.id()).build())
                .build(), scope.aws());
        for (SubnetPlan.PublicSubnet planned : plan.subnets()) {
            Subnet subnet = new Subnet(planned.name(), SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .cidrBlock(planned.cidr())
                    .availabilityZone(planned.availabilityZone())
                    .mapPublicIpOnLaunch(true)
                    .build(), scope.aws());
            this.routes.add(new RouteTableAssociation(planned.name() + "-routes", RouteTableAssociationArgs.builder()
                    .subnetId(subnet.id())
                    .routeTableId(routeTable.id())
                    .build(), scope.aws()));
            subnets.add(subnet);
        }
        this.lanes = new SecurityGroup("lanes-sg", SecurityGroupArgs.builder()
                .vpcId(vpc.id())
                // Kept as first written: AWS cannot change a group's description, so a new one would replace the group.
                .description("devmin lanes: egress HTTPS and Kafka; ingress from lanes only")
                .egress(egress(lanes))
                .ingress(LaneContainer.ingressPorts(lanes).stream().map(port -> SecurityGroupIngressArgs.builder()
                        .protocol("tcp").fromPort(port).toPort(port).self(true)
                        .description("lane port " + port + " from lanes").build()).toList())
                .build(), scope.aws());
    }

    /**
     * HTTPS and Kafka to anywhere, and one rule to the group itself per port some lane calls: the provider revokes the
     * default allow-all egress rule, so a lane reaches another only through these.
     */
    private static List<SecurityGroupEgressArgs> egress(List<LaneSpec> lanes) {
        List<SecurityGroupEgressArgs> rules = new ArrayList<>();
        rules.add(egress(443, "HTTPS to AWS APIs and ECR"));
        rules.add(egress(KAFKA_PORT, "Kafka (Confluent Cloud)"));
        LaneCall.byPort(LaneCall.of(lanes)).forEach((port, calls) -> rules.add(SecurityGroupEgressArgs.builder()
                .protocol("tcp").fromPort(port).toPort(port).self(true)
                .description(callsDescription(port, calls)).build()));
        return rules;
    }

    static String callsDescription(int port, List<LaneCall> calls) {
        String edges = calls.stream().map(c -> c.caller() + " to " + c.callee()).distinct()
                .collect(java.util.stream.Collectors.joining(", "));
        String full = "lane calls on " + port + ": " + edges;
        return full.length() <= MAX_RULE_DESCRIPTION ? full
                : "lane calls on " + port + " (" + calls.size() + " edges, see the lane catalog)";
    }

    private static SecurityGroupEgressArgs egress(int port, String description) {
        return SecurityGroupEgressArgs.builder().protocol("tcp").fromPort(port).toPort(port)
                .cidrBlocks("0.0.0.0/0").description(description).build();
    }

    Output<String> vpcId() {
        return vpc.id();
    }

    List<Output<String>> subnetIds() {
        return subnets.stream().map(Subnet::id).toList();
    }

    SecurityGroup lanesSecurityGroup() {
        return lanes;
    }

    /** The subnets' associations with the internet route table: a task has egress only once they exist. */
    List<RouteTableAssociation> routeAssociations() {
        return List.copyOf(routes);
    }
}
