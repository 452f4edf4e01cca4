package devmin.ci;

import devmin.graph.DeclaredResource;
import devmin.graph.StackGraph;
import devmin.testing.IamSimulator;
import stacks.StackTags;
import stacks.core.CoreNames;
import stacks.spec.EnvironmentSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The IAM request one provider call makes for one declared resource: the resources it names and the request's own
 * condition keys. Which of those resources IAM authorizes the action against, and whether a key reaches the
 * evaluation at all, is not decided here but by the Service Authorization Reference (see {@link IamSimulator}): this
 * only states what the call carries.
 * <ul>
 *   <li>the resource acted on, new (no tags) when the call creates it, otherwise with its layer's tags, and every
 *   declared resource its inputs reference (a subnet's VPC, an association's route table and subnet);</li>
 *   <li>the tags sent with a create, and with a tagging call ({@code aws:RequestTag/…}, {@code aws:TagKeys});</li>
 *   <li>tags sent with a create are authorized as the service's tagging action with the creating API in a key (EC2
 *   User Guide and ECS Developer Guide, "Grant permission to tag resources during creation": {@code ec2:CreateAction},
 *   {@code ecs:CreateAction});</li>
 *   <li>ECS service calls carry their cluster ({@code ecs:cluster}); {@code iam:PassRole} the service a role is passed
 *   to; {@code iam:CreateServiceLinkedRole} the service whose role it is.</li>
 * </ul>
 */
final class ProviderRequests {

    private static final List<String> TAGGING = List.of("ec2:CreateTags", "ecs:TagResource",
            "servicediscovery:TagResource", "rds:AddTagsToResource");

    /**
     * The private hosted zone Cloud Map creates for a namespace (AWS Cloud Map Developer Guide, "AWS Cloud Map API
     * permissions reference": creating a private DNS namespace calls Route 53 on the caller's rights). Route 53 ids
     * are assigned by AWS; this stands for it.
     */
    private static final String HOSTED_ZONE = "arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ";

    private ProviderRequests() {
    }

    static List<Requirement> of(String job, String cause, DeclaredResource resource, StackGraph graph,
                                ProviderActions.Operation operation, String action, String createApi,
                                EnvironmentSpec spec, DeclaredArns arns) {
        String service = action.substring(0, action.indexOf(':'));
        if (service.equals("iam")) {
            return iam(job, cause, resource, action, spec);
        }
        boolean creates = operation == ProviderActions.Operation.CREATE;
        // Only the creating call and the tags sent with it act on a resource that does not exist yet; every later
        // call of a create (a VPC's attributes, a security group's rules) acts on the resource, tagged at creation.
        boolean onNewResource = creates && (action.equals(createApi) || TAGGING.contains(action));
        List<IamSimulator.Target> targets = new ArrayList<>(arns.targets(resource, onNewResource));
        if (action.startsWith("route53:")) {
            targets.add(IamSimulator.Target.existing(HOSTED_ZONE, Map.of()));
        }
        Requirement request = new Requirement(job, cause, action, targets, Map.of());
        boolean sendsTags = (creates && action.equals(createApi)) || (TAGGING.contains(action)
                && operation != ProviderActions.Operation.DELETE && operation != ProviderActions.Operation.READ);
        if (sendsTags) {
            Map<String, String> tags = arns.tags(resource);
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                request = request.with("aws:RequestTag/" + tag.getKey(), tag.getValue());
            }
            request = request.with("aws:TagKeys", tags.keySet().toArray(String[]::new));
        }
        String api = createApi.substring(createApi.indexOf(':') + 1);
        if (creates && action.equals("ec2:CreateTags")) {
            request = request.with("ec2:CreateAction", api);
        }
        if (creates && action.equals("ecs:TagResource")) {
            request = request.with("ecs:CreateAction", api);
        }
        if (resource.type().equals("aws:ecs/service:Service") && action.startsWith("ecs:")) {
            request = request.with("ecs:cluster", clusterArn(resource, arns));
        }
        return List.of(request);
    }

    private static String clusterArn(DeclaredResource service, DeclaredArns arns) {
        return arns.of(arns.clusterOf(service)).orElseThrow();
    }

    /**
     * The IAM calls a window's provider operations make: passing the lane's and the execution role to ECS tasks
     * (a task definition names them), and the service-linked role ECS or RDS creates on the caller's rights the first
     * time an account uses it. Any other IAM call would be the window writing IAM, which it never does.
     */
    private static List<Requirement> iam(String job, String cause, DeclaredResource resource, String action,
                                         EnvironmentSpec spec) {
        CoreNames names = CoreNames.of(spec);
        if (action.equals("iam:PassRole")) {
            List<Requirement> passed = new ArrayList<>();
            for (String field : List.of("executionRoleArn", "taskRoleArn")) {
                String arn = JobRequirements.input(resource, field).asText("");
                if (!arn.isEmpty()) {
                    passed.add(Requirement.on(job, cause, action, arn)
                            .with("iam:PassedToService", "ecs-tasks.amazonaws.com"));
                }
            }
            return passed;
        }
        if (action.equals("iam:CreateServiceLinkedRole")) {
            String service = resource.type().startsWith("aws:rds/") ? "rds.amazonaws.com" : "ecs.amazonaws.com";
            String role = service.startsWith("rds") ? "AWSServiceRoleForRDS" : "AWSServiceRoleForECS";
            return List.of(Requirement.on(job, cause, action, names.serviceLinkedRoleArn(service, role))
                    .with("iam:AWSServiceName", service));
        }
        throw new IllegalStateException(cause + " would call " + action + " on " + resource.type() + " "
                + resource.name() + ": a window writes no IAM");
    }

    /** The demo layer's tags, as its resources carry them. */
    static Map<String, String> demoTags(EnvironmentSpec spec) {
        return StackTags.of(spec, stacks.Layer.DEMO);
    }
}
