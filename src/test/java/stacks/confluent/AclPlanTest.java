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
    void aConsumerGetsReadAndDescribeAndGroupsUnderItsOwnDottedPrefix() {
        assertThat(AclPlan.forLane(lane("ofp", List.of(), List.of("ingress.traffic.v1")))).containsExactly(
                new AclGrant("ofp", "TOPIC", "ingress.traffic.v1", "LITERAL", "READ"),
                new AclGrant("ofp", "TOPIC", "ingress.traffic.v1", "LITERAL", "DESCRIBE"),
                new AclGrant("ofp", "GROUP", "ofp.", "PREFIXED", "READ"));
    }

    /** The old prefix "dl" also matched the groups of lane "dla"; "dl." matches no other lane's groups. */
    @Test
    void noLanesGroupPrefixMatchesAnotherLanesGroups() {
        assertThat("dla.decisions").doesNotStartWith(AclPlan.groupPrefix("dl"));
        EnvironmentSpec spec = SpecParser.parse(ConfigSource.of(committedConfig().values()), "devmin", "dev-min");
        for (LaneSpec a : spec.lanes()) {
            for (LaneSpec b : spec.lanes()) {
                if (!a.name().equals(b.name())) {
                    assertThat(AclPlan.groupPrefix(b.name()) + "group").as(a.name() + " vs " + b.name())
                            .doesNotStartWith(AclPlan.groupPrefix(a.name()));
                }
            }
        }
    }

    @Test
    void aLaneWithNoTopicsGetsNoAcl() {
        assertThat(AclPlan.forLane(lane("reporter", List.of(), List.of()))).isEmpty();
    }

    @Test
    void thePreflightProbeDescribesEveryCatalogTopicAndUsesOnlyTheReadinessTopic() {
        EnvironmentSpec spec = SpecParser.parse(ConfigSource.of(committedConfig().values()), "devmin", "dev-min");
        List<AclGrant> grants = AclPlan.forPreflight(spec);

        assertThat(grants).filteredOn(g -> g.operation().equals("DESCRIBE")).extracting(AclGrant::resourceName)
                .containsExactlyInAnyOrder("control.run-commands.v1", "control.run-status.v1", "ingress.traffic.v1",
                        "ingress.receipts.v1", "rtdl.entity-graph.v1", "rtdl.features.v1", "rtdl.context.v1",
                        "decision.posture.v1", "decision.decisions.v1", "decision.actions.v1", "case.triggers.v1",
                        "case.events.v1", "case.labels.v1", "platform.readiness.v1");
        assertThat(grants).filteredOn(g -> !g.operation().equals("DESCRIBE"))
                .containsExactlyInAnyOrder(
                        new AclGrant("preflight", "TOPIC", "platform.readiness.v1", "LITERAL", "WRITE"),
                        new AclGrant("preflight", "TOPIC", "platform.readiness.v1", "LITERAL", "READ"));
    }

    @Test
    void everyGrantOfTheCommittedStackIsALiteralCatalogTopicOrItsOwnGroupNeverAWildcardAllOrCluster() {
        EnvironmentSpec spec = SpecParser.parse(ConfigSource.of(committedConfig().values()), "devmin", "dev-min");
        Set<String> catalog = spec.topics().stream().map(t -> t.name()).collect(Collectors.toSet());
        List<AclGrant> all = new java.util.ArrayList<>(AclPlan.forPreflight(spec));
        spec.lanes().forEach(l -> all.addAll(AclPlan.forLane(l)));

        assertThat(all).isNotEmpty();
        assertThat(all).filteredOn(g -> g.resourceType().equals("TOPIC"))
                .allSatisfy(g -> assertThat(catalog).contains(g.resourceName()));
        assertThat(all).filteredOn(g -> g.resourceType().equals("GROUP"))
                .allSatisfy(g -> assertThat(g.resourceName()).isEqualTo(g.principal() + "."));
        assertThat(all).noneMatch(g -> g.resourceName().contains("*") || g.operation().equals("ALL")
                || g.resourceType().equals("CLUSTER"));
        assertThat(all).extracting(AclGrant::logicalName).doesNotHaveDuplicates();
    }
}
