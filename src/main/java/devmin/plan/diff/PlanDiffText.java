package devmin.plan.diff;

import devmin.plan.KeyProperties;
import devmin.plan.PlannedResource;
import devmin.plan.diff.PlanDiff.PropertyChange;
import devmin.plan.diff.PlanDiff.ResourceChange;
import devmin.plan.diff.PlanSnapshot.FindingRef;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The diff for a terminal, with {@code + ~ -} markers as {@code terraform plan} and {@code pulumi preview} use. */
public final class PlanDiffText {

    static final String SECRET_CHANGED = "(secret changed; values not shown)";

    private PlanDiffText() {
    }

    public static void print(PrintWriter out, PlanDiff diff) {
        out.printf("devmin plan --against %s (schema v%d, commit %s, %s)%n", diff.base().source(),
                diff.base().version(), shortCommit(diff.base().gitCommit()), diff.base().finishedAt());
        if (diff.isEmpty()) {
            out.println("no changes: resources, policy findings and cost are the same");
            return;
        }
        if (!diff.resourceLevel()) {
            out.println(diff.resourceLevelNote());
        } else {
            out.printf("resources: %d to add, %d to change, %d to remove%n", diff.added().size(),
                    diff.changed().size(), diff.removed().size());
            diff.added().forEach(r -> out.println(line('+', r) + keyProperties(r)));
            diff.changed().forEach(c -> change(out, c));
            diff.removed().forEach(r -> out.println(line('-', r)));
            administrator(out, diff);
        }
        counts(out, diff);
        policy(out, diff.policy());
        cost(out, diff.cost());
    }

    static String line(char marker, PlannedResource r) {
        return "  " + marker + " " + r.layer() + "  " + r.shortType() + "  " + r.name();
    }

    private static String keyProperties(PlannedResource r) {
        String shown = KeyProperties.of(r);
        return shown.isEmpty() ? "" : "  " + shown;
    }

    private static void change(PrintWriter out, ResourceChange c) {
        out.println(line('~', c.after()));
        if (c.layerChanged() || c.urnChanged()) {
            out.printf("      moved: %s → %s (was %s)%n", c.before().layer(), c.after().layer(), c.before().urn());
        }
        if (c.protectChanged()) {
            out.printf("      protect: %s → %s%n", c.before().protect(), c.after().protect());
        }
        if (c.providerChanged()) {
            out.printf("      provider: %s → %s%n", orNone(c.before().provider()), orNone(c.after().provider()));
        }
        for (PropertyChange p : c.properties()) {
            out.println("      " + property(p));
        }
        c.dependenciesAdded().forEach(d -> out.println("      + depends on " + shortUrn(d)));
        c.dependenciesRemoved().forEach(d -> out.println("      - depends on " + shortUrn(d)));
    }

    /** Who can apply the change: a window's role changes only the demo layer. */
    private static void administrator(PrintWriter out, PlanDiff diff) {
        List<String> changes = diff.administratorChanges();
        if (changes.isEmpty()) {
            out.println("applied by: a demo window (the change is the demo layer's alone)");
            return;
        }
        out.printf("needs an administrator: %d change%s outside the demo layer, which the window role cannot make;"
                + " apply it with an administrator's pulumi up before the next window%n", changes.size(),
                changes.size() == 1 ? "" : "s");
        changes.forEach(c -> out.println("  " + c));
    }

    static String property(PropertyChange p) {
        return p.path() + ": " + (p.secret() ? SECRET_CHANGED : p.before() + " → " + p.after());
    }

    /** Resource by resource already says what changed: then only layer totals; against v1, every type's count. */
    private static void counts(PrintWriter out, PlanDiff diff) {
        List<PlanDiff.TypeCount> shown = diff.types().stream()
                .filter(c -> !diff.resourceLevel() || c.isLayerTotal()).toList();
        if (shown.isEmpty()) {
            return;
        }
        out.println(diff.resourceLevel() ? "layers:" : "counts:");
        for (PlanDiff.TypeCount c : shown) {
            String what = c.isLayerTotal() ? "all resources" : c.type();
            String note = c.isLayerTotal() && c.after() == 0 ? " (layer removed)"
                    : c.isLayerTotal() && c.before() == 0 ? " (layer added)" : "";
            out.printf("  %-9s %s: %d → %d%s%n", c.layer(), what, c.before(), c.after(), note);
        }
    }

    private static void policy(PrintWriter out, PlanDiff.PolicyDelta policy) {
        if (policy.isEmpty()) {
            out.println("policy: no finding appeared or disappeared");
            return;
        }
        out.println("policy:");
        policy.appeared().forEach(f -> out.println("  + " + finding(f)));
        policy.disappeared().forEach(f -> out.println("  - " + finding(f)));
        policy.nowWaived().forEach(f -> out.println("  + waived: " + finding(f)));
        policy.noLongerWaived().forEach(f -> out.println("  - waived: " + finding(f)));
    }

    static String finding(FindingRef f) {
        return f.ruleId() + " " + f.enforcement().toUpperCase(Locale.ROOT) + " " + f.urn() + ": " + f.message();
    }

    private static void cost(PrintWriter out, PlanDiff.CostDelta cost) {
        if (!cost.comparable()) {
            out.println("cost: not comparable (" + (cost.before().available() ? "" : "earlier plan: "
                    + cost.before().reason() + (cost.after().available() ? "" : "; ")) + (cost.after().available()
                    ? "" : "this plan: " + cost.after().reason()) + ")");
            return;
        }
        PlanSnapshot.CostFigures b = cost.before();
        PlanSnapshot.CostFigures a = cost.after();
        out.printf(Locale.ROOT, "cost (%s): idle %.4f → %.4f (%+.4f)/month; window %.4f → %.4f (%+.4f)/hour;"
                        + " month at %.0f window-hours %.2f → %.2f (%+.2f)%n", a.currency(), b.idleMonthly(),
                a.idleMonthly(), cost.idleMonthly(), b.windowHourly(), a.windowHourly(), cost.windowHourly(),
                a.windowHours(), b.monthlyTotal(), a.monthlyTotal(), cost.monthlyTotal());
        if (b.windowHours() != a.windowHours()) {
            out.printf(Locale.ROOT, "  (the earlier plan assumed %.0f window-hours)%n", b.windowHours());
        }
    }

    static String shortCommit(String commit) {
        return commit.length() >= 12 ? commit.substring(0, 12) : commit;
    }

    /** {@code urn:pulumi:s::p::a$b$aws:iam/role:Role::name} reads {@code aws:iam.Role name}. */
    static String shortUrn(String urn) {
        String[] parts = urn.split("::", -1);
        if (parts.length < 4) {
            return urn;
        }
        String chain = parts[2];
        String type = chain.substring(chain.lastIndexOf('$') + 1);
        return PlannedResource.shortType(type) + " " + parts[parts.length - 1];
    }

    private static String orNone(String text) {
        return text.isEmpty() ? "(default)" : shortUrn(text);
    }
}
