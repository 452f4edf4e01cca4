package stacks.demo;

import devmin.engine.EmbeddedEngine;
import devmin.engine.EngineRun;
import devmin.engine.PreviewMocks;
import devmin.engine.StackConfig;
import devmin.graph.DeclaredResource;
import org.junit.jupiter.api.Test;
import stacks.DevminProgram;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.preview;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first deploy of an account and every window open: core and confluent can be deployed alone (window closed),
 * and a window opens only on a pinned image the repository holds, stopping before any demo resource otherwise.
 */
class OpeningTheWindowTest {

    static final PreviewMocks.Image PINNED = PreviewMocks.pinnedImage(committedConfig()).orElseThrow();

    static List<DeclaredResource> demoCloudResources(EngineRun run) {
        return run.graph().resources().stream()
                .filter(r -> run.graph().layerOf(r).orElse("").equals("demo") && r.custom() && !r.isProvider())
                .toList();
    }

    static EngineRun update(StackConfig config, List<PreviewMocks.Image> registry) {
        return EmbeddedEngine.run(config, false, DevminProgram::define, new PreviewMocks(false, registry));
    }

    @Test
    void aClosedWindowDeclaresCoreAndConfluentExactlyAsAnOpenOneAndNoDemoLayer() {
        EngineRun open = preview(committedConfig());
        EngineRun closed = preview(committedConfig().with("devmin:demoWindow", "closed"));

        assertThat(closed.succeeded()).as("%s", closed.errors()).isTrue();
        assertThat(closed.graph().resources()).noneMatch(r -> closed.graph().layerOf(r).orElse("").equals("demo"));
        assertThat(urnsOutsideDemo(closed)).isEqualTo(urnsOutsideDemo(open));
    }

    private static java.util.Set<String> urnsOutsideDemo(EngineRun run) {
        return run.graph().resources().stream().filter(r -> !run.graph().layerOf(r).orElse("").equals("demo"))
                .map(DeclaredResource::urn).collect(Collectors.toSet());
    }

    @Test
    void aWindowOnAnImageTheRepositoryDoesNotHoldStopsBeforeAnyDemoResource() {
        EngineRun run = update(committedConfig(), List.of());

        assertThat(run.succeeded()).isFalse();
        assertThat(String.join("\n", run.errors())).contains(PinnedImageGate.BLOCKER)
                .contains(PINNED.digest()).contains("ImageNotFoundException");
        assertThat(demoCloudResources(run)).isEmpty();
    }

    @Test
    void aWindowOnAMissingImageDeclaresNothingAtAllAndSaysSoOnce() {
        EngineRun run = update(committedConfig(), List.of());

        assertThat(run.succeeded()).isFalse();
        assertThat(run.graph().resources()).as("declared before the gate was decided")
                .filteredOn(r -> r.custom() && !r.isProvider()).isEmpty();
        assertThat(run.errors()).filteredOn(e -> e.contains(PinnedImageGate.BLOCKER)).hasSize(1);
        assertThat(String.join("\n", run.errors()).split(PinnedImageGate.BLOCKER, -1)).hasSize(2);
    }

    @Test
    void aDigestThatCarriesAnotherTagIsNotThePinnedImage() {
        EngineRun run = update(committedConfig(), List.of(new PreviewMocks.Image(PINNED.repository(), PINNED.digest(),
                List.of("git-" + "0".repeat(40)))));

        assertThat(run.succeeded()).isFalse();
        assertThat(String.join("\n", run.errors())).contains(PinnedImageGate.BLOCKER)
                .contains("git-" + "0".repeat(40)).contains(PINNED.tags().get(0));
        assertThat(demoCloudResources(run)).isEmpty();
    }

    @Test
    void aWindowOnThePinnedImageOpensWithEveryLane() {
        EngineRun run = update(committedConfig(), List.of(PINNED));

        assertThat(run.succeeded()).as("%s", run.errors()).isTrue();
        assertThat(demoCloudResources(run)).filteredOn(r -> r.type().equals("aws:ecs/taskDefinition:TaskDefinition"))
                .hasSize(preview(committedConfig()).graph().resources().stream()
                        .filter(r -> r.type().equals("aws:ecs/taskDefinition:TaskDefinition")).toList().size());
    }

    @Test
    void theHandlesOutputCarriesWhatRunTaskNeedsForEveryLane() {
        var handles = update(committedConfig(), List.of(PINNED)).graph().outputs().get(DevminProgram.HANDLES_OUTPUT);
        var lanes = stacks.spec.SpecParser.parse(stacks.spec.ConfigSource.of(committedConfig().values()), "devmin",
                "dev-min").lanes();

        assertThat(handles.path("ECS_CLUSTER_ARN").asText()).isNotBlank();
        assertThat(handles.path("ECS_SUBNET_IDS").asText().split(",")).hasSize(2);
        assertThat(handles.path("ECS_SECURITY_GROUP_ID").asText()).isNotBlank();
        lanes.forEach(lane -> assertThat(handles.path("TASK_DEFINITION_" + lane.name().toUpperCase(Locale.ROOT)
                .replace('-', '_')).asText()).as(lane.name()).isNotBlank());
    }
}
