package stacks.demo;

import java.util.List;

/**
 * The demo network layout as a pure function of the region: one VPC, two public subnets in two availability zones.
 * Public subnets with public IPs are what makes a NAT gateway unnecessary.
 */
public record SubnetPlan(String vpcCidr, List<PublicSubnet> subnets) {

    public record PublicSubnet(String name, String availabilityZone, String cidr) {
    }

    public static final String VPC_CIDR = "10.42.0.0/16";

    public static SubnetPlan of(String region) {
        return new SubnetPlan(VPC_CIDR, List.of(
                new PublicSubnet("public-a", region + "a", "10.42.0.0/24"),
                new PublicSubnet("public-b", region + "b", "10.42.1.0/24")));
    }
}
