package stacks.core;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import stacks.Layer;
import stacks.LayerScope;

import java.util.Map;

/**
 * The persistent, protected core layer: evidence bucket, image registry, SSM handles, budget, the GitHub OIDC trust
 * with its three CI roles, the roles the demo's tasks run as (the execution role and one role per lane, under the
 * demo permissions boundary) and the lanes' log groups (logs are evidence and outlive every demo window).
 */
public final class CoreStack extends ComponentResource {

    private final EvidenceBucket evidence;
    private final ImageRegistry registry;

    public CoreStack(String name, CoreArgs args, ComponentResourceOptions options) {
        super(Layer.CORE.componentType(), name, options);
        LayerScope scope = new LayerScope(Layer.CORE, this, args.spec());
        CoreNames names = CoreNames.of(args.spec());
        String publisher = "CoreStack";

        this.evidence = new EvidenceBucket(scope, names);
        this.registry = new ImageRegistry(scope, names, args.spec().ecrKeepTaggedImages(), args.spec().image().tag());
        new HandleParameters(scope, args.spec(), args.secrets()).publish(args.handles(), publisher);
        new CostBudget(scope, names, args.spec().budget());
        new CiRoles(scope, names, args.spec()).publish(args.handles(), publisher);
        new LaneRoles(scope, args.spec(), names).publish(args.handles(), publisher);
        new LaneLogGroups(scope, args.spec()).publish(args.handles(), publisher);

        evidence.publish(args.handles(), publisher);
        registry.publish(args.handles(), publisher);
        registerOutputs(Map.of("evidenceBucket", evidence.bucketName(), "ecrRepositoryUrl", registry.repositoryUrl()));
    }
}
