package devmin.policy.iam;

import java.util.List;
import java.util.Optional;

/**
 * One condition operator as the IAM User Guide spells it ("IAM JSON policy elements: Condition operators",
 * "Single-valued vs. multivalued context keys"): an optional set quantifier ({@code ForAnyValue:} or
 * {@code ForAllValues:}), the base operator, and an optional {@code IfExists} suffix. Every rule that reads a condition
 * asks this class what an operator means instead of matching its spelling.
 *
 * @param quantifier {@code ForAnyValue}, {@code ForAllValues}, or empty
 * @param base       the operator without quantifier and {@code IfExists}, e.g. {@code StringLike}
 * @param ifExists   whether it holds for a request that does not carry the key
 */
public record ConditionOperator(String quantifier, String base, boolean ifExists) {

    private static final List<String> QUANTIFIERS = List.of("", "ForAnyValue", "ForAllValues");

    public static ConditionOperator parse(String name) {
        String[] parts = name.split(":", 2);
        String quantifier = parts.length == 2 ? parts[0] : "";
        String operator = parts[parts.length - 1];
        boolean ifExists = operator.endsWith("IfExists");
        String base = ifExists ? operator.substring(0, operator.length() - "IfExists".length()) : operator;
        return new ConditionOperator(quantifier, base, ifExists);
    }

    /** How the operator compares a request value with the statement's values; empty for one devmin does not evaluate. */
    Optional<Comparison> comparison() {
        if (!QUANTIFIERS.contains(quantifier)) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (base) {
            case "StringEquals", "ArnEquals", "ArnLike" -> new Comparison(false, base.startsWith("Arn"), false);
            case "StringNotEquals", "ArnNotEquals", "ArnNotLike" -> new Comparison(true, base.startsWith("Arn"), false);
            case "StringEqualsIgnoreCase" -> new Comparison(false, false, true);
            case "StringNotEqualsIgnoreCase" -> new Comparison(true, false, true);
            case "StringLike" -> new Comparison(false, true, false);
            case "StringNotLike" -> new Comparison(true, true, false);
            case "Bool" -> new Comparison(false, false, true);
            default -> null;
        });
    }

    /**
     * Whether the operator requires the key to equal one of {@code values} exactly: {@code StringEquals}, or
     * {@code StringLike} whose values hold no wildcard ({@code *}, {@code ?}: the User Guide's "StringLike:
     * case-sensitive matching; the values can include multi-character match wildcards (*) and single-character match
     * wildcards (?)", so without them it is equality); with {@code ignoreCaseAllowed}, also their case-insensitive
     * forms — for values the issuer itself compares without case (GitHub owner and repository names). A request
     * without the key fails it (no {@code IfExists}, no {@code ForAllValues}), so it pins the key; {@code ForAnyValue}
     * over a single-valued key is the same test.
     */
    public boolean requiresExactly(List<String> values, boolean ignoreCaseAllowed) {
        if (ifExists || quantifier.equals("ForAllValues") || !QUANTIFIERS.contains(quantifier)) {
            return false;
        }
        boolean literal = values.stream().noneMatch(v -> v.contains("*") || v.contains("?"));
        return switch (base) {
            case "StringEquals" -> true;
            case "StringLike" -> literal;
            case "StringEqualsIgnoreCase" -> ignoreCaseAllowed;
            default -> false;
        };
    }

    /** Whether it requires the key to match {@code values} at all (wildcards allowed): a positive string operator. */
    public boolean requiresMatch() {
        return !ifExists && !quantifier.equals("ForAllValues") && QUANTIFIERS.contains(quantifier)
                && List.of("StringEquals", "StringLike", "StringEqualsIgnoreCase").contains(base);
    }

    /** How one operator compares one request value with the statement's values. */
    record Comparison(boolean negated, boolean wildcards, boolean ignoreCase) {
        boolean holds(String value, List<String> expected) {
            boolean any = expected.stream().anyMatch(e -> wildcards ? IamStatement.wildcardMatch(e, value, ignoreCase)
                    : ignoreCase ? e.equalsIgnoreCase(value) : e.equals(value));
            return negated != any;
        }
    }
}
