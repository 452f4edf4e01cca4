package devmin.live.teardown;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.evidence.Provenance;
import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.Checks;
import devmin.live.Verdict;
import devmin.live.aws.AwsClients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The proof of absence after a window closes: the caller is the stack's account; every resource of the state's demo
 * inventory is read by id and gone; per region, no NAT gateway, none of the stack's demo-layer cost-bearing resources,
 * every tagged demo resource confirmed gone, no namespace of the demo layer's name; no stray role of the stack's name
 * prefix; and the core resources still present.
 */
public final class TeardownProof {

    public static final String SCHEMA = "devmin.teardown-proof/v1";
    public static final String SNAPSHOT_SCHEMA = "devmin.pre-destroy-snapshot/v1";

    private TeardownProof() {
    }

    /** The listings of one region, shared by the proof and the snapshot. */
    private static List<Checks.Named> listings(AwsClients aws, TeardownTarget target, String region) {
        DemoLayerChecks demo = new DemoLayerChecks(aws, target, region);
        return List.of(new Checks.Named("nat-gateways", region, demo::natGateways),
                new Checks.Named("load-balancers", region, demo::loadBalancers),
                new Checks.Named("ecs", region, demo::ecs),
                new Checks.Named("rds", region, demo::rds),
                new Checks.Named("ec2", region, demo::ec2Leftovers));
    }

    /** The state's demo inventory grouped by the region each resource lives in (global IAM in the home region). */
    private static Map<String, List<InventoryEntry>> byRegion(StateInventory inventory, TeardownTarget target) {
        Map<String, List<InventoryEntry>> grouped = new LinkedHashMap<>();
        inventory.demo().forEach(e -> grouped.computeIfAbsent(e.region().isEmpty() ? target.homeRegion()
                : e.region(), r -> new ArrayList<>()).add(e));
        return grouped;
    }

    public static List<Checks.Named> checks(AwsClients aws, TeardownTarget target, List<String> regions,
                                            Optional<StateInventory> inventory) {
        List<Checks.Named> checks = new ArrayList<>();
        checks.add(new Checks.Named(CallerAccount.NAME, target.homeRegion(), new CallerAccount(aws, target)::check));
        inventory.ifPresent(state -> byRegion(state, target).forEach((region, entries) -> checks.add(
                new Checks.Named(InventoryGone.NAME, region, new InventoryGone(aws, region, target.accountId(),
                        entries)::gone))));
        for (String region : regions) {
            checks.addAll(listings(aws, target, region));
            checks.add(new Checks.Named(TaggedResourcesGone.NAME, region,
                    new TaggedResourcesGone(aws, target, region)::check));
            checks.add(new Checks.Named(StrayNamespaces.NAME, region, new StrayNamespaces(aws, target, region)::check));
        }
        checks.add(new Checks.Named(StrayRoles.NAME, "global", new StrayRoles(aws, target, inventory)::check));
        CoreRetained core = new CoreRetained(aws, target);
        checks.add(new Checks.Named("core-evidence-bucket", target.homeRegion(), core::evidenceBucket));
        checks.add(new Checks.Named("core-image-repository", target.homeRegion(), core::imageRepository));
        checks.add(new Checks.Named("core-handles", target.homeRegion(), core::handles));
        checks.add(new Checks.Named("core-log-groups", target.homeRegion(), core::logGroups));
        inventory.filter(s -> !s.persistentRoleNames().isEmpty()).ifPresent(state -> checks.add(new Checks.Named(
                "core-roles", "global", log -> core.roles(state.persistentRoleNames(), log))));
        return checks;
    }

    /** The proof without an inventory: the sweeps only, and the verdict says so. */
    public static Verdict prove(AwsClients aws, TeardownTarget target, List<String> regions, int parallelism,
                                long deadlineMillis, Provenance provenance) {
        return prove(aws, target, regions, ProofInventory.none("none given", List.of()), parallelism, deadlineMillis,
                provenance);
    }

