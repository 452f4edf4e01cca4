package devmin.live.aws;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ARNs as AWS documents them: IAM roles may carry a path (IAM User Guide, "IAM identifiers"); ECS services and tasks
 * have a short form without the cluster (before 2021) and a long one with it (ECS Developer Guide, "Migrate an Amazon
 * ECS short service ARN to a long ARN"); load balancers v2 carry app/net/gwy, classic ones only a name (Shield
 * CreateProtection ResourceArn formats); RDS separates with colons; EC2 with a slash.
 */
class ResourceArnTest {

    static ResourceArn parse(String arn) {
        return ResourceArn.parse(arn);
    }

    @Test
    void anIamRoleWithAPathIsNamedByItsLastSegment() {
        ResourceArn role = parse("arn:aws:iam::123456789012:role/application_abc/component_xyz/S3Access");

        assertThat(role.kind()).isEqualTo("iam:role");
        assertThat(role.name()).isEqualTo("S3Access");
        assertThat(role.parent()).contains("/application_abc/component_xyz/");
        assertThat(role.region()).isEmpty();
        assertThat(role.account()).isEqualTo("123456789012");
        assertThat(role.describe()).startsWith("IAM role S3Access (path /application_abc/component_xyz/)");
    }

    @Test
    void anIamRoleWithoutAPathHasTheRootPath() {
        ResourceArn role = parse("arn:aws:iam::123456789012:role/devmin-dev-min-lane-ig");

        assertThat(role.name()).isEqualTo("devmin-dev-min-lane-ig");
        assertThat(role.parent()).contains("/");
        assertThat(role.describe()).isEqualTo("IAM role devmin-dev-min-lane-ig "
                + "(arn:aws:iam::123456789012:role/devmin-dev-min-lane-ig)");
    }

    @Test
    void aLongEcsServiceArnNamesItsCluster() {
        ResourceArn service = parse("arn:aws:ecs:eu-west-2:123456789012:service/devmin-dev-min/ig");

        assertThat(service.kind()).isEqualTo("ecs:service");
        assertThat(service.name()).isEqualTo("ig");
        assertThat(service.parent()).contains("devmin-dev-min");
        assertThat(service.describe()).startsWith("ECS service ig in cluster devmin-dev-min");
    }

    @Test
    void aShortEcsServiceArnDoesNotNameItsCluster() {
        ResourceArn service = parse("arn:aws:ecs:eu-west-2:123456789012:service/ig");

        assertThat(service.name()).isEqualTo("ig");
        assertThat(service.parent()).isEmpty();
        assertThat(service.describe()).startsWith("ECS service ig (short ARN: cluster not named)");
    }

    @Test
    void ecsTasksComeInBothFormsToo() {
        assertThat(parse("arn:aws:ecs:us-east-1:123456789012:task/1dc5c17a-422b-4dc4-b493-371970c6c4d6").parent())
                .isEmpty();
        ResourceArn task = parse("arn:aws:ecs:us-east-1:123456789012:task/MyCluster/1dc5c17a-422b-4dc4-b493-371970c6c4d6");
        assertThat(task.kind()).isEqualTo("ecs:task");
        assertThat(task.name()).isEqualTo("1dc5c17a-422b-4dc4-b493-371970c6c4d6");
        assertThat(task.parent()).contains("MyCluster");
        assertThat(task.describe()).startsWith("ECS task 1dc5c17a-422b-4dc4-b493-371970c6c4d6 in cluster MyCluster");
    }

    @Test
    void clustersAndTaskDefinitions() {
        ResourceArn cluster = parse("arn:aws:ecs:eu-west-2:123456789012:cluster/devmin-dev-min");
        assertThat(cluster.kind()).isEqualTo("ecs:cluster");
        assertThat(cluster.name()).isEqualTo("devmin-dev-min");
        assertThat(cluster.parent()).isEmpty();
        ResourceArn definition = parse("arn:aws:ecs:eu-west-2:123456789012:task-definition/devmin-dev-min-ig:3");
        assertThat(definition.kind()).isEqualTo("ecs:task-definition");
        assertThat(definition.name()).isEqualTo("devmin-dev-min-ig:3");
    }

