package devmin.confluentcloud;

import com.pulumi.resources.CustomResourceOptions;

import java.util.List;

/**
 * devmin's own typed binding of the Pulumi Confluent Cloud provider (the provider publishes no Java SDK on Maven
 * Central). Wire names, types and secrets follow the provider's schema at {@link #VERSION}; the plugin is declared by
 * {@code com/devmin/confluentcloud/plugin.json}, and every registration asks for exactly that plugin version.
 */
public final class ConfluentPackage {

    public static final String NAME = "confluentcloud";
    public static final String VERSION = "2.79.0";

    private ConfluentPackage() {
    }

    /** The caller's options over the binding's defaults: the plugin version, and the outputs the engine must keep secret. */
    static CustomResourceOptions options(CustomResourceOptions options, List<String> secretOutputs) {
        CustomResourceOptions defaults = CustomResourceOptions.builder()
                .version(VERSION)
                .additionalSecretOutputs(secretOutputs)
                .build();
        return CustomResourceOptions.merge(defaults, options);
    }
}
