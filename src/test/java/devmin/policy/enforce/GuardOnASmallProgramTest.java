package devmin.policy.enforce;

import com.pulumi.Context;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.core.Output;
import devmin.engine.EmbeddedEngine;
import devmin.engine.EngineRun;
import devmin.policy.PolicyConfig;
import devmin.policy.PolicyEngine;
import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Rule;
import devmin.policy.RulePack;
import devmin.policy.Severity;
import devmin.policy.StackView;
import devmin.policy.Violation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-program guard on a program of one or two resources, with a two-rule pack of its own, so that each test
 * declares only what it is about (ProgramPolicyGuardTest runs the whole dev-min program): a per-resource rule that
 * forbids roles named {@code bad-*}, and a stack-level rule that forbids a stack holding a role named {@code rogue-*}
 * and counts how often it was run.
 */
class GuardOnASmallProgramTest {

    private static final String PER_RESOURCE = "TEST-RES-001";
    private static final String STACK_LEVEL = "TEST-STACK-001";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";

    private final AtomicInteger stackChecks = new AtomicInteger();
    private final PolicyEngine engine = new PolicyEngine(new RulePack("test-pack", "0", List.of(
            new NamedResourceRule(), new RogueStackRule(stackChecks))), PolicyConfig.none(), LocalDate.of(2026, 12, 6));

    private static void role(String name) {
        new Role(name, RoleArgs.builder().assumeRolePolicy(TRUST).build());
    }

    private EngineRun guarded(Consumer<Context> program) {
        return GuardedProgram.runEmbedded(committedConfig(), true, program, engine);
    }

    /** {@code declare} as the language host runs the dev-min program: the stack-level rules wait for its output. */
    private EngineRun guardedAfter(java.util.function.Function<Context, Output<?>> declare) {
        ProgramPolicyGuard guard = new ProgramPolicyGuard(engine);
        return EmbeddedEngine.run(committedConfig(), true, GuardedProgram.program(guard, declare), List.of(guard));
    }

    @Test
    void aPerResourceViolationFailsTheRunWithRuleIdAndUrnBeforeAnyStackLevelRuleRuns() {
        EngineRun run = guarded(ctx -> {
            role("good-role");
            role("bad-role");
        });

        assertThat(run.exitCode()).isNotZero();
        assertThat(String.join("\n", run.errors())).contains("mandatory policy violation")
                .contains(PER_RESOURCE + " urn:pulumi:dev-min::devmin::pulumi:pulumi:Stack$aws:iam/role:Role::bad-role")
                .doesNotContain("::good-role");
        assertThat(stackChecks).as("the per-resource check fails the run: the stack-level rules never run").hasValue(0);
    }

    @Test
    void aStackLevelViolationFailsTheRunOnceEverythingIsDeclared() {
        EngineRun run = guarded(ctx -> role("rogue-role"));

        assertThat(run.exitCode()).isNotZero();
        assertThat(String.join("\n", run.errors())).contains(STACK_LEVEL).contains("::rogue-role");
        assertThat(stackChecks).hasValue(1);
    }

    @Test
    void aProgramTheRulesAcceptPassesAfterTheStackLevelRulesRanOnce() {
        EngineRun run = guarded(ctx -> role("good-role"));

        assertThat(run.errors()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(stackChecks).hasValue(1);
    }

    @Test
    void theStackLevelRulesRunOnceTheDeclaredOutputResolvesAndFailTheRun() {
        EngineRun run = guardedAfter(ctx -> {
            role("rogue-role");
            return Output.of("declared");
        });

        assertThat(run.exitCode()).isNotZero();
        assertThat(String.join("\n", run.errors())).contains(STACK_LEVEL).contains("::rogue-role");
        assertThat(stackChecks).hasValue(1);
    }

    @Test
    void aPerResourceViolationFailsTheRunAlsoWhenTheStackLevelRulesWaitForAnOutput() {
        EngineRun run = guardedAfter(ctx -> {
            role("bad-role");
            return Output.of("declared");
        });

        assertThat(run.exitCode()).isNotZero();
        assertThat(String.join("\n", run.errors())).contains(PER_RESOURCE).contains("::bad-role");
        assertThat(stackChecks).hasValue(0);
    }

    @Test
    void whenTheDeclaringOutputFailsTheStackLevelRulesAreNotRun() {
        // The program has failed with its own error (the image gate's blocker); the guard adds nothing to it.
        EngineRun run = guardedAfter(ctx -> {
            role("rogue-role");
            return Output.of(CompletableFuture.failedFuture(new IllegalStateException("the gate said no")));
        });

        assertThat(String.join("\n", run.errors())).doesNotContain(STACK_LEVEL).doesNotContain("mandatory policy");
        assertThat(stackChecks).hasValue(0);
    }

    @Test
    void theLanguageHostsEngineIsTheDevminPackWithTheCommittedWaivers() {
        PolicyEngine committed = GuardedProgram.engineOrFail();

        assertThat(committed.pack().name()).isEqualTo(RulePack.NAME);
        assertThat(committed.pack().rules()).hasSameSizeAs(RulePack.devmin().rules());
    }

    /** Per resource: a role named {@code bad-*} is forbidden. */
    private static final class NamedResourceRule implements ResourceRule {
        @Override
        public String id() {
            return PER_RESOURCE;
        }

        @Override
        public String name() {
            return "no-bad-roles";
        }

        @Override
        public String statement() {
            return "No role is named bad-*.";
        }

        @Override
        public String remediation() {
            return "Rename it.";
        }

        @Override
        public Severity severity() {
            return Severity.HIGH;
        }

        @Override
        public List<Violation> check(ResourceView resource) {
            return resource.name().startsWith("bad-") ? List.of(new Violation(resource.urn(), "a bad role"))
                    : List.of();
        }
    }

    /** Stack level: a stack holding a role named {@code rogue-*} is forbidden; counts its runs. */
    private record RogueStackRule(AtomicInteger runs) implements Rule {
        @Override
        public String id() {
            return STACK_LEVEL;
        }

        @Override
        public String name() {
            return "no-rogue-roles";
        }

        @Override
        public String statement() {
            return "No stack holds a role named rogue-*.";
        }

        @Override
        public String remediation() {
            return "Remove it.";
        }

        @Override
        public Severity severity() {
            return Severity.HIGH;
        }

        @Override
        public boolean stackLevel() {
            return true;
        }

        @Override
        public List<Violation> check(StackView stack) {
            runs.incrementAndGet();
            return stack.resources().stream().filter(r -> r.name().startsWith("rogue-"))
                    .map(r -> new Violation(r.urn(), "a rogue role in the stack")).toList();
        }
    }
}
