package devmin.policy.iam;

import devmin.policy.ResourceView;
import devmin.policy.StackView;
import devmin.policy.kinds.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Every way a permission can reach one IAM role, gathered from a stack: the role's inline policies and managed policy
 * ARNs, separate inline policy resources, attachments in any form (single, {@code PolicyAttachment} lists,
 * {@code RolePolicyAttachmentsExclusive}) and self-attaching managed policies, in pulumi-aws or aws-native. A source
 * whose content cannot be read stays as an opaque source, so every rule fails closed on it the same way.
 */
public record RoleGrants(ResourceView role, List<PolicySource> sources) {

    public RoleGrants {
        sources = List.copyOf(sources);
    }

    public static RoleGrants of(ResourceView role, StackView stack) {
        List<PolicySource> sources = new ArrayList<>(PolicySources.ofPrincipal(role, stack));
        for (ResourceView carrier : IamIndex.of(stack).carriers(role)) {
            if (IamIndex.facts(carrier).is(Kind.IAM_ATTACHMENT)) {
                sources.addAll(PolicySources.attachedBy(carrier, stack, true));
            } else {
                sources.add(PolicySources.documentOf(carrier));
            }
        }
        return new RoleGrants(role, sources);
    }

    public List<IamStatement> statements() {
        return sources.stream().flatMap(s -> s.statements().stream()).toList();
    }

    public List<PolicySource> opaqueSources() {
        return sources.stream().filter(PolicySource::opaque).toList();
    }

    /**
     * The roles a property (dotted path) of {@code from} names — e.g. a task definition's {@code executionRoleArn} —
     * and the values that name no role of this stack, which rules treat as unverifiable.
     */
    public static References rolesReferencedBy(StackView stack, ResourceView from, String path) {
        IamIndex.RoleReferences refs = IamIndex.of(stack).roles(from, path);
        return new References(refs.roles(), refs.unresolved());
    }

    /** Roles of this stack a property names, and the values naming none of them. */
    public record References(List<ResourceView> roles, List<String> unresolved) {
    }
}
