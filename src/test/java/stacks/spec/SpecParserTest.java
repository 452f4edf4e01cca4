package stacks.spec;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;

class SpecParserTest {

    private static EnvironmentSpec committed() {
        return SpecParser.parse(ConfigSource.of(committedConfig().values()), "devmin", "dev-min");
    }

    @Test
    void theCommittedEnvironmentIsValidAndComplete() {
        EnvironmentSpec spec = committed();

        assertThat(spec.awsRegion()).isEqualTo("eu-west-2");
        assertThat(spec.budget().monthlyLimit()).isEqualByComparingTo(new BigDecimal("30"));
        assertThat(spec.budget().alertThresholds()).extracting(BigDecimal::intValue).containsExactly(10, 20, 28);
        assertThat(spec.lanes()).extracting(LaneSpec::name).contains("seed-pack", "stream-sort", "checker", "sr",
                "wsp", "ig", "archive-writer", "ieg", "ofp", "csfb", "dl", "df", "al", "dla", "case-trigger", "cm",
                "ls", "reporter");
        assertThat(spec.lanes()).filteredOn(l -> l.kind() == LaneKind.JOB).extracting(LaneSpec::name)
                .containsExactlyInAnyOrder("seed-pack", "stream-sort", "checker", "reporter");
        assertThat(spec.database().enabled()).isFalse();
    }

    @Test
    void everyTopicALaneNamesIsInTheCatalog() {
        EnvironmentSpec spec = committed();
        spec.lanes().forEach(lane -> {
            lane.produces().forEach(t -> assertThat(spec.topic(t)).as(lane.name() + " produces " + t).isPresent());
            lane.consumes().forEach(t -> assertThat(spec.topic(t)).as(lane.name() + " consumes " + t).isPresent());
        });
    }

    @Test
    void defaultsApplyWhereTheConfigIsSilent() {
        EnvironmentSpec spec = SpecParser.parse(ConfigSource.of(committedConfig()
                .without("devmin:logRetentionDays").without("devmin:environment").without("devmin:database")
                .values()), "devmin", "dev-min");

        assertThat(spec.logRetentionDays()).isEqualTo(7);
        assertThat(spec.environment()).isEqualTo("dev_min");
        assertThat(spec.database().instanceClass()).isEqualTo("db.t4g.micro");
        assertThat(spec.lane("ig").orElseThrow().spot()).isTrue();
        assertThat(spec.ci().deployRef()).isEqualTo("refs/heads/main");
    }
}
