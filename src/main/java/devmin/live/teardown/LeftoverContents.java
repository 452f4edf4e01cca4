package devmin.live.teardown;

import devmin.live.CallLog;
import devmin.live.aws.AwsClients;
import software.amazon.awssdk.services.ec2.model.Filter;

import java.util.ArrayList;
import java.util.List;

/**
 * What a leftover network still holds, named one by one: a VPC's subnets, its security groups other than the default
 * one (which AWS creates with the VPC and deletes with it), and its network interfaces; a subnet's network interfaces.
 * Those are often untagged (an ENI that a Fargate task or a Lambda created), so only this listing names them.
 */
final class LeftoverContents {

    private final AwsClients aws;
    private final String region;

    LeftoverContents(AwsClients aws, String region) {
        this.aws = aws;
        this.region = region;
    }

    List<String> ofVpc(String vpcId, CallLog log) {
        List<String> inside = new ArrayList<>();
        Filter inVpc = Filter.builder().name("vpc-id").values(vpcId).build();
        for (var page : log.pages("ec2:DescribeSubnets", () -> aws.ec2(region).describeSubnetsPaginator(
                b -> b.filters(inVpc)))) {
            page.subnets().forEach(s -> inside.add("subnet " + s.subnetId() + " in " + vpcId));
        }
        for (var page : log.pages("ec2:DescribeSecurityGroups", () -> aws.ec2(region).describeSecurityGroupsPaginator(
                b -> b.filters(inVpc)))) {
            page.securityGroups().stream().filter(g -> !"default".equals(g.groupName()))
                    .forEach(g -> inside.add("security group " + g.groupId() + " in " + vpcId));
        }
        inside.addAll(interfaces(inVpc, vpcId, log));
        return inside;
    }

    List<String> ofSubnet(String subnetId, CallLog log) {
        return interfaces(Filter.builder().name("subnet-id").values(subnetId).build(), subnetId, log);
    }

    private List<String> interfaces(Filter filter, String where, CallLog log) {
        List<String> found = new ArrayList<>();
        for (var page : log.pages("ec2:DescribeNetworkInterfaces", () -> aws.ec2(region)
                .describeNetworkInterfacesPaginator(b -> b.filters(filter)))) {
            page.networkInterfaces().forEach(n -> found.add("network interface " + n.networkInterfaceId() + " in "
                    + where));
        }
        return found;
    }
}
