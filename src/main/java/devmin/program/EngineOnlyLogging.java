package devmin.program;

import com.pulumi.deployment.internal.DeploymentImpl;

import java.util.logging.Logger;

/**
 * The SDK reports each program error twice: to the engine (which shows it as the stack's diagnostic) and to its
 * {@code java.util.logging} logger ({@code DeploymentImpl$DefaultEngineLogger.errorAsync}), whose console handler
 * writes it to stderr, which the language host shows once more as the stack's output. The engine's copy is the one of
 * record, so the SDK's logger keeps its messages off the console; nothing it logs is lost to the engine.
 */
final class EngineOnlyLogging {

    /** Held so the configured logger is not collected and recreated with the default handlers. */
    private static final Logger SDK = Logger.getLogger(DeploymentImpl.class.getName());

    private EngineOnlyLogging() {
    }

    static void install() {
        SDK.setUseParentHandlers(false);
    }
}
