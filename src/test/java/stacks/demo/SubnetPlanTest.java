package stacks.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the demo layer's tasks run: two public subnets in two zones of the region, inside the VPC's range. */
class SubnetPlanTest {

    @Test
    void subnetsAreTwoPublicSubnetsInTwoZonesInsideTheVpc() {
        SubnetPlan plan = SubnetPlan.of("eu-west-2");
        assertThat(plan.subnets()).extracting(SubnetPlan.PublicSubnet::availabilityZone)
                .containsExactly("eu-west-2a", "eu-west-2b");
        assertThat(plan.subnets()).extracting(SubnetPlan.PublicSubnet::cidr).allMatch(c -> c.startsWith("10.42."));
    }
}
