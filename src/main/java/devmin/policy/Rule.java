package devmin.policy;

import java.util.List;

/**
 * One policy rule: a stable id, a one-sentence statement, a remediation hint, and a pure check over resource views.
 * A rule reports violations; not-applicable resources simply produce none.
 */
public interface Rule {

    String id();

    /** A short name for the rule, e.g. {@code no-nat-gateway}. */
    String name();

    /** What the rule requires, in one sentence. */
    String statement();

    String remediation();

    Severity severity();

    default Enforcement defaultEnforcement() {
        return Enforcement.MANDATORY;
    }

    /** Never-waivable rules (no NAT, execution role reads no secret, no Action:* on Resource:*) reject waivers. */
    default boolean waivable() {
        return true;
    }

    /** Whether the rule needs the whole stack (relations between resources) rather than one resource at a time. */
    default boolean stackLevel() {
        return false;
    }

    List<Violation> check(StackView stack);
}
