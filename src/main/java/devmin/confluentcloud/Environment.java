package devmin.confluentcloud;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/** A Confluent Cloud environment: the container of clusters and service-account scopes. */
@ResourceType(type = Environment.TYPE)
public final class Environment extends CustomResource {

    public static final String TYPE = "confluentcloud:index/environment:Environment";
    public static final List<String> SECRET_OUTPUTS = List.of();

    @Export(name = "displayName", refs = {String.class}, tree = "[0]")
    private Output<String> displayName;
    @Export(name = "resourceName", refs = {String.class}, tree = "[0]")
    private Output<String> resourceName;

    public Environment(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, ConfluentPackage.options(options, SECRET_OUTPUTS), false);
    }

    public Output<String> displayName() {
        return displayName;
    }

    /** The environment CRN, the crnPattern of environment-scoped role bindings. */
    public Output<String> resourceName() {
        return resourceName;
    }

    // Pulumi's serializer reads the @Import fields by reflection; no Java code reads them.
    @SuppressWarnings("UnusedVariable")
    public static final class Args extends ResourceArgs {
        @Import(name = "displayName")
        private final Output<String> displayName;

        public Args(String displayName) {
            this.displayName = Output.of(displayName);
        }
    }
}
