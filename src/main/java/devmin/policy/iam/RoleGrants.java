package devmin.policy.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import devmin.graph.WireValues;
import devmin.policy.ResourceView;
import devmin.policy.StackView;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every way a permission can reach one IAM role, gathered from a stack: the role's inline policies and
 * {@code managedPolicyArns}, separate {@code RolePolicy} resources, and {@code RolePolicyAttachment} /
 * {@code PolicyAttachment} resources naming AWS-managed or customer policies. A source whose content cannot be read is
 * kept as opaque, so a rule can fail closed on it.
 */
public record RoleGrants(ResourceView role, List<Source> sources) {

    public static final String ROLE = "aws:iam/role:Role";
    public static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    public static final String ROLE_POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    public static final String POLICY_ATTACHMENT = "aws:iam/policyAttachment:PolicyAttachment";
    public static final String POLICY = "aws:iam/policy:Policy";

    /**
     * One place a grant comes from.
     *
     * @param description e.g. {@code inline policy 'logs'} or {@code managed policy arn:aws:iam::aws:policy/X}
     * @param urn         the resource that carries it
     * @param statements  its statements (empty when opaque)
     * @param opaque      its content is unknown (preview), secret, malformed, or an AWS policy devmin does not know
     */
    public record Source(String description, String urn, List<IamStatement> statements, boolean opaque) {
    }

    public static RoleGrants of(ResourceView role, StackView stack) {
        List<Source> sources = new ArrayList<>();
        for (JsonNode inline : role.property("inlinePolicies").orElse(com.fasterxml.jackson.databind.node.MissingNode
                .getInstance())) {
            sources.add(document("inline policy '" + inline.path("name").asText() + "'", role.urn(),
                    inline.get("policy")));
        }
        role.property("managedPolicyArns").ifPresent(arns -> arns.forEach(arn ->
                sources.add(attached(arn.asText(), role, stack))));
        for (ResourceView carrier : RoleIndex.of(stack).carriers(role)) {
            if (carrier.is(ROLE_POLICY)) {
                sources.add(document("role policy " + carrier.name(), carrier.urn(),
                        carrier.property("policy").orElse(null)));
            } else {
                sources.add(attached(carrier.text("policyArn").orElse(""), carrier, stack));
            }
        }
        return new RoleGrants(role, List.copyOf(sources));
    }

    public List<IamStatement> statements() {
        return sources.stream().flatMap(s -> s.statements().stream()).toList();
    }

    public List<Source> opaqueSources() {
        return sources.stream().filter(Source::opaque).toList();
    }

    /** The roles a property of {@code from} (e.g. a task definition's {@code executionRoleArn}) points at. */
    public static List<ResourceView> rolesReferencedBy(StackView stack, ResourceView from, String property) {
        return RoleIndex.of(stack).roles(from, property);
    }

    /** How a role can be named in another resource's property: URN, name, id, ARN (output or derived). */
    static List<String> identities(ResourceView role) {
        List<String> ids = new ArrayList<>();
        ids.add(role.urn());
        for (String property : List.of("name", "id", "arn")) {
            role.text(property).filter(v -> !WireValues.isUnknown(TextNode.valueOf(v))
                    && !WireValues.isSecret(TextNode.valueOf(v))).ifPresent(ids::add);
        }
        return ids;
    }

    private static Source document(String description, String urn, JsonNode document) {
        return new Source(description, urn, PolicyStatements.parse(document), PolicyStatements.isOpaque(document));
    }

    private static Source attached(String arn, ResourceView carrier, StackView stack) {
        if (ManagedPolicies.isAwsManaged(arn)) {
            Optional<List<IamStatement>> known = ManagedPolicies.statements(arn);
            return new Source("AWS-managed policy " + arn, carrier.urn(), known.orElse(List.of()), known.isEmpty());
        }
        for (ResourceView policy : stack.ofType(POLICY)) {
            boolean same = carrier.dependenciesOf("policyArn").contains(policy.urn())
                    || policy.text("arn").map(arn::equals).orElse(false)
                    || policy.text("name").map(name -> arn.endsWith(":policy/" + name)).orElse(false);
            if (same) {
                return document("customer policy " + policy.name(), policy.urn(), policy.property("policy").orElse(null));
            }
        }
        return new Source("policy " + (arn.isEmpty() ? "(unknown ARN)" : arn), carrier.urn(), List.of(), true);
    }
}