    @Test
    void loadBalancersV2AndClassicAreTold() {
        ResourceArn alb = parse("arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-lb/50dc6c495c0c9188");
        assertThat(alb.kind()).isEqualTo("elasticloadbalancing:loadbalancer/app");
        assertThat(alb.name()).isEqualTo("my-lb");
        assertThat(alb.describe()).startsWith("application load balancer my-lb");
        assertThat(parse("arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/net/my-nlb/1").describe())
                .startsWith("network load balancer my-nlb");
        assertThat(parse("arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/gwy/my-gwlb/1").kind())
                .isEqualTo("elasticloadbalancing:loadbalancer/gwy");
        ResourceArn classic = parse("arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/my-classic");
        assertThat(classic.kind()).isEqualTo("elasticloadbalancing:loadbalancer");
        assertThat(classic.name()).isEqualTo("my-classic");
        assertThat(classic.describe()).startsWith("classic load balancer my-classic");
        ResourceArn group = parse("arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/my-targets/1234567890123456");
        assertThat(group.kind()).isEqualTo("elasticloadbalancing:targetgroup");
        assertThat(group.name()).isEqualTo("my-targets");
    }

    @Test
    void rdsSeparatesTypeAndNameWithAColon() {
        ResourceArn db = parse("arn:aws:rds:eu-west-2:123456789012:db:devmin-dev-min");
        assertThat(db.kind()).isEqualTo("rds:db");
        assertThat(db.name()).isEqualTo("devmin-dev-min");
        assertThat(db.describe()).startsWith("RDS DB instance devmin-dev-min");
        assertThat(parse("arn:aws:rds:eu-west-2:123456789012:cluster:aurora-1").describe())
                .startsWith("RDS DB cluster aurora-1");
        assertThat(parse("arn:aws:rds:eu-west-2:123456789012:subgrp:devmin-subnets").describe())
                .startsWith("RDS DB subnet group devmin-subnets");
    }

    @Test
    void ec2SeparatesWithASlash() {
        ResourceArn vpc = parse("arn:aws:ec2:eu-west-2:123456789012:vpc/vpc-0abc");
        assertThat(vpc.kind()).isEqualTo("ec2:vpc");
        assertThat(vpc.name()).isEqualTo("vpc-0abc");
        assertThat(vpc.region()).isEqualTo("eu-west-2");
        assertThat(vpc.describe()).isEqualTo("ec2 vpc vpc-0abc (arn:aws:ec2:eu-west-2:123456789012:vpc/vpc-0abc)");
        assertThat(parse("arn:aws:ec2:eu-west-2:123456789012:elastic-ip/eipalloc-1").kind()).isEqualTo("ec2:elastic-ip");
    }

    @Test
    void logGroupsLoseTheirStreamWildcard() {
        ResourceArn group = parse("arn:aws:logs:eu-west-2:123456789012:log-group:/devmin/dev_min/ig:*");
        assertThat(group.kind()).isEqualTo("logs:log-group");
        assertThat(group.name()).isEqualTo("/devmin/dev_min/ig");
        assertThat(parse("arn:aws:logs:eu-west-2:123456789012:log-group:/a/b").name()).isEqualTo("/a/b");
        assertThat(group.describe()).startsWith("log group /devmin/dev_min/ig");
    }

    @Test
    void bucketsObjectsAndParameters() {
        ResourceArn bucket = parse("arn:aws:s3:::devmin-dev-min-evidence-123456789012");
        assertThat(bucket.kind()).isEqualTo("s3:bucket");
        assertThat(bucket.name()).isEqualTo("devmin-dev-min-evidence-123456789012");
        assertThat(bucket.account()).isEmpty();
        assertThat(parse("arn:aws:s3:::b/evidence/k.json").kind()).isEqualTo("s3:object");
        ResourceArn parameter = parse("arn:aws:ssm:eu-west-2:123456789012:parameter/devmin/dev_min/ig/api_key");
        assertThat(parameter.kind()).isEqualTo("ssm:parameter");
        assertThat(parameter.name()).isEqualTo("/devmin/dev_min/ig/api_key");
    }

