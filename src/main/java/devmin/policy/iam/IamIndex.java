package devmin.policy.iam;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceView;
import devmin.policy.StackView;
import devmin.policy.Values;
import devmin.policy.kinds.Kind;
import devmin.policy.kinds.ResourceKinds;
import devmin.policy.kinds.TypeFacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The IAM resources of a stack, indexed once per stack: roles by every way they are named (URN, name, id, ARN), the
 * resources that give each role a permission (inline policy resources, attachments of any form, self-attaching managed
 * policies), and customer managed policies by URN, ARN and name. Types and property names come from the kind table,
 * so pulumi-aws and aws-native resources are read alike.
 */
final class IamIndex {

    private final Map<String, ResourceView> rolesByIdentity = new HashMap<>();
    private final Map<String, List<ResourceView>> carriersByRole = new HashMap<>();
    private final Map<String, ResourceView> policiesByIdentity = new HashMap<>();
    /**
     * URNs of customer policies an attachment resource attaches, or that attach themselves. (A principal's own
     * managed policy list is read in place, as one of that principal's sources.)
     */
    private final Set<String> attached = new java.util.HashSet<>();
    /** URNs of customer policies some principal uses as its permissions boundary. */
    private final Set<String> bounding = new java.util.HashSet<>();

    static IamIndex of(StackView stack) {
        return stack.derived(IamIndex.class, IamIndex::new);
    }

    private IamIndex(StackView stack) {
        for (ResourceView principal : stack.ofKind(Kind.IAM_PRINCIPAL)) {
            if (facts(principal).property("principal").orElse("").equals("role")) {
                identities(principal).forEach(id -> rolesByIdentity.putIfAbsent(id, principal));
            }
        }
        for (ResourceView policy : stack.ofKind(Kind.IAM_MANAGED_POLICY)) {
            identities(policy).forEach(id -> policiesByIdentity.putIfAbsent(id, policy));
        }
        for (ResourceView attachment : stack.ofKind(Kind.IAM_ATTACHMENT)) {
            attached.addAll(policiesNamedBy(attachment, facts(attachment).property("policyArns").orElse("policyArn")));
        }
        for (ResourceView principal : stack.ofKind(Kind.IAM_PRINCIPAL)) {
            facts(principal).property("boundary").ifPresent(p -> bounding.addAll(policiesNamedBy(principal, p)));
        }
        for (ResourceView policy : stack.ofKind(Kind.IAM_MANAGED_POLICY)) {
            if (facts(policy).targets().values().stream().anyMatch(p -> policy.property(p).isPresent())) {
                attached.add(policy.urn()); // aws-native: a policy that attaches itself
            }
        }
        for (Kind kind : List.of(Kind.IAM_INLINE_POLICY, Kind.IAM_ATTACHMENT, Kind.IAM_MANAGED_POLICY)) {
            for (ResourceView carrier : stack.ofKind(kind)) {
                String property = facts(carrier).targets().get("role");
                if (property != null) {
                    roles(carrier, property).roles().forEach(role -> carriersByRole
                            .computeIfAbsent(role.urn(), k -> new ArrayList<>()).add(carrier));
                }
            }
        }
    }

    static TypeFacts facts(ResourceView r) {
        return ResourceKinds.table().facts(r.type()).orElseThrow(() -> new IllegalArgumentException(r.type()
                + " is not in the resource-kind table"));
    }

    /**
     * The roles a property (a dotted path) of {@code from} names, by property dependency or by value, and the values
     * that name no role of this stack (an external ARN, or a value unknown until the update runs).
     */
    RoleReferences roles(ResourceView from, String path) {
        Set<ResourceView> roles = new LinkedHashSet<>();
        List<String> unresolved = new ArrayList<>();
        Set<ResourceView> byDependency = new LinkedHashSet<>();
        from.dependenciesOfPath(path).forEach(urn -> Optional.ofNullable(rolesByIdentity.get(urn))
                .filter(r -> r.urn().equals(urn)).ifPresent(byDependency::add));
        roles.addAll(byDependency);
        for (JsonNode value : Values.elements(from.path(path).orElse(null))) {
            Optional<ResourceView> role = value.isValueNode() && !Values.isOpaque(value) ? role(value.asText())
                    : Optional.empty();
            if (role.isPresent()) {
                roles.add(role.get());
            } else if (byDependency.isEmpty()) {
                unresolved.add(value.isValueNode() ? value.asText() : value.toString());
            }
        }
        return new RoleReferences(List.copyOf(roles), List.copyOf(unresolved));
    }

