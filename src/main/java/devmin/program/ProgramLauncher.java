package devmin.program;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.pulumi.deployment.internal.InlineDeploymentSettings;
import devmin.policy.enforce.GuardedProgram;
import stacks.spec.ConfigSource;
import stacks.spec.InvalidSpecException;
import stacks.spec.SpecParser;

import java.io.IOException;
import java.util.Map;

/**
 * The jar as the Pulumi Java language host starts it. The whole config is validated before the SDK starts, so an
 * invalid config registers nothing at all (not even the stack), logs every problem at ERROR level and exits with
 * Pulumi's "error already reported" code. Then the guarded program runs against the engine through
 * {@link DebugFilteringEngine}, which keeps the SDK's plaintext DEBUG dumps of requests out of the engine's logs.
 */
public final class ProgramLauncher {

    /** The exit code Pulumi programs use after logging a user-actionable error themselves. */
    public static final int EXIT_ERROR_REPORTED = 32;

    private ProgramLauncher() {
    }

    public static int run(Map<String, String> environment) throws IOException {
        LanguageHostEnvironment host = LanguageHostEnvironment.from(environment);
        try {
            SpecParser.parse(ConfigSource.of(host.config(), host.secretKeys()), host.project(), host.stack());
        } catch (InvalidSpecException e) {
            try {
                EngineLog.error(host.engine(), e.getMessage());
            } catch (io.grpc.StatusRuntimeException unreachable) {
                System.err.println(e.getMessage());
                System.err.println("devmin: the Pulumi engine at '" + host.engine() + "' could not be told ("
                        + unreachable.getStatus().getCode() + ")");
            }
            return EXIT_ERROR_REPORTED;
        }
        EngineOnlyLogging.install();
        try (DebugFilteringEngine engine = new DebugFilteringEngine(host.engine())) {
            InlineDeploymentSettings settings = InlineDeploymentSettings.builder()
                    .monitorAddr(environment.getOrDefault("PULUMI_MONITOR", ""))
                    .engineAddr(engine.address())
                    .project(host.project())
                    .stack(host.stack())
                    .organization(environment.getOrDefault("PULUMI_ORGANIZATION", "organization"))
                    .isDryRun(Boolean.parseBoolean(environment.getOrDefault("PULUMI_DRY_RUN", "false")))
                    .config(ImmutableMap.copyOf(host.config()))
                    .configSecretKeys(ImmutableSet.copyOf(host.secretKeys()))
                    .build();
            return GuardedProgram.runUnderPulumi(settings);
        }
    }
}
