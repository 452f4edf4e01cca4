package stacks;

import com.pulumi.Config;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.ComponentResourceOptions;
import stacks.confluent.ConfluentArgs;
import stacks.confluent.ConfluentStack;
import stacks.core.CoreArgs;
import stacks.core.CoreStack;
import stacks.demo.DemoPlan;
import stacks.demo.DemoSecrets;
import stacks.demo.DemoStack;
import stacks.demo.UnresolvedLaneException;
import stacks.handles.HandleRegistry;
import stacks.spec.ConfigKeys;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.InvalidSpecException;
import stacks.spec.SpecParser;

import java.util.Optional;

/**
 * The dev-min Pulumi program: parse and validate the whole spec first (an invalid config declares nothing), then
 * compose the layers in dependency order, each publishing its handles for the next. With
 * {@code devmin:demoWindow: closed} (an account's first deploy, before the image is pushed) the demo layer is left out.
 * With the window open, the pinned image is verified before anything else is declared: the program continues from
 * the gate's answer, so a missing image stops {@code pulumi up} having created nothing.
 */
public final class DevminProgram {

    public static final String HANDLES_OUTPUT = "handles";
    public static final String HANDLE_PUBLISHERS_OUTPUT = "handlePublishers";

    private DevminProgram() {
    }

    public static void define(Context ctx) {
        declare(ctx);
    }

    /**
     * Declares the stack and resolves once everything is declared (with the window open, only after the image gate
     * has passed; failed with the gate's blocker otherwise): what must see the whole stack, such as the policy guard's
     * stack-level rules, waits for it rather than for this method to return.
     */
    public static Output<HandleRegistry> declare(Context ctx) {
        EnvironmentSpec spec = specOf(ctx);
        StackSecrets secrets = fullKey -> namespace(ctx, fullKey).requireSecret(key(fullKey));
        Optional<ConfluentArgs.CloudApiCredentials> confluent = confluentCredentials(ctx);
        Output<HandleRegistry> declared;
        if (spec.demoWindowOpen()) {
            DemoStack demo = new DemoStack("demo", spec, ComponentResourceOptions.Empty);
            declared = demo.pinnedImageVerified().applyValue(verified -> {
                HandleRegistry handles = persistentLayers(spec, secrets, confluent);
                demo.declare(resolveDemo(spec, handles), handles, demoSecrets(spec, secrets));
                return handles;
            });
        } else {
            declared = Output.of(persistentLayers(spec, secrets, confluent));
        }

        ctx.export(HANDLES_OUTPUT, declared.apply(HandleRegistry::resolved));
        ctx.export(HANDLE_PUBLISHERS_OUTPUT, declared.applyValue(HandleRegistry::publishers));
        ctx.export("environment", Output.of(spec.environment()));
        return declared;
    }

    /** Core and confluent, the layers that outlive every window, with the handles they publish. */
    private static HandleRegistry persistentLayers(EnvironmentSpec spec, StackSecrets secrets,
                                                   Optional<ConfluentArgs.CloudApiCredentials> confluent) {
        HandleRegistry handles = new HandleRegistry();
        new CoreStack("core", new CoreArgs(spec, handles, secrets), ComponentResourceOptions.Empty);
        new ConfluentStack("confluent", new ConfluentArgs(spec, handles, confluent), ComponentResourceOptions.Empty);
        return handles;
    }

    /** Without a database the demo layer never reads these; the spec guarantees them when it is enabled. */
    private static DemoSecrets demoSecrets(EnvironmentSpec spec, StackSecrets secrets) {
        return spec.database().enabled()
                ? new DemoSecrets(secrets.require(ConfigKeys.DB_USER), secrets.require(ConfigKeys.DB_PASSWORD))
                : new DemoSecrets(Output.of(""), Output.of(""));
    }

    /** {@code confluentcloud:cloudApiKey}/{@code cloudApiSecret} when set; otherwise the provider's environment. */
    static Optional<ConfluentArgs.CloudApiCredentials> confluentCredentials(Context ctx) {
        var config = ctx.config("confluentcloud");
        if (config.get("cloudApiKey").isEmpty() || config.get("cloudApiSecret").isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConfluentArgs.CloudApiCredentials(config.requireSecret("cloudApiKey"),
                config.requireSecret("cloudApiSecret")));
    }

    private static DemoPlan resolveDemo(EnvironmentSpec spec, HandleRegistry handles) {
        try {
            return DemoPlan.resolve(spec, handles);
        } catch (UnresolvedLaneException e) {
            throw new RunException(e.getMessage());
        }
    }

    /** The spec from this run's config; a config error becomes a Pulumi run error without a stack trace. */
    static EnvironmentSpec specOf(Context ctx) {
        ConfigSource source = new ConfigSource() {
            @Override
            public Optional<String> get(String fullKey) {
                return namespace(ctx, fullKey).get(key(fullKey));
            }

            @Override
            public boolean isSecret(String fullKey) {
                return DeploymentInternal.getInstance().isConfigSecret(fullKey);
            }
        };
        try {
            return SpecParser.parse(source, ctx.projectName(), ctx.stackName());
        } catch (InvalidSpecException e) {
            throw new RunException(e.getMessage());
        }
    }

    /** {@code devmin:lanes} is key {@code lanes} of namespace {@code devmin}. */
    private static Config namespace(Context ctx, String fullKey) {
        return ctx.config(fullKey.substring(0, fullKey.indexOf(':')));
    }

    private static String key(String fullKey) {
        return fullKey.substring(fullKey.indexOf(':') + 1);
    }
}
