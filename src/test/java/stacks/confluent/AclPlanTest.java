package stacks.confluent;

import org.junit.jupiter.api.Test;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneKind;
import stacks.spec.LaneSpec;
import stacks.spec.SpecParser;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;

class AclPlanTest {

    private static LaneSpec lane(String name, List<String> produces, List<String> consumes) {
        return new LaneSpec(name, LaneKind.SERVICE, List.of("run"), 256, 512, 1, List.of(), produces, consumes, 0,
                true, List.of(), true);
    }

    @Test
    void aProducerGetsWriteAndDescribeOnItsTopicOnly() {
        assertThat(AclPlan.forLane(lane("ig", List.of("ingress.traffic.v1"), List.of()))).containsExactly(
                new AclGrant("ig", "TOPIC", "ingress.traffic.v1", "LITERAL", "WRITE"),
                new AclGrant("ig", "TOPIC", "ingress.traffic.v1", "LITERAL", "DESCRIBE"));
    }

    @Test
    void aConsumerGetsReadAndDescribeAndItsOwnPrefixedGroup() {
        assertThat(AclPlan.forLane(lane("ofp", List.of(), List.of("ingress.traffic.v1")))).containsExactly(
                new AclGrant("ofp", "TOPIC", "ingress.traffic.v1", "LITERAL", "READ"),
                new AclGrant("ofp", "TOPIC", "ingress.traffic.v1", "LITERAL", "DESCRIBE"),
                new AclGrant("ofp", "GROUP", "ofp", "PREFIXED", "READ"));
    }

    @Test
    void aLaneWithNoTopicsGetsNoAcl() {
        assertThat(AclPlan.forLane(lane("reporter", List.of(), List.of()))).isEmpty();
    }

    @Test
    void theUnionCoversNoTopicOutsideTheCatalogAndUsesNoWildcardOrAll() {
        EnvironmentSpec spec = SpecParser.parse(ConfigSource.of(committedConfig().values()), "devmin", "dev-min");
        Set<String> catalog = spec.topics().stream().map(t -> t.name()).collect(Collectors.toSet());
        List<AclGrant> union = AclPlan.union(spec);

        assertThat(union).filteredOn(g -> g.resourceType().equals("TOPIC"))
                .allSatisfy(g -> assertThat(catalog).contains(g.resourceName()));
        assertThat(union).noneMatch(g -> g.resourceName().contains("*") || g.operation().equals("ALL")
                || g.resourceType().equals("CLUSTER"));
        assertThat(union).doesNotHaveDuplicates();
        assertThat(union).extracting(AclGrant::logicalName).doesNotHaveDuplicates();
    }

    @Test
    void everyLaneGetsExactlyWhatItsTopicsImply() {
        EnvironmentSpec spec = SpecParser.parse(ConfigSource.of(committedConfig().values()), "devmin", "dev-min");
        for (LaneSpec lane : spec.lanes()) {
            List<AclGrant> grants = AclPlan.forLane(lane);
            long expected = 2L * lane.produces().size() + 2L * lane.consumes().size() + (lane.consumes().isEmpty() ? 0 : 1);
            assertThat(grants).as(lane.name()).hasSize((int) expected);
        }
    }
}
