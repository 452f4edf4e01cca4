package devmin.ci;

import devmin.graph.DeclaredResource;
import devmin.graph.StackGraph;
import devmin.policy.iam.IamRequest;
import stacks.StackTags;
import stacks.core.CoreNames;
import stacks.spec.EnvironmentSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IAM requests one provider call makes for one declared resource: on which resource ARN and with which condition
 * keys. IAM actions act on the role the resource names (with the boundary it carries, the service it is passed to,
 * the service whose linked role it creates); ECR actions on the repository; an update, read or delete of a demo
 * resource carries the demo layer's tags ({@code aws:ResourceTag/...}), a create does not (the resource does not
 * exist yet). Everything else is evaluated on {@code *}; an IAM, S3 or SSM action this cannot place is an error.
 */
final class ProviderRequests {

    private ProviderRequests() {
    }

    static List<IamRequest> of(DeclaredResource resource, StackGraph graph, ProviderActions.Operation operation,
                               String action, String createApi, EnvironmentSpec spec, CoreNames names) {
        List<IamRequest> requests = new ArrayList<>();
        String service = action.substring(0, action.indexOf(':'));
        switch (service) {
            case "iam" -> requests.addAll(iam(resource, graph, action, names));
            case "ecr" -> requests.add(IamRequest.of(action, names.ecrRepositoryArn()));
            case "s3", "ssm", "kms", "secretsmanager" -> throw new IllegalStateException("no ARN rule for " + action
                    + " on " + resource.type());
            default -> requests.add(IamRequest.of(action, "*"));
        }
        if (operation == ProviderActions.Operation.CREATE) {
            return tagOnCreate(requests, action, createApi, spec);
        }
        if (!graph.layerOf(resource).equals(Optional.of("demo"))) {
            return requests;
        }
        return requests.stream().map(r -> r.with("aws:ResourceTag/" + StackTags.LAYER,
                        JobRequirements.demoTags(spec).get(StackTags.LAYER))
                .with("aws:ResourceTag/" + StackTags.ENVIRONMENT, JobRequirements.demoTags(spec)
                        .get(StackTags.ENVIRONMENT))).toList();
    }

    /**
     * Tags sent with a create are authorized as their own action, with the creating API in a condition key (EC2 User
     * Guide and ECS Developer Guide, "Grant permission to tag resources during creation": ec2:CreateAction,
     * ecs:CreateAction). Cloud Map has no such key: its tag-on-create is authorized with the tags sent
     * ({@code aws:RequestTag/...}, Service Authorization Reference for AWS Cloud Map), which are the demo layer's.
     */
    private static List<IamRequest> tagOnCreate(List<IamRequest> requests, String action, String createApi,
                                                EnvironmentSpec spec) {
        String api = createApi.substring(createApi.indexOf(':') + 1);
        Map<String, String> tags = JobRequirements.demoTags(spec);
        return switch (action) {
            case "ec2:CreateTags" -> requests.stream().map(r -> r.with("ec2:CreateAction", api)).toList();
            case "ecs:TagResource" -> requests.stream().map(r -> r.with("ecs:CreateAction", api)).toList();
            case "servicediscovery:TagResource" -> requests.stream()
                    .map(r -> r.with("aws:RequestTag/" + StackTags.LAYER, tags.get(StackTags.LAYER))
                            .with("aws:RequestTag/" + StackTags.ENVIRONMENT, tags.get(StackTags.ENVIRONMENT)))
                    .toList();
            default -> requests;
        };
    }

    private static List<IamRequest> iam(DeclaredResource resource, StackGraph graph, String action, CoreNames names) {
        if (action.equals("iam:PassRole")) {
            List<IamRequest> passed = new ArrayList<>();
            for (String field : List.of("executionRoleArn", "taskRoleArn")) {
                String arn = JobRequirements.input(resource, field).asText("");
                if (!arn.isEmpty()) {
                    passed.add(IamRequest.of(action, arn).with("iam:PassedToService", "ecs-tasks.amazonaws.com"));
                }
            }
            return passed;
        }
        if (action.equals("iam:CreateServiceLinkedRole")) {
            String service = resource.type().startsWith("aws:rds/") ? "rds.amazonaws.com" : "ecs.amazonaws.com";
            String role = service.startsWith("rds") ? "AWSServiceRoleForRDS" : "AWSServiceRoleForECS";
            return List.of(IamRequest.of(action, names.serviceLinkedRoleArn(service, role))
                    .with("iam:AWSServiceName", service));
        }
        DeclaredResource role = switch (resource.type()) {
            case "aws:iam/role:Role" -> resource;
            case "aws:iam/rolePolicy:RolePolicy" -> RolePolicies.roleOf(resource, graph);
            default -> throw new IllegalStateException("no ARN rule for " + action + " on " + resource.type());
        };
        IamRequest request = IamRequest.of(action, names.roleArn(JobRequirements.input(role, "name").asText()));
        String boundary = JobRequirements.input(role, "permissionsBoundary").asText("");
        return List.of(boundary.isEmpty() ? request : request.with("iam:PermissionsBoundary", boundary));
    }
}
