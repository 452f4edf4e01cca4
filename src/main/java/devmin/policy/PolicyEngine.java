package devmin.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a rule pack over resource views: applies enforcement overrides and waivers, and reports waivers that are
 * themselves wrong (expired, matching nothing, or for a never-waivable rule) as mandatory findings of
 * {@link #WAIVER_RULE_ID}.
 */
public final class PolicyEngine {

    public static final String WAIVER_RULE_ID = "DM-WAIVER-001";

    private final RulePack pack;
    private final PolicyConfig config;
    private final LocalDate today;

    public PolicyEngine(RulePack pack, PolicyConfig config, LocalDate today) {
        this.pack = pack;
        this.config = config;
        this.today = today;
    }

    public RulePack pack() {
        return pack;
    }

    public Enforcement enforcementOf(Rule rule) {
        Enforcement configured = Optional.ofNullable(config.enforcement().get(rule.id()))
                .or(() -> Optional.ofNullable(config.enforcement().get(rule.name())))
                .orElse(rule.defaultEnforcement());
        // A never-waivable rule cannot be switched off or softened by configuration either.
        return rule.waivable() ? configured : Enforcement.MANDATORY;
    }

    /** The whole pack over a whole stack. */
    public PolicyReport evaluate(List<ResourceView> resources) {
        StackView stack = new StackView(resources);
        List<Finding> raw = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        for (Rule rule : pack.rules()) {
            Enforcement enforcement = enforcementOf(rule);
            if (enforcement == Enforcement.DISABLED) {
                continue;
            }
            List<Violation> violations = rule.check(stack);
            violations.forEach(v -> raw.add(finding(rule, enforcement, v)));
            if (violations.isEmpty()) {
                passed.add(rule.id());
            }
        }
        return applyWaivers(raw, passed, resources, true);
    }

    /**
     * Per-resource rules only, for enforcement as each resource is declared or analyzed. Waivers apply; problems
     * with the waivers themselves are stack-level and reported by {@link #evaluate} once.
     */
    public List<Finding> evaluateResource(ResourceView resource) {
        List<Finding> raw = new ArrayList<>();
        StackView single = new StackView(List.of(resource));
        for (Rule rule : pack.rules()) {
            Enforcement enforcement = enforcementOf(rule);
            if (rule.stackLevel() || enforcement == Enforcement.DISABLED) {
                continue;
            }
            rule.check(single).forEach(v -> raw.add(finding(rule, enforcement, v)));
        }
        return applyWaivers(raw, List.of(), List.of(resource), false).findings();
    }

    private PolicyReport applyWaivers(List<Finding> raw, List<String> passed, List<ResourceView> resources,
                                      boolean wholeStack) {
        List<Finding> findings = new ArrayList<>();
        List<PolicyReport.WaivedFinding> waived = new ArrayList<>();
        Set<Waiver> used = new LinkedHashSet<>();
        for (Finding f : raw) {
            Optional<Waiver> waiver = config.waivers().stream()
                    .filter(w -> validFor(w, f.ruleId()) && w.covers(f.urn())).findFirst();
            if (waiver.isPresent()) {
                waived.add(new PolicyReport.WaivedFinding(f, waiver.get()));
                used.add(waiver.get());
            } else {
                findings.add(f);
            }
        }
        if (wholeStack) {
            findings.addAll(waiverErrors(resources));
        }
        return new PolicyReport(pack.name() + "@" + pack.version(), resources.size(), findings, waived, passed,
                List.copyOf(used));
    }

    private boolean validFor(Waiver waiver, String ruleId) {
        Optional<Rule> rule = pack.rule(waiver.rule());
        return rule.isPresent() && rule.get().id().equals(ruleId) && rule.get().waivable()
                && !waiver.expiredOn(today) && waiver.reason().trim().length() >= Waiver.MIN_REASON_LENGTH;
    }

    private List<Finding> waiverErrors(List<ResourceView> resources) {
        List<Finding> errors = new ArrayList<>();
        for (Waiver w : config.waivers()) {
            Optional<String> problem = problemWithoutResources(w)
                    .or(() -> resources.stream().noneMatch(r -> w.covers(r.urn()))
                            ? Optional.of("matches no resource of this stack") : Optional.empty());
            problem.ifPresent(p -> errors.add(waiverFinding(w, w.resource(), p)));
        }
        return errors;
    }

    /**
     * The waiver problems that need no resource to be seen (an unknown or unwaivable rule, an expiry, a short reason),
     * reported against {@code urn}: what the policy pack reports with the first resource it analyzes, so that a
     * preview the program stops early still shows them in Pulumi's policy summary.
     */
    public List<Finding> waiverProblemsSeenWithoutResources(String urn) {
        List<Finding> errors = new ArrayList<>();
        for (Waiver w : config.waivers()) {
            problemWithoutResources(w).ifPresent(p -> errors.add(waiverFinding(w, urn, p)));
        }
        return errors;
    }

    private Optional<String> problemWithoutResources(Waiver w) {
        Optional<Rule> rule = pack.rule(w.rule());
        if (rule.isEmpty()) {
            return Optional.of("names unknown rule '" + w.rule() + "'");
        } else if (!rule.get().waivable()) {
            return Optional.of("waives " + rule.get().id() + " (" + rule.get().name() + "), which can never be waived");
        } else if (w.expiredOn(today)) {
            return Optional.of("expired on " + w.expires());
        } else if (w.reason().trim().length() < Waiver.MIN_REASON_LENGTH) {
            return Optional.of("gives a reason shorter than " + Waiver.MIN_REASON_LENGTH + " characters");
        }
        return Optional.empty();
    }

    private static Finding waiverFinding(Waiver w, String urn, String problem) {
        return new Finding(WAIVER_RULE_ID, "waivers-are-valid", Severity.HIGH, Enforcement.MANDATORY, urn,
                "waiver for " + w.rule() + " on '" + w.resource() + "' (owner " + w.owner() + ") " + problem,
                "Fix or remove the waiver in policies/waivers.yaml.");
    }

    private static Finding finding(Rule rule, Enforcement enforcement, Violation v) {
        return new Finding(rule.id(), rule.name(), rule.severity(), enforcement, v.urn(), v.message(),
                rule.remediation());
    }
}
