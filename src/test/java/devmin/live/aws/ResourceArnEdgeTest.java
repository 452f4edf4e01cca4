package devmin.live.aws;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static devmin.live.aws.ResourceArn.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ARNs on the edges of each grammar: the shortest valid forms and resource parts that start with their own separator.
 * Formats: AWS General Reference / IAM User Guide, "Amazon Resource Names (ARNs)" and each service's "resource types"
 * table in the Service Authorization Reference (Elastic Load Balancing V2: loadbalancer/app/name/id).
 */
class ResourceArnEdgeTest {

    /** Three segments are enough for a v2 load balancer: the kind and the name, even without the id. */
    @Test
    void aV2LoadBalancerArnWithoutItsIdIsStillV2() {
        ResourceArn alb = parse("arn:aws:elasticloadbalancing:eu-west-2:123456789012:loadbalancer/app/partner");

        assertThat(alb.kind()).isEqualTo("elasticloadbalancing:loadbalancer/app");
        assertThat(alb.name()).isEqualTo("partner");
        assertThat(alb.describe()).startsWith("application load balancer partner");
    }

    @Test
    void anIamResourceThatStartsWithASlashHasAnEmptyTypeAndTheRootPath() {
        ResourceArn odd = parse("arn:aws:iam::123456789012:/orphan");

        assertThat(odd.type()).isEmpty();
        assertThat(odd.name()).isEqualTo("orphan");
        assertThat(odd.parent()).isEqualTo(Optional.of("/"));
    }

    @Test
    void anRdsResourceThatStartsWithAColonHasAnEmptyType() {
        ResourceArn odd = parse("arn:aws:rds:eu-west-2:123456789012::orphan");

        assertThat(odd.type()).isEmpty();
        assertThat(odd.name()).isEqualTo("orphan");
    }

    @Test
    void inOtherServicesALeadingColonIsTheSeparator() {
        ResourceArn odd = parse("arn:aws:ec2:eu-west-2:123456789012::orphan");

        assertThat(odd.type()).isEmpty();
        assertThat(odd.name()).isEqualTo("orphan");
    }

    @Test
    void inOtherServicesALeadingSlashIsTheSeparatorEvenWithAColonLater() {
        ResourceArn odd = parse("arn:aws:ec2:eu-west-2:123456789012:/a:b");

        assertThat(odd.type()).isEmpty();
        assertThat(odd.name()).isEqualTo("a:b");
    }

    @Test
    void aScopedResourceOfAnotherKindIsDescribedWithItsScope() {
        ResourceArn instance = parse("arn:aws:ecs:eu-west-2:123456789012:container-instance/devmin-dev-min/0a1b");

        assertThat(instance.describe()).isEqualTo("ecs container-instance 0a1b in devmin-dev-min"
                + " (arn:aws:ecs:eu-west-2:123456789012:container-instance/devmin-dev-min/0a1b)");
    }
}
