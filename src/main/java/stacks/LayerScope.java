package stacks;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import stacks.spec.EnvironmentSpec;

import java.util.List;

/**
 * What every resource of one layer shares: its parent component, the layer's AWS provider (region, allowed account
 * and the layer's default tags) and the layer's protect flag. Components ask it for options instead of assembling
 * them, so no resource can forget its tags or its protection. (The demo layer's image gate is not a dependency here:
 * the program declares nothing before the gate has passed, see {@code DevminProgram}.)
 */
public final class LayerScope {

    private final Layer layer;
    private final ComponentResource component;
    private final Provider aws;

    public LayerScope(Layer layer, ComponentResource component, EnvironmentSpec spec) {
        this(layer, component, new Provider(component.pulumiResourceName() + "-aws", ProviderArgs.builder()
                .region(spec.awsRegion())
                .allowedAccountIds(List.of(spec.awsAccountId()))
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(StackTags.of(spec, layer)).build())
                .build(), CustomResourceOptions.builder().parent(component).build()));
    }

    private LayerScope(Layer layer, ComponentResource component, Provider aws) {
        this.layer = layer;
        this.component = component;
        this.aws = aws;
    }

    /** The layer's AWS provider, for invokes that must see the layer's account and region. */
    public ProviderResource awsProvider() {
        return aws;
    }

    /** Options for an AWS resource of this layer. */
    public CustomResourceOptions aws(Resource... dependsOn) {
        return using(aws, dependsOn);
    }

    /** Options for an AWS resource of this layer that depends on a list built elsewhere. */
    public CustomResourceOptions aws(List<? extends Resource> dependsOn) {
        return using(aws, dependsOn.toArray(Resource[]::new));
    }

    /** Options for a resource of this layer managed by another provider (e.g. Confluent Cloud). */
    public CustomResourceOptions using(ProviderResource provider, Resource... dependsOn) {
        return CustomResourceOptions.builder()
                .parent(component)
                .provider(provider)
                .protect(layer.isProtected())
                .dependsOn(List.of(dependsOn))
                .build();
    }
}
