package devmin.ci;

import devmin.graph.DeclaredResource;
import devmin.graph.StackGraph;
import devmin.policy.iam.IamStatement;
import devmin.policy.iam.PolicyStatements;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A role's permissions as the program declares them: the statements of every {@code RolePolicy} attached to the role
 * in the declared graph. A role granted anything else (an attachment, inline or managed policies on the role itself)
 * is refused: the coverage proof would not see it.
 */
final class RolePolicies {

    private RolePolicies() {
    }

    static DeclaredResource role(StackGraph graph, String roleName) {
        return graph.resources().stream().filter(r -> r.type().equals("aws:iam/role:Role"))
                .filter(r -> r.inputs().path("name").asText().equals(roleName)).findFirst()
                .orElseThrow(() -> new AssertionError("the program declares no role named " + roleName));
    }

    /**
     * The document of the customer managed policy an attachment names, found among the declared policies by the ARN
     * derived from its name; a policy the program does not declare (an AWS managed one, say) is refused.
     */
    private static String managedPolicy(StackGraph graph, DeclaredResource attachment, String roleName) {
        String arn = attachment.inputs().path("policyArn").asText();
        return graph.resources().stream().filter(r -> r.type().equals("aws:iam/policy:Policy"))
                .filter(r -> arn.endsWith(":policy/" + r.inputs().path("name").asText()))
                .map(r -> r.inputs().path("policy").asText()).findFirst()
                .orElseThrow(() -> new AssertionError(roleName + " is attached " + arn
                        + ", which the program does not declare: the coverage proof cannot read it"));
    }

    /** The role a role policy is attached to: the role its {@code role} input came from. */
    static DeclaredResource roleOf(DeclaredResource policy, StackGraph graph) {
        return Stream.concat(policy.propertyDependencies().getOrDefault("role", List.of()).stream(),
                        policy.dependencies().stream())
                .map(graph::byUrn).flatMap(Optional::stream).filter(r -> r.type().equals("aws:iam/role:Role"))
                .findFirst().orElseThrow(() -> new IllegalStateException(policy.urn() + ": its role is not in the graph"));
    }

    static List<IamStatement> statements(StackGraph graph, String roleName) {
        List<IamStatement> statements = new ArrayList<>();
        documents(graph, roleName).forEach(doc -> statements.addAll(PolicyStatements.parse(
                com.fasterxml.jackson.databind.node.TextNode.valueOf(doc))));
        return statements;
    }

    /**
     * The JSON of every RolePolicy attached to the role, refusing a role granted any other way. A permissions boundary
     * grants nothing, so it is not among them; whoever judges the role passes it apart.
     */
    static List<String> documents(StackGraph graph, String roleName) {
        DeclaredResource role = role(graph, roleName);
        for (String field : List.of("inlinePolicies", "managedPolicyArns")) {
            if (!role.inputs().path(field).isMissingNode() && !role.inputs().path(field).isEmpty()) {
                throw new AssertionError(roleName + " carries " + field + ", which the coverage proof does not read");
            }
        }
        List<String> documents = new ArrayList<>();
        for (DeclaredResource resource : graph.resources()) {
            boolean attached = resource.dependencies().contains(role.urn())
                    || resource.propertyDependencies().values().stream().anyMatch(urns -> urns.contains(role.urn()));
            if (!attached) {
                continue;
            }
            if (resource.type().equals("aws:iam/rolePolicy:RolePolicy")) {
                documents.add(resource.inputs().path("policy").asText());
            } else if (resource.type().equals("aws:iam/rolePolicyAttachment:RolePolicyAttachment")) {
                documents.add(managedPolicy(graph, resource, roleName));
            } else if (resource.type().startsWith("aws:iam/") && resource.type().contains("Attachment")) {
                throw new AssertionError(roleName + " is granted by " + resource.type() + " " + resource.name()
                        + ", which the coverage proof does not read");
            }
        }
        return documents;
    }
}
