package stacks;

import com.pulumi.core.Output;

/**
 * Secret stack config as Pulumi secrets. Components receive secrets only through this, so a secret value is never
 * a plain Java string anywhere in the program.
 */
@FunctionalInterface
public interface StackSecrets {

    /** The secret at a full config key such as {@code devmin:igApiKey}; always a Pulumi secret output. */
    Output<String> require(String fullKey);
}
