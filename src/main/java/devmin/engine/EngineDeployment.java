package devmin.engine;

import com.pulumi.Config;
import com.pulumi.context.internal.ConfigContextInternal;
import com.pulumi.context.internal.ContextInternal;
import com.pulumi.context.internal.LoggingContextInternal;
import com.pulumi.context.internal.OutputContextInternal;
import com.pulumi.core.internal.OutputFactory;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import com.pulumi.deployment.internal.DeploymentInstanceInternal;
import com.pulumi.deployment.internal.InlineDeploymentSettings;
import com.pulumi.internal.PulumiInternal;
import com.pulumi.resources.StackOptions;

/**
 * The program's deployment under the real Pulumi engine, wired as the SDK's {@code PulumiInternal.fromInline} wires it
 * (pulumi-java sdk 1.36.1) except for one part: the runner waits for the program's tasks with {@link QuietRunner}
 * instead of the SDK's {@code DefaultRunner} loop. That loop re-schedules itself on the common pool while any task is
 * in flight and formats every in-flight task into a log line on each pass, whatever the log level
 * ({@code DeploymentImpl.DefaultRunner.checkForTasks}); with ~300 registrations waiting on the engine it took three
 * quarters of the program's CPU in a preview on 2 cores (docs/engine-time.md).
 */
public final class EngineDeployment {

    private EngineDeployment() {
    }

    /** The program's Pulumi entry point for the engine and monitor in {@code settings}. */
    public static PulumiInternal fromInline(InlineDeploymentSettings settings, StackOptions options) {
        DeploymentImpl.DeploymentState state = DeploymentImpl.DeploymentState.fromInline(settings);
        state.runner = new QuietRunner(state.runner);
        DeploymentImpl deployment = new DeploymentImpl(state);
        DeploymentInstanceHolder.setInstance(new DeploymentInstanceInternal(deployment));

        var instance = Deployment.getInstance();
        var config = new ConfigContextInternal(deployment.getProjectName(),
                name -> new Config(instance.getConfig(), name));
        var outputs = new OutputContextInternal(new OutputFactory(deployment.getRunner()));
        var context = new ContextInternal(deployment.getOrganizationName(), deployment.getProjectName(),
                deployment.getStackName(), new LoggingContextInternal(deployment.getLog()), config, outputs,
                options.resourceTransformations());
        return new PulumiInternal(deployment.getRunner(), context);
    }
}
