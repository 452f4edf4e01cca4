package devmin.plan;

import devmin.engine.EmbeddedEngine;
import stacks.DevminProgram;
import devmin.engine.EngineRun;
import devmin.engine.StackConfig;
import stacks.spec.EnvironmentSpec;
import stacks.spec.Placeholders;
import stacks.spec.SpecParser;

/**
 * Runs the real dev-min program for a stack under the embedded engine in preview mode. The spec is validated first,
 * so an invalid config fails with its structured errors before anything is declared.
 *
 * @param spec         the validated environment spec
 * @param run          what the program declared
 * @param unsetSecrets declared secrets the stack file does not set yet (the CLI refuses the stack until they are)
 * @param placeholders the committed file's example values still in the config (a warning, see {@link Placeholders})
 */
public record StackPreview(EnvironmentSpec spec, EngineRun run, java.util.List<String> unsetSecrets,
                           java.util.List<Placeholders.Placeholder> placeholders) {

    public StackPreview(EnvironmentSpec spec, EngineRun run) {
        this(spec, run, java.util.List.of(), java.util.List.of());
    }

    public StackPreview {
        unsetSecrets = java.util.List.copyOf(unsetSecrets);
        placeholders = java.util.List.copyOf(placeholders);
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
        return new StackPreview(spec, run, devmin.engine.StackFiles.unsetSecrets(config),
                Placeholders.in(config.source()));
    }
}
