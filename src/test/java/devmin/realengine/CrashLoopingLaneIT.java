package devmin.realengine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static devmin.realengine.CommittedStackIT.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A window whose lane never settles (a crash loop) fails its {@code up} at the bound the program set, not after the
 * provider's twenty-minute default, naming the lane. The stub provider plays the AWS provider's steady-state waiter
 * for {@code service-wsp} ({@code DEVMIN_STUB_NEVER_STEADY}): it answers at once with the provider's timeout error for
 * the timeout the engine passed it, so the test checks the bound without waiting it out.
 */
class CrashLoopingLaneIT {

    @Test
    void anUpWithALaneThatNeverSettlesFailsAtTheFiveMinuteBoundNamingTheLane() {
        try (PulumiWorkspace workspace = PulumiWorkspace.ofCommittedProject(RealEngine.require())) {
            succeeded(workspace.pulumi("stack", "init", "dev-min"));
            succeeded(workspace.pulumi("config", "set", "--secret", "devmin:igApiKey", "crash-loop-key"));
            workspace.withEnvironment("DEVMIN_STUB_ECR_IMAGES", PulumiWorkspace.committedPinnedImage());
            workspace.withEnvironment("DEVMIN_STUB_NEVER_STEADY", "service-wsp");

            CliResult up = workspace.pulumi("up", "--yes", "--skip-preview");

            assertThat(up.exitCode()).as(up.describe()).isNotZero();
            assertThat(up.output()).contains("service-wsp").contains("tfSTABLE").contains("timeout: 5m0s");
            List<StubRecord.Call> creates = workspace.stubCalls().where(c -> c.method().equals("Create")
                    && !c.preview() && c.urn().endsWith("::service-wsp"));
            assertThat(creates).singleElement().satisfies(create -> assertThat(create.timeoutSeconds())
                    .isPositive().isLessThanOrEqualTo(300));
        }
    }
}
