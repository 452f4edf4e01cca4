package stacks.demo;

import devmin.testing.StandInResource;
import org.junit.jupiter.api.Test;
import stacks.handles.HandleName;
import stacks.handles.HandleRegistry;
import stacks.handles.SsmHandles;
import stacks.spec.ConfigSource;
import stacks.spec.LaneSpec;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

import java.util.List;

import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo layer resolves everything it needs from other layers first, and refuses as a whole, naming each lane. */
class DemoPlanTest {

    private static final EnvironmentSpec SPEC = SpecParser.parse(ConfigSource.of(committedConfig().values()),
            "devmin", "dev-min");

    @Test
    void anUnresolvableHandleFailsTheWholeLayerNamingTheLane() {
        HandleRegistry handles = new HandleRegistry();
        handles.publish(HandleName.ECR_REPOSITORY_URI, "test", "repo", StandInResource.any());
        handles.publish(HandleName.ECR_REPOSITORY_ARN, "test", "arn", StandInResource.any());
        handles.publish(HandleName.S3_EVIDENCE_BUCKET, "test", "b", StandInResource.any());
        handles.publish(HandleName.S3_EVIDENCE_BUCKET_ARN, "test", "arn:aws:s3:::b", StandInResource.any());

        assertThatThrownBy(() -> DemoPlan.resolve(SPEC, handles))
                .isInstanceOf(UnresolvedLaneException.class)
                .hasMessageContaining("lane ig: handle SSM_IG_API_KEY_PATH was never materialized")
                .hasMessageContaining("lane sr: handle SSM_CONFLUENT_BOOTSTRAP_PATH");
    }

    static HandleRegistry everythingPublished() {
        HandleRegistry handles = new HandleRegistry();
        for (String shared : List.of(HandleName.ECR_REPOSITORY_URI, HandleName.ECR_REPOSITORY_ARN,
                HandleName.S3_EVIDENCE_BUCKET, HandleName.S3_EVIDENCE_BUCKET_ARN)) {
            handles.publish(shared, "test", "value-of-" + shared, StandInResource.any());
        }
        for (LaneSpec lane : SPEC.lanes()) {
            lane.reads().stream().map(h -> SsmHandles.registryName(lane.name(), h)).filter(h -> !handles.has(h))
                    .forEach(h -> handles.publish(h, "test", "/p/" + h, StandInResource.any()));
            handles.publish(HandleName.logGroup(lane.name()), "test", "/g/" + lane.name(), StandInResource.any());
        }
        return handles;
    }

    @Test
    void withEveryHandlePublishedEachLaneGetsItsReadsAndLogGroup() {
        DemoPlan plan = DemoPlan.resolve(SPEC, everythingPublished());

        assertThat(plan.lanes().keySet()).containsExactlyInAnyOrderElementsOf(SPEC.lanes().stream()
                .map(LaneSpec::name).toList());
        for (LaneSpec lane : SPEC.lanes()) {
            assertThat(plan.lane(lane.name()).reads().keySet()).as(lane.name())
                    .containsExactlyElementsOf(lane.reads());
            assertThat(plan.lane(lane.name()).logGroup()).as(lane.name()).isNotNull();
        }
        assertThat(plan.repositoryUri()).isNotNull();
        assertThat(plan.repositoryUriValue()).isNotNull();
    }

    @Test
    void aMissingSharedHandleIsNamedForEveryLane() {
        HandleRegistry handles = new HandleRegistry();
        handles.publish(HandleName.ECR_REPOSITORY_URI, "test", "repo", StandInResource.any());

        assertThatThrownBy(() -> DemoPlan.resolve(SPEC, handles))
                .isInstanceOf(UnresolvedLaneException.class)
                .hasMessageContaining("every lane: image/bucket handle " + HandleName.ECR_REPOSITORY_ARN)
                .hasMessageContaining("every lane: image/bucket handle " + HandleName.S3_EVIDENCE_BUCKET_ARN)
                .hasMessageNotContaining("image/bucket handle " + HandleName.ECR_REPOSITORY_URI + " ");
    }
}
