package devmin.confluentcloud;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/** A Confluent service account: the principal ({@code User:sa-…}) of role bindings, API keys and ACLs. */
@ResourceType(type = ServiceAccount.TYPE)
public final class ServiceAccount extends CustomResource {

    public static final String TYPE = "confluentcloud:index/serviceAccount:ServiceAccount";
    public static final List<String> SECRET_OUTPUTS = List.of();

    @Export(name = "displayName", refs = {String.class}, tree = "[0]")
    private Output<String> displayName;
    @Export(name = "apiVersion", refs = {String.class}, tree = "[0]")
    private Output<String> apiVersion;
    @Export(name = "kind", refs = {String.class}, tree = "[0]")
    private Output<String> kind;

    public ServiceAccount(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, ConfluentPackage.options(options, SECRET_OUTPUTS), false);
    }

    public Output<String> displayName() {
        return displayName;
    }

    public Output<String> apiVersion() {
        return apiVersion;
    }

    public Output<String> kind() {
        return kind;
    }

    /** The principal string for role bindings and ACLs. */
    public Output<String> principal() {
        return id().applyValue(id -> "User:" + id);
    }

    // Pulumi's serializer reads the @Import fields by reflection; no Java code reads them.
    @SuppressWarnings("UnusedVariable")
    public static final class Args extends ResourceArgs {
        @Import(name = "displayName")
        private final Output<String> displayName;
        @Import(name = "description")
        private final Output<String> description;

        /** Display names are limited to 64 characters upstream, so devmin always sets a short one. */
        public Args(String displayName, String description) {
            if (displayName.length() > 64) {
                throw new IllegalArgumentException("service account displayName '" + displayName
                        + "' is longer than the 64 characters Confluent allows");
            }
            this.displayName = Output.of(displayName);
            this.description = Output.of(description);
        }
    }
}
