package devmin.policy.enforce;

import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import devmin.engine.EngineRun;
import devmin.engine.PreviewMocks;
import devmin.policy.PolicyConfig;
import devmin.policy.PolicyEngine;
import devmin.policy.RulePack;
import org.junit.jupiter.api.Test;
import stacks.DevminProgram;

import java.time.LocalDate;

import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** Enforcement point 1: the guard inside the program fails a preview on a mandatory violation, by any code. */
class ProgramPolicyGuardTest {

    private static final PolicyEngine ENGINE = new PolicyEngine(RulePack.devmin(), PolicyConfig.none(),
            LocalDate.of(2026, 11, 22));

    @Test
    void theCommittedProgramPassesItsOwnGuard() {
        EngineRun run = GuardedProgram.runEmbedded(committedConfig(), true, DevminProgram::define, ENGINE);

        assertThat(run.errors()).isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void inAnUpdateTheStackLevelRulesWaitForTheLayersTheImageGateLetsThrough() {
        var pinned = PreviewMocks.pinnedImage(committedConfig()).orElseThrow();

        EngineRun run = GuardedProgram.runEmbeddedProgram(committedConfig(), false, ENGINE,
                new PreviewMocks(false, java.util.List.of(pinned)));

        assertThat(run.errors()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.graph().resources()).anyMatch(r -> r.type().equals("aws:budgets/budget:Budget"));
    }

    @Test
    void anUpdateOnAMissingImageFailsWithTheGatesBlockerAloneNotWithThePolicy() {
        EngineRun run = GuardedProgram.runEmbeddedProgram(committedConfig(), false, ENGINE,
                new PreviewMocks(false, java.util.List.of()));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errors()).singleElement().asString().contains("DEMO-IMAGE-MISSING")
                .doesNotContain("mandatory policy");
    }

    @Test
    void aNatGatewayDeclaredByAnyCodeFailsThePreviewWithRuleIdAndUrn() {
        EngineRun run = GuardedProgram.runEmbedded(committedConfig(), true, ctx -> {
            DevminProgram.define(ctx);
            new NatGateway("sneaky-nat", NatGatewayArgs.builder().subnetId("subnet-1").build());
        }, ENGINE);

        assertThat(run.exitCode()).isNotZero();
        assertThat(String.join("\n", run.errors())).contains("DM-COST-001")
                .contains("urn:pulumi:dev-min::devmin::pulumi:pulumi:Stack$aws:ec2/natGateway:NatGateway::sneaky-nat");
    }

    @Test
    void aStackLevelViolationFailsTheRunOnceEverythingIsDeclared() {
        EngineRun run = GuardedProgram.runEmbedded(committedConfig(), true, ctx -> {
            DevminProgram.define(ctx);
            new Role("rogue-role", RoleArgs.builder().name("devmin-dev-min-ecs-execution-extra")
                    .assumeRolePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[]}").build());
            new RolePolicy("rogue-policy", RolePolicyArgs.builder().role("devmin-dev-min-ecs-execution")
                    .policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                            + "\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}").build());
        }, ENGINE);

        assertThat(run.exitCode()).isNotZero();
        assertThat(String.join("\n", run.errors())).contains("DM-IAM-001").contains("secretsmanager:GetSecretValue");
    }
}
