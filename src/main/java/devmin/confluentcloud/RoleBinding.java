package devmin.confluentcloud;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.List;

/** An RBAC role binding of a principal to a role on a CRN pattern. */
@ResourceType(type = RoleBinding.TYPE)
public final class RoleBinding extends CustomResource {

    public static final String TYPE = "confluentcloud:index/roleBinding:RoleBinding";
    public static final List<String> SECRET_OUTPUTS = List.of();

    public RoleBinding(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, ConfluentPackage.options(options, SECRET_OUTPUTS), false);
    }

    // Pulumi's serializer reads the @Import fields by reflection; no Java code reads them.
    @SuppressWarnings("UnusedVariable")
    public static final class Args extends ResourceArgs {
        @Import(name = "principal", required = true)
        private final Output<String> principal;
        @Import(name = "roleName", required = true)
        private final Output<String> roleName;
        @Import(name = "crnPattern", required = true)
        private final Output<String> crnPattern;

        public Args(Output<String> principal, String roleName, Output<String> crnPattern) {
            this.principal = principal;
            this.roleName = Output.of(roleName);
            this.crnPattern = crnPattern;
        }
    }
}