    public static Verdict prove(AwsClients aws, TeardownTarget target, List<String> regions, ProofInventory inventory,
                                int parallelism, long deadlineMillis, Provenance provenance) {
        List<CheckResult> results = new ArrayList<>();
        results.add(inventory.check(target.homeRegion()));
        results.addAll(Checks.run(checks(aws, target, regions, inventory.state()), parallelism, deadlineMillis));
        ObjectNode context = context(target, regions, results);
        context.set("inventory", inventory.toJson());
        return new Verdict(SCHEMA, results, context, provenance.finished());
    }

    /** The snapshot without the state: the listings only, and unverified for want of the inventory. */
    public static Verdict snapshot(AwsClients aws, TeardownTarget target, List<String> regions, int parallelism,
                                   long deadlineMillis, Provenance provenance) {
        return snapshot(aws, target, regions, Optional.empty(), parallelism, deadlineMillis, provenance);
    }

    /**
     * What the demo layer holds before the window closes: the state's demo inventory (recorded whole, and each
     * resource read by id so the evidence shows the state and AWS agree), and the same listings as the proof, where
     * anything found is inventory rather than a blocker. Still fail-closed: a listing or read that could not run, or a
     * snapshot without the state, leaves the snapshot unverified.
     */
    public static Verdict snapshot(AwsClients aws, TeardownTarget target, List<String> regions,
                                   Optional<StateInventory> state, int parallelism, long deadlineMillis,
                                   Provenance provenance) {
        List<Checks.Named> checks = new ArrayList<>();
        checks.add(new Checks.Named(CallerAccount.NAME, target.homeRegion(), new CallerAccount(aws, target)::check));
        state.ifPresent(s -> byRegion(s, target).forEach((region, entries) -> checks.add(new Checks.Named(
                InventoryGone.HELD, region, new InventoryGone(aws, region, target.accountId(), entries)::held))));
        regions.forEach(region -> checks.addAll(listings(aws, target, region)));
        List<CheckResult> inventory = new ArrayList<>();
        inventory.add(stateRead(state, target));
        Checks.run(checks, parallelism, deadlineMillis).stream()
                .map(r -> r.status() == CheckStatus.UNVERIFIED || !isListing(r) ? r : new CheckResult(r.name(),
                        r.region(), CheckStatus.PASS, r.found().size() + " held", r.apiCalls(), r.found(), r.millis()))
                .forEach(inventory::add);
        ObjectNode context = context(target, regions, inventory);
        state.ifPresent(s -> context.set("inventory", s.toJson()));
        return new Verdict(SNAPSHOT_SCHEMA, inventory, context, provenance.finished());
    }

    private static boolean isListing(CheckResult result) {
        return !result.name().equals(CallerAccount.NAME) && !result.name().equals(InventoryGone.HELD);
    }

    private static CheckResult stateRead(Optional<StateInventory> state, TeardownTarget target) {
        CallLog none = new CallLog();
        return state.map(s -> none.pass("state-inventory", target.homeRegion(), s.demo().size()
                        + " demo-layer resource(s) in the stack's state"))
                .map(r -> new CheckResult(r.name(), r.region(), r.status(), r.message(), r.apiCalls(),
                        state.get().demo().stream().map(InventoryEntry::describe).toList()))
                .orElse(none.unverified("state-inventory", target.homeRegion(), "no --state given: the snapshot"
                        + " records no inventory from the stack's state, so the proof cannot read each resource by id"));
    }

    private static ObjectNode context(TeardownTarget target, List<String> regions, List<CheckResult> results) {
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        context.put("stack", target.stack());
        context.put("environment", target.environment());
        context.put("account", target.accountId());
        var regionList = context.putArray("regions");
        regions.forEach(regionList::add);
        var retained = context.putArray("retained_core");
        results.stream().filter(r -> r.name().startsWith("core-") && r.status() == CheckStatus.PASS)
                .forEach(r -> retained.add(r.name().substring("core-".length())));
        return context;
    }
}
