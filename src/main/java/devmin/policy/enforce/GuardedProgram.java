package devmin.policy.enforce;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.deployment.internal.InlineDeploymentSettings;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.StackOptions;
import devmin.engine.EmbeddedEngine;
import devmin.engine.EngineDeployment;
import devmin.engine.EngineRun;
import devmin.engine.StackConfig;
import devmin.policy.PolicyConfig;
import devmin.policy.PolicyEngine;
import devmin.policy.PolicySetup;
import stacks.DevminProgram;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The dev-min program with its policy guard, however it is run: by the Pulumi language host, or under the embedded
 * engine for {@code devmin plan} and the tests. Waivers come from {@code policies/waivers.yaml} in the project
 * directory (the program's working directory).
 */
public final class GuardedProgram {

    private GuardedProgram() {
    }

    /** Runs under the real Pulumi engine (the language host started the jar); returns the program's exit code. */
    public static int runUnderPulumi(InlineDeploymentSettings settings) {
        ProgramPolicyGuard guard = new ProgramPolicyGuard(engineOrFail());
        return EngineDeployment.fromInline(settings, StackOptions.builder().resourceTransformations(guard).build())
                .runAsync(program(guard)).join();
    }

    /** Runs {@code program} guarded under the SDK's mock engine (tests use it to declare what the pack forbids). */
    public static EngineRun runEmbedded(StackConfig config, boolean preview, Consumer<Context> program,
                                        PolicyEngine engine) {
        ProgramPolicyGuard guard = new ProgramPolicyGuard(engine);
        return EmbeddedEngine.run(config, preview, guarded(program, guard), List.of(guard));
    }

    /**
     * The dev-min program under the guard as the language host runs it, under the SDK's mock engine with
     * {@code mocks} standing in for the providers (e.g. an ECR that holds the pinned image, or not).
     */
    public static EngineRun runEmbeddedProgram(StackConfig config, boolean preview, PolicyEngine engine,
                                               com.pulumi.test.Mocks mocks) {
        ProgramPolicyGuard guard = new ProgramPolicyGuard(engine);
        return EmbeddedEngine.run(config, preview, program(guard), mocks, List.of(guard));
    }

    /** The stack-level rules wait for the program's declarations, which follow the image gate's answer. */
    static Consumer<Context> program(ProgramPolicyGuard guard) {
        return program(guard, DevminProgram::declare);
    }

    /** {@code declare} under the guard, the stack-level rules waiting for the output it returns. */
    static Consumer<Context> program(ProgramPolicyGuard guard, Function<Context, Output<?>> declare) {
        return ctx -> guard.finishAfter(declare.apply(ctx));
    }

    private static Consumer<Context> guarded(Consumer<Context> program, ProgramPolicyGuard guard) {
        return ctx -> {
            program.accept(ctx);
            guard.finish();
        };
    }

    static PolicyEngine engineOrFail() {
        try {
            return PolicySetup.engine(PolicyConfig.DEFAULT_WAIVERS, null, LocalDate.now(ZoneOffset.UTC));
        } catch (PolicyConfig.PolicyConfigException e) {
            throw new RunException("policy waivers are unreadable: " + e.getMessage());
        }
    }
}
