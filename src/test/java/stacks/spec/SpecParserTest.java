package stacks.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import devmin.engine.StackConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static devmin.testing.Fixtures.array;
import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.editLane;
import static devmin.testing.Fixtures.editObject;
import static devmin.testing.Fixtures.editTopic;
import static devmin.testing.Fixtures.laneIndex;
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
                "ls", "probe-ingress", "probe-publish", "reporter");
        assertThat(spec.lanes()).filteredOn(l -> l.kind() == LaneKind.JOB).extracting(LaneSpec::name)
                .containsExactlyInAnyOrder("seed-pack", "stream-sort", "checker", "probe-ingress", "probe-publish",
                        "reporter");
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

    @Test
    void aThresholdEqualToTheLimitIsAccepted() {
        EnvironmentSpec spec = parse(editObject(committedConfig(), "devmin:budget",
                b -> b.set("alertThresholds", array("10", "20", "30"))));

        assertThat(spec.budget().alertThresholds()).extracting(BigDecimal::intValue).containsExactly(10, 20, 30);
    }

    @Test
    void booleansAndWholeNumbersWrittenAsStringsAreRead() {
        int ig = laneIndex(committedConfig(), "ig");
        EnvironmentSpec spec = parse(editLane(committedConfig(), ig, l -> l.put("spot", "false").put("cpu", "1024")
                .put("memory", "2048")));

        LaneSpec lane = spec.lane("ig").orElseThrow();
        assertThat(lane.spot()).isFalse();
        assertThat(lane.cpu()).isEqualTo(1024);
        assertThat(lane.memory()).isEqualTo(2048);
    }

    @Test
    void aServiceWithoutADesiredCountRunsOneTaskAndATopicGetsKafkasDefaults() {
        int ig = laneIndex(committedConfig(), "ig");
        StackConfig config = editTopic(editLane(committedConfig(), ig, l -> l.remove("desiredCount")), 0,
                t -> {
                    t.remove("retentionMs");
                    t.remove("cleanupPolicy");
                });

        EnvironmentSpec spec = parse(config);

        assertThat(spec.lane("ig").orElseThrow().desiredCount()).isEqualTo(1);
        TopicSpec topic = spec.topics().get(0);
        assertThat(topic.retentionMs()).isEqualTo(604_800_000L); // 7 days, Kafka's default retention.ms
        assertThat(topic.cleanupPolicy()).isEqualTo(CleanupPolicy.DELETE);
    }

    @Test
    void aLanesS3GrantsAreReadInOrderWithTheirAccess() throws Exception {
        int reporter = laneIndex(committedConfig(), "reporter");
        StackConfig config = editLane(committedConfig(), reporter, l -> l.set("s3Access", new ObjectMapper()
                .createArrayNode().add(new ObjectMapper().createObjectNode().put("access", "read").put("prefix", "a/"))
                .add(new ObjectMapper().createObjectNode().put("access", "write").put("prefix", "b/c/"))));

        assertThat(parse(config).lane("reporter").orElseThrow().s3Access()).containsExactly(
                new S3Grant(S3Grant.Access.READ, "a/"), new S3Grant(S3Grant.Access.WRITE, "b/c/"));
    }

    private static EnvironmentSpec parse(StackConfig config) {
        return SpecParser.parse(ConfigSource.of(config.values()), "devmin", "dev-min");
    }
}