    @Test
    void aColonBeforeASlashSeparatesInOtherServices() {
        ResourceArn topic = parse("arn:aws:sns:eu-west-2:123456789012:alerts");
        assertThat(topic.type()).isEqualTo("alerts");
        assertThat(topic.name()).isEmpty();
        ResourceArn function = parse("arn:aws:lambda:eu-west-2:123456789012:function:f/x");
        assertThat(function.type()).isEqualTo("function");
        assertThat(function.name()).isEqualTo("f/x");
        assertThat(parse("arn:aws:secretsmanager:eu-west-2:123456789012:secret:db-AbCdEf").kind())
                .isEqualTo("secretsmanager:secret");
        assertThat(parse("arn:aws:servicediscovery:eu-west-2:123456789012:namespace/ns-1").describe())
                .isEqualTo("servicediscovery namespace ns-1 (arn:aws:servicediscovery:eu-west-2:123456789012:namespace/ns-1)");
    }

    @Test
    void otherPartitionsParseAlike() {
        ResourceArn role = parse("arn:aws-cn:iam::123456789012:role/x");
        assertThat(role.name()).isEqualTo("x");
        assertThat(role.parent()).isEqualTo(Optional.of("/"));
    }

    @Test
    void whatIsNotAnArnIsRefusedNamingIt() {
        for (String bad : new String[]{"vpc-0abc", "arn:aws:ec2:eu-west-2:123456789012", "arn:aws::r:a:x",
                "arn:aws:ec2:r:a:", "urn:aws:ec2:r:a:vpc/x", ":aws:ec2:r:a:vpc/x", "arn::ec2:r:a:vpc/x"}) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void containerInstancesComeInBothFormsToo() {
        ResourceArn instance = parse("arn:aws:ecs:eu-west-2:123456789012:container-instance/c1/0a1b");
        assertThat(instance.name()).isEqualTo("0a1b");
        assertThat(instance.parent()).contains("c1");
        assertThat(parse("arn:aws:ecs:eu-west-2:123456789012:container-instance/0a1b").parent()).isEmpty();
        assertThat(parse("arn:aws:ecs:eu-west-2:123456789012:capacity-provider/a/b").parent()).isEmpty();
    }

    @Test
    void aLoadBalancingArnWithoutANameHasAnEmptyName() {
        ResourceArn bare = parse("arn:aws:elasticloadbalancing:eu-west-2:123456789012:loadbalancer");
        assertThat(bare.kind()).isEqualTo("elasticloadbalancing:loadbalancer");
        assertThat(bare.name()).isEmpty();
        assertThat(parse("arn:aws:elasticloadbalancing:eu-west-2:123456789012:loadbalancer/app/x/1").kind())
                .isEqualTo("elasticloadbalancing:loadbalancer/app");
        assertThat(parse("arn:aws:elasticloadbalancing:eu-west-2:123456789012:loadbalancer/app").kind())
                .isEqualTo("elasticloadbalancing:loadbalancer");
    }

    @Test
    void anIamArnWithoutASlashHasNoName() {
        ResourceArn root = parse("arn:aws:iam::123456789012:root");
        assertThat(root.type()).isEqualTo("root");
        assertThat(root.name()).isEmpty();
        assertThat(root.parent()).isEmpty();
    }

    @Test
    void aLoadBalancingArnWhoseResourceIsSeparatorsOnlyParsesToEmptyParts() {
        ResourceArn odd = parse("arn:aws:elasticloadbalancing:us-east-1:123456789012:/");

        assertThat(odd.type()).isEmpty();
        assertThat(odd.name()).isEmpty();
    }
}