    /** What a property names: the stack's roles, and values naming none of them. */
    record RoleReferences(List<ResourceView> roles, List<String> unresolved) {
    }

    /**
     * A role named by URN, name, id or ARN (including an ARN with a path, {@code :role/path/name}). An ARN names a
     * role of this stack only in the account and partition of that role's own ARN, when the stack records it: a role
     * of the same name in another account is another role (IAM User Guide, "IAM identifiers": an ARN is
     * {@code arn:partition:iam::account-id:role/path/name}).
     */
    Optional<ResourceView> role(String value) {
        ResourceView direct = rolesByIdentity.get(value);
        if (direct != null) {
            return Optional.of(direct);
        }
        if (!value.contains(":role/")) {
            return Optional.empty();
        }
        return Optional.ofNullable(rolesByIdentity.get(value.substring(value.lastIndexOf('/') + 1)))
                .filter(role -> knownArn(role).map(arn -> sameAccount(arn, value)).orElse(true));
    }

    private static Optional<String> knownArn(ResourceView role) {
        return role.property(facts(role).property("arn").orElse("arn"))
                .filter(v -> v.isValueNode() && !Values.isOpaque(v)).map(JsonNode::asText);
    }

    /** Same partition and account: the first five fields of two ARNs ({@code arn:partition:service:region:account}). */
    private static boolean sameAccount(String arn, String other) {
        String[] a = arn.split(":", 6);
        String[] b = other.split(":", 6);
        return a.length == 6 && b.length == 6 && a[1].equals(b[1]) && a[4].equals(b[4]);
    }

    /** A customer managed policy of this stack named by URN, ARN or name. */
    Optional<ResourceView> policy(String value) {
        ResourceView direct = policiesByIdentity.get(value);
        if (direct != null) {
            return Optional.of(direct);
        }
        return value.contains(":policy/") ? Optional.ofNullable(policiesByIdentity.get(value.substring(
                value.lastIndexOf('/') + 1))) : Optional.empty();
    }

    /** The URNs of this stack's customer policies a property names, by value or by property dependency. */
    private List<String> policiesNamedBy(ResourceView from, String property) {
        List<String> out = new ArrayList<>();
        from.dependenciesOf(property).forEach(urn -> policy(urn).ifPresent(p -> out.add(p.urn())));
        for (JsonNode value : Values.elements(from.property(property).orElse(null))) {
            if (value.isValueNode() && !Values.isOpaque(value)) {
                policy(value.asText()).ifPresent(p -> out.add(p.urn()));
            }
        }
        return out;
    }

    /**
     * Whether a customer policy serves only as a permissions boundary: a boundary caps what a principal's own
     * policies grant and grants nothing itself (IAM User Guide, "Permissions boundaries for IAM entities").
     */
    boolean onlyBoundary(ResourceView policy) {
        return bounding.contains(policy.urn()) && !attached.contains(policy.urn());
    }

    /** The resources that give {@code role} a permission. */
    List<ResourceView> carriers(ResourceView role) {
        return carriersByRole.getOrDefault(role.urn(), List.of());
    }

    /** How a role or policy can be named elsewhere: URN, name, id, ARN — never an unknown or secret value. */
    private static List<String> identities(ResourceView r) {
        TypeFacts facts = facts(r);
        List<String> ids = new ArrayList<>();
        ids.add(r.urn());
        for (String property : List.of(facts.property("name").orElse("name"), "id", facts.property("arn").orElse("arn"))) {
            r.property(property).filter(v -> v.isValueNode() && !Values.isOpaque(v)).map(JsonNode::asText)
                    .ifPresent(ids::add);
        }
        return ids;
    }
}
