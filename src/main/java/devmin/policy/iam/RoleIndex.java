package devmin.policy.iam;

import devmin.policy.ResourceView;
import devmin.policy.StackView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The roles of a stack indexed by every way they are named (URN, name, id, ARN), and the policy resources that point
 * at each role, computed once per stack.
 */
final class RoleIndex {

    private final Map<String, ResourceView> byIdentity = new HashMap<>();
    private final Map<String, List<ResourceView>> pointing = new HashMap<>();

    static RoleIndex of(StackView stack) {
        return stack.derived(RoleIndex.class, RoleIndex::new);
    }

    private RoleIndex(StackView stack) {
        for (ResourceView role : stack.ofType(RoleGrants.ROLE)) {
            RoleGrants.identities(role).forEach(id -> byIdentity.putIfAbsent(id, role));
        }
        for (String type : List.of(RoleGrants.ROLE_POLICY, RoleGrants.ROLE_POLICY_ATTACHMENT)) {
            for (ResourceView carrier : stack.ofType(type)) {
                roles(carrier, "role").forEach(role -> pointing.computeIfAbsent(role.urn(), k -> new ArrayList<>())
                        .add(carrier));
            }
        }
        for (ResourceView carrier : stack.ofType(RoleGrants.POLICY_ATTACHMENT)) {
            Set<ResourceView> roles = new LinkedHashSet<>(roles(carrier, "roles"));
            carrier.property("roles").ifPresent(list -> list.forEach(n -> role(n.asText()).ifPresent(roles::add)));
            roles.forEach(role -> pointing.computeIfAbsent(role.urn(), k -> new ArrayList<>()).add(carrier));
        }
    }

    /** The roles a property of {@code from} names, by property dependency or by value. */
    List<ResourceView> roles(ResourceView from, String property) {
        Set<ResourceView> out = new LinkedHashSet<>();
        from.dependenciesOf(property).forEach(urn -> Optional.ofNullable(byIdentity.get(urn))
                .filter(r -> r.urn().equals(urn)).ifPresent(out::add));
        from.text(property).flatMap(this::role).ifPresent(out::add);
        return List.copyOf(out);
    }

    /** A role named by URN, name, id or ARN (including an ARN with a path, {@code :role/path/name}). */
    Optional<ResourceView> role(String value) {
        ResourceView direct = byIdentity.get(value);
        if (direct != null) {
            return Optional.of(direct);
        }
        int at = value.indexOf(":role/");
        return at < 0 ? Optional.empty()
                : Optional.ofNullable(byIdentity.get(value.substring(value.lastIndexOf('/') + 1)));
    }

    /** RolePolicy, RolePolicyAttachment and PolicyAttachment resources that point at {@code role}. */
    List<ResourceView> carriers(ResourceView role) {
        return pointing.getOrDefault(role.urn(), List.of());
    }
}
