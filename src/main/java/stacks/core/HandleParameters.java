package stacks.core;

import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import stacks.LayerScope;
import stacks.StackSecrets;
import stacks.handles.HandleName;
import stacks.handles.HandleRegistry;
import stacks.handles.SsmHandles;
import stacks.spec.ConfigKeys;
import stacks.spec.EnvironmentSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SSM handles. Core declares the parameters whose values it owns (from secret config, as SecureString) and
 * publishes every handle path, including the ones another layer writes (the Confluent bootstrap, key and secret):
 * that layer must declare its parameters under exactly the published path and materialize the handle with them.
 */
final class HandleParameters {

    private final Map<String, String> paths;
    private final Map<String, String> credentialPaths = new LinkedHashMap<>();
    private final Map<String, Parameter> owned = new LinkedHashMap<>();

    HandleParameters(LayerScope scope, EnvironmentSpec spec, StackSecrets secrets) {
        this.paths = SsmHandles.paths(spec.environment(), spec.database().enabled());
        List<String> principals = new ArrayList<>(SsmHandles.kafkaLanes(spec));
        principals.add(SsmHandles.PREFLIGHT);
        principals.forEach(principal -> SsmHandles.credentialPaths(spec.environment(), principal).forEach(
                (handle, path) -> credentialPaths.put(HandleName.forLane(handle, principal), path)));
        Map<String, String> fromSecrets = new LinkedHashMap<>();
        fromSecrets.put(HandleName.SSM_IG_API_KEY_PATH, ConfigKeys.IG_API_KEY);
        if (spec.database().enabled()) {
            fromSecrets.put(HandleName.SSM_DB_USER_PATH, ConfigKeys.DB_USER);
            fromSecrets.put(HandleName.SSM_DB_PASSWORD_PATH, ConfigKeys.DB_PASSWORD);
        }
        fromSecrets.forEach((handle, configKey) -> owned.put(handle, new Parameter(logicalName(handle),
                ParameterArgs.builder()
                        .name(paths.get(handle))
                        .type("SecureString")
                        .tier("Standard")
                        .value(secrets.require(configKey))
                        .description("devmin handle " + handle)
                        .build(), scope.aws())));
    }

    /** The parameters core writes are published with them; the others wait for the layer that writes them. */
    void publish(HandleRegistry handles, String publisher) {
        paths.forEach((handle, path) -> {
            Parameter parameter = owned.get(handle);
            if (parameter != null) {
                handles.publish(handle, publisher, path, parameter);
                handles.revise(handle, parameter.version().applyValue(String::valueOf));
            } else {
                handles.declare(handle, publisher, path);
            }
        });
        credentialPaths.forEach((handle, path) -> handles.declare(handle, publisher, path));
    }

    /** {@code SSM_IG_API_KEY_PATH} becomes {@code ssm-ig-api-key}. */
    static String logicalName(String handle) {
        return handle.replaceFirst("_PATH$", "").toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
