package devmin.live.teardown;

import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.aws.AwsClients;
import software.amazon.awssdk.services.iam.model.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * IAM roles the Resource Groups Tagging API cannot show (its supported-resources list has no IAM role), found by
 * name: every role whose name starts with the stack's prefix ({@code devmin-dev-min-}) is listed (ListRoles, every
 * page). With the state's inventory, a prefixed role the state's persistent layers do not hold is a stray (the demo
 * layer's own roles are proven by id in {@code inventory-gone}); without one, a prefixed role carrying the stack's
 * demo tags is (ListRoles returns no tags, so each prefixed role's tags are read with ListRoleTags). IAM is global:
 * one check, whatever the regions.
 */
final class StrayRoles {

    static final String NAME = "stray-roles";

    private final AwsClients aws;
    private final TeardownTarget target;
    private final Optional<StateInventory> inventory;

    StrayRoles(AwsClients aws, TeardownTarget target, Optional<StateInventory> inventory) {
        this.aws = aws;
        this.target = target;
        this.inventory = inventory;
    }

    CheckResult check(CallLog log) {
        List<String> prefixed = new ArrayList<>();
        for (var page : log.pages("iam:ListRoles", () -> aws.iam().listRolesPaginator(b -> b.maxItems(1000)))) {
            page.roles().stream().map(r -> r.roleName()).filter(n -> n.startsWith(target.namePrefix()))
                    .forEach(prefixed::add);
        }
        List<String> strays = inventory.isPresent() ? notHeldByState(prefixed) : taggedDemo(prefixed, log);
        String how = inventory.isPresent() ? "not held by the state's persistent layers"
                : "carrying the stack's demo tags (no inventory: weaker proof)";
        return log.result(NAME, "global", strays.stream().map(r -> "IAM role " + r).toList(),
                prefixed.size() + " role(s) named " + target.namePrefix() + "*, none " + how,
                "IAM roles named " + target.namePrefix() + "* " + how);
    }

    private List<String> notHeldByState(List<String> prefixed) {
        Set<String> persistent = Set.copyOf(inventory.get().persistentRoleNames());
        Set<String> demo = Set.copyOf(inventory.get().demo().stream()
                .filter(e -> e.type().equals(StateInventory.IAM_ROLE)).map(InventoryEntry::id).toList());
        return prefixed.stream().filter(r -> !persistent.contains(r) && !demo.contains(r)).toList();
    }

    private List<String> taggedDemo(List<String> prefixed, CallLog log) {
        List<String> strays = new ArrayList<>();
        for (String role : prefixed) {
            var tags = new java.util.HashMap<String, String>();
            for (var page : log.pages("iam:ListRoleTags", () -> aws.iam().listRoleTagsPaginator(
                    b -> b.roleName(role)))) {
                page.tags().forEach((Tag t) -> tags.put(t.key(), t.value()));
            }
            if (target.isDemo(tags)) {
                strays.add(role);
            }
        }
        return strays;
    }
}
