package devmin.realengine;

import devmin.realengine.redteam.ForbiddenResourcesProgram;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy pack loaded by the real Pulumi CLI blocks a program that is not devmin's: a NAT gateway, a load balancer
 * and an execution role that reads SSM fail {@code pulumi preview}; once such a stack exists (deployed without the
 * pack), {@code pulumi policy analyze} reports the same violations.
 */
class PolicyPackBlocksIT {

    static final List<String> FORBIDDEN = List.of("DM-COST-001", "DM-COST-002", "DM-IAM-001");

    @Test
    void aPreviewWithThePackFailsAndAnalyzeReportsTheSameOnAStackThatHoldsThem() {
        try (PulumiWorkspace workspace = PulumiWorkspace.ofTestProgram(RealEngine.require(), "forbidden",
                ForbiddenResourcesProgram.class)) {
            CommittedStackIT.succeeded(workspace.pulumi("stack", "init", "red-team"));

            CliResult preview = workspace.pulumi(CommittedStackIT.args(CommittedStackIT.POLICY_PACK, "preview"));
            assertThat(preview.exitCode()).as(preview.describe()).isNotZero();
            assertThat(preview.output()).as(preview.describe()).contains(FORBIDDEN);
            assertThat(workspace.stubCalls().creates()).isEmpty();

            CommittedStackIT.succeeded(workspace.pulumi("up", "--yes", "--skip-preview"));
            CliResult analyze = workspace.pulumi(CommittedStackIT.args(CommittedStackIT.POLICY_PACK, "policy",
                    "analyze"));
            assertThat(analyze.exitCode()).as(analyze.describe()).isNotZero();
            assertThat(analyze.output()).as(analyze.describe()).contains(FORBIDDEN);
        }
    }
}
