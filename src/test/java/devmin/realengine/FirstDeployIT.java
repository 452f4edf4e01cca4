package devmin.realengine;

import org.junit.jupiter.api.Test;
import stacks.Layer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static devmin.realengine.CommittedStackIT.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account's first deploy under the real engine, as README's "Deploying for real" walks it: core and confluent with
 * the window closed; then a window on an image the repository does not hold stops at once, before any demo resource;
 * once the image is there the window opens, every resource created after what it depends on. A window opened on a
 * fresh account without the image (skipping the walk) creates nothing at all.
 */
class FirstDeployIT {

    static boolean demo(StubRecord.Call call) {
        return Layer.ofUrn(call.urn()).equals(Optional.of(Layer.DEMO));
    }

    @Test
    void coreAndConfluentFirstThenNoWindowWithoutTheImageThenTheWindow() {
        try (PulumiWorkspace workspace = PulumiWorkspace.ofCommittedProject(RealEngine.require())) {
            succeeded(workspace.pulumi("stack", "init", "dev-min"));
            succeeded(workspace.pulumi("config", "set", "--secret", "devmin:igApiKey", "first-deploy-key"));
            succeeded(workspace.pulumi("config", "set", "devmin:demoWindow", "closed"));

            succeeded(workspace.pulumi("up", "--yes", "--skip-preview"));
            List<StubRecord.Call> bootstrap = workspace.stubCalls().creates();
            assertThat(bootstrap).isNotEmpty().noneMatch(FirstDeployIT::demo);

            succeeded(workspace.pulumi("config", "set", "devmin:demoWindow", "open"));
            workspace.withEnvironment("DEVMIN_STUB_ECR_IMAGES", "");
            CliResult withoutImage = workspace.pulumi("up", "--yes", "--skip-preview");
            assertThat(withoutImage.exitCode()).as(withoutImage.describe()).isNotZero();
            assertThat(withoutImage.output()).contains("DEMO-IMAGE-MISSING").contains("ImageNotFoundException");
            assertThat(workspace.stubCalls().creates()).hasSize(bootstrap.size());

            workspace.withEnvironment("DEVMIN_STUB_ECR_IMAGES", PulumiWorkspace.committedPinnedImage());
            succeeded(workspace.pulumi("up", "--yes", "--skip-preview"));
            List<StubRecord.Call> window = workspace.stubCalls().creates().subList(bootstrap.size(),
                    workspace.stubCalls().creates().size());
            assertThat(window).isNotEmpty().allMatch(FirstDeployIT::demo);
            Map<String, StubRecord.Call> byUrn = window.stream()
                    .collect(Collectors.toMap(StubRecord.Call::urn, Function.identity()));
            assertThat(DependencyOrder.violations(Json.resources(workspace.exportState()), byUrn)).isEmpty();
        }
    }

    @Test
    void aWindowOpenedOnAFreshAccountWithoutTheImageCreatesNothing() {
        try (PulumiWorkspace workspace = PulumiWorkspace.ofCommittedProject(RealEngine.require())) {
            succeeded(workspace.pulumi("stack", "init", "dev-min"));
            succeeded(workspace.pulumi("config", "set", "--secret", "devmin:igApiKey", "first-deploy-key"));
            succeeded(workspace.pulumi("config", "set", "devmin:demoWindow", "open"));
            workspace.withEnvironment("DEVMIN_STUB_ECR_IMAGES", "");

            CliResult withoutImage = workspace.pulumi("up", "--yes", "--skip-preview");

            assertThat(withoutImage.exitCode()).as(withoutImage.describe()).isNotZero();
            assertThat(withoutImage.output()).contains("DEMO-IMAGE-MISSING").contains("ImageNotFoundException");
            assertThat(workspace.stubCalls().creates()).as("created before the image gate was decided").isEmpty();
            String diagnostics = withoutImage.output().substring(withoutImage.output().indexOf("Diagnostics:"));
            assertThat(diagnostics.split("DEMO-IMAGE-MISSING", -1)).as("reported once: %s", diagnostics).hasSize(2);
            assertThat(withoutImage.output()).doesNotContain("SEVERE: DEMO-IMAGE-MISSING");
        }
    }
}
