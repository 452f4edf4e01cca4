package devmin.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.Context;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.test.internal.PulumiTestInternal;
import devmin.graph.StackGraph;

import com.pulumi.resources.ResourceTransformation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a Pulumi program in-process under the Pulumi Java SDK's mock engine, with no CLI, cloud or credentials, and
 * captures what it declares. The SDK keeps one deployment per JVM, so runs are serialized.
 */
public final class EmbeddedEngine {

    private EmbeddedEngine() {
    }

    public static EngineRun run(StackConfig config, boolean preview, Consumer<Context> program) {
        return run(config, preview, program, PreviewMocks.holdingThePinnedImage(preview, config), List.of());
    }

    /** With stack-wide resource transformations, as {@code Pulumi.withOptions(StackOptions)} would apply them. */
    public static EngineRun run(StackConfig config, boolean preview, Consumer<Context> program,
                                List<ResourceTransformation> transformations) {
        return run(config, preview, program, PreviewMocks.holdingThePinnedImage(preview, config), transformations);
    }

    public static EngineRun run(StackConfig config, boolean preview, Consumer<Context> program, Mocks mocks) {
        return run(config, preview, program, mocks, List.of());
    }

    /** The same with the caller's stand-in for the cloud providers (tests use it to return chosen outputs). */
    public static synchronized EngineRun run(StackConfig config, boolean preview, Consumer<Context> program,
                                             Mocks mocks, List<ResourceTransformation> transformations) {
        PulumiTest.cleanup();
        Logger quiet = Logger.getLogger("devmin.embedded-engine");
        quiet.setUseParentHandlers(false);
        quiet.setLevel(Level.OFF);
        CapturingMonitor monitor = new CapturingMonitor(mocks, PulumiTestInternal.mockLog(quiet));
        try {
            var test = PulumiTestInternal.builder()
                    .options(TestOptions.builder()
                            .projectName(config.project())
                            .stackName(config.stack())
                            .preview(preview)
                            .resourceTransformations(transformations)
                            .build())
                    .mocks(mocks)
                    .standardLogger(quiet)
                    .config(config.values(), config.secretKeys())
                    .monitorDecorator(ignored -> monitor)
                    .deploymentFactory(state -> {
                        state.runner = new QuietRunner(state.runner);
                        return new DeploymentImpl(state);
                    })
                    .build();
            var result = test.runTest(program);
            Map<String, JsonNode> outputs = new LinkedHashMap<>();
            monitor.stackOutputs().fields().forEachRemaining(e -> outputs.put(e.getKey(), e.getValue()));
            return new EngineRun(result.exitCode(), new StackGraph(monitor.declared(), outputs), result.errors());
        } finally {
            PulumiTest.cleanup();
        }
    }
}
