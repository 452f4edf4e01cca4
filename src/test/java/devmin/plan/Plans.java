package devmin.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import devmin.engine.EngineRun;
import devmin.engine.StackConfig;
import devmin.evidence.Provenance;
import devmin.graph.StackGraph;
import devmin.plan.cost.PriceTable;
import devmin.plan.diff.PlanSnapshot;
import devmin.plan.diff.PlanSnapshotReader;
import devmin.policy.PolicyEngine;
import devmin.policy.PolicySetup;
import stacks.spec.EnvironmentSpec;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Plans of bent configs and edited graphs, and their snapshots as a file would give them back. */
public final class Plans {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Plans() {
    }

    /** The policy pack with no waivers (a missing waivers file means none). */
    public static PolicyEngine noWaivers() {
        return withWaivers(Path.of("target", "no-such-waivers.yaml"));
    }

    public static PolicyEngine withWaivers(Path waiversFile) {
        try {
            return PolicySetup.engine(waiversFile, null, LocalDate.of(2026, 11, 30));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Plan plan(StackConfig config) {
        return plan(config, noWaivers());
    }

    public static Plan plan(StackConfig config, PolicyEngine policy) {
        return plan(StackPreview.of(config), policy);
    }

    /** A plan of what a program would have declared: the spec with a graph the test edited. */
    public static Plan plan(EnvironmentSpec spec, StackGraph graph) {
        return plan(new StackPreview(spec, new EngineRun(0, graph, List.of())), noWaivers());
    }

    private static Plan plan(StackPreview preview, PolicyEngine policy) {
        Provenance provenance = Provenance.start(Path.of("."), preview.spec().stack(), preview.spec().image().tag(),
                preview.spec().image().digest(), Instant.now());
        return PlanBuilder.build(preview, policy, PriceTable.bundled(), 20, provenance);
    }

    /** The plan as {@code devmin plan} prints it as text, the policy report stood in for by {@code (policy)}. */
    public static String text(Plan plan) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (java.io.PrintWriter writer = new java.io.PrintWriter(out)) {
            PlanText.print(writer, plan, false, (w, report) -> w.println("(policy)"));
        }
        return out.toString();
    }

    /** The plan written as its snapshot and read back, as {@code --against} reads a file. */
    public static PlanSnapshot snapshot(Plan plan, String source) {
        try {
            String written = JSON.writeValueAsString(PlanJson.of(plan));
            return PlanSnapshotReader.of(JSON.readTree(written), source);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
