package stacks;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;
import stacks.spec.EnvironmentSpec;

import java.util.List;
import java.util.Optional;

/**
 * What every resource of one layer shares: its parent component, the layer's AWS provider (region, allowed account
 * and the layer's default tags), the layer's protect flag, and optionally a gate that every resource of the layer
 * waits for (the demo layer waits for its pinned image to be verified). Components ask it for options instead of
 * assembling them, so no resource can forget its tags, its protection or its gate.
 */
public final class LayerScope {

    private final Layer layer;
    private final ComponentResource component;
    private final Provider aws;
    private final Optional<Output<List<Resource>>> gate;

    public LayerScope(Layer layer, ComponentResource component, EnvironmentSpec spec) {
        this(layer, component, new Provider(component.pulumiResourceName() + "-aws", ProviderArgs.builder()
                .region(spec.awsRegion())
                .allowedAccountIds(List.of(spec.awsAccountId()))
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(StackTags.of(spec, layer)).build())
                .build(), CustomResourceOptions.builder().parent(component).build()), Optional.empty());
    }

    private LayerScope(Layer layer, ComponentResource component, Provider aws, Optional<Output<List<Resource>>> gate) {
        this.layer = layer;
        this.component = component;
        this.aws = aws;
        this.gate = gate;
    }

    /** The same scope, with every resource it declares from now on waiting for {@code gate} to resolve. */
    public LayerScope gatedBy(Output<List<Resource>> gate) {
        return new LayerScope(layer, component, aws, Optional.of(gate));
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
        List<Resource> explicit = List.of(dependsOn);
        CustomResourceOptions.Builder options = CustomResourceOptions.builder()
                .parent(component)
                .provider(provider)
                .protect(layer.isProtected());
        return gate.map(g -> options.dependsOn(g.applyValue(passed -> concat(passed, explicit))))
                .orElseGet(() -> options.dependsOn(explicit)).build();
    }

    private static List<Resource> concat(List<Resource> first, List<Resource> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
