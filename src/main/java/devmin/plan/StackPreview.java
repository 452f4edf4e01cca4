package devmin.plan;

import devmin.engine.EmbeddedEngine;
import stacks.DevminProgram;
import devmin.engine.EngineRun;
import devmin.engine.StackConfig;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

/**
 * Runs the real dev-min program for a stack under the embedded engine in preview mode. The spec is validated first,
 * so an invalid config fails with its structured errors before anything is declared.
 *
 * @param spec         the validated environment spec
 * @param run          what the program declared
 * @param unsetSecrets declared secrets the stack file does not set yet (the CLI refuses the stack until they are)
 */
public record StackPreview(EnvironmentSpec spec, EngineRun run, java.util.List<String> unsetSecrets) {

    public StackPreview(EnvironmentSpec spec, EngineRun run) {
        this(spec, run, java.util.List.of());
    }

    /** @throws stacks.spec.InvalidSpecException with every problem when the config is invalid */
    public static StackPreview of(StackConfig config) {
        EnvironmentSpec spec = SpecParser.parse(config.source(), config.project(),
                config.stack());
        EngineRun run = EmbeddedEngine.run(config, true, DevminProgram::define);
        if (!run.succeeded()) {
            throw new IllegalStateException("the program failed under the embedded engine (exit " + run.exitCode()
                    + "): " + String.join("; ", run.errors()));
        }
        return new StackPreview(spec, run, devmin.engine.StackFiles.unsetSecrets(config));
    }
}
