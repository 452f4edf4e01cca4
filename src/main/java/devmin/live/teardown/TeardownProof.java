package devmin.live.teardown;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.evidence.Provenance;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.Checks;
import devmin.live.Verdict;
import devmin.live.aws.AwsClients;

import java.util.ArrayList;
import java.util.List;

/**
 * The proof of absence after a window closes: per region, no NAT gateway, none of the stack's demo-layer cost-bearing
 * resources, every tagged demo resource confirmed gone; and the core resources still present.
 */
public final class TeardownProof {

    public static final String SCHEMA = "devmin.teardown-proof/v1";
    public static final String SNAPSHOT_SCHEMA = "devmin.pre-destroy-snapshot/v1";

    private TeardownProof() {
    }

    public static List<Checks.Named> checks(AwsClients aws, TeardownTarget target, List<String> regions) {
        List<Checks.Named> checks = new ArrayList<>();
        for (String region : regions) {
            DemoLayerChecks demo = new DemoLayerChecks(aws, target, region);
            checks.add(new Checks.Named("nat-gateways", region, demo::natGateways));
            checks.add(new Checks.Named("load-balancers", region, demo::loadBalancers));
            checks.add(new Checks.Named("ecs", region, demo::ecs));
            checks.add(new Checks.Named("rds", region, demo::rds));
            checks.add(new Checks.Named("ec2", region, demo::ec2Leftovers));
            checks.add(new Checks.Named("tagged-resources-gone", region,
                    new TaggedResourcesGone(aws, target, region)::check));
        }
        CoreRetained core = new CoreRetained(aws, target);
        checks.add(new Checks.Named("core-evidence-bucket", target.homeRegion(), core::evidenceBucket));
        checks.add(new Checks.Named("core-image-repository", target.homeRegion(), core::imageRepository));
        checks.add(new Checks.Named("core-handles", target.homeRegion(), core::handles));
        checks.add(new Checks.Named("core-log-groups", target.homeRegion(), core::logGroups));
        return checks;
    }

    public static Verdict prove(AwsClients aws, TeardownTarget target, List<String> regions, int parallelism,
                                long deadlineMillis, Provenance provenance) {
        List<CheckResult> results = Checks.run(checks(aws, target, regions), parallelism, deadlineMillis);
        return new Verdict(SCHEMA, results, context(target, regions, results), provenance.finished());
    }

    /**
     * What the demo layer holds before the window closes: the same listings, where anything found is inventory rather
     * than a blocker. Still fail-closed: a listing that could not run leaves the snapshot unverified.
     */
    public static Verdict snapshot(AwsClients aws, TeardownTarget target, List<String> regions, int parallelism,
                                   long deadlineMillis, Provenance provenance) {
        List<Checks.Named> listings = checks(aws, target, regions).stream()
                .filter(c -> !c.name().startsWith("core-") && !c.name().equals("tagged-resources-gone")).toList();
        List<CheckResult> inventory = Checks.run(listings, parallelism, deadlineMillis).stream()
                .map(r -> r.status() == CheckStatus.UNVERIFIED ? r : new CheckResult(r.name(), r.region(),
                        CheckStatus.PASS, r.found().size() + " held", r.apiCalls(), r.found()))
                .toList();
        return new Verdict(SNAPSHOT_SCHEMA, inventory, context(target, regions, inventory), provenance.finished());
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
