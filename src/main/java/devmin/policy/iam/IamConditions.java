package devmin.policy.iam;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.Values;

import java.util.List;
import java.util.Optional;

/**
 * A statement's {@code Condition} block evaluated against a request, as the IAM User Guide documents it ("IAM JSON
 * policy elements: Condition" and "Condition operators"): every operator and every key must hold; a key's values are
 * alternatives; a key the request does not carry makes a positive operator false and a negated one ({@code …Not…})
 * true; {@code …IfExists} holds for an absent key; {@code Null} tests presence; {@code ForAnyValue:} and
 * {@code ForAllValues:} quantify over a multivalued key (an absent key: false and true). Operators devmin does not
 * evaluate (numeric, date, IP address, binary) are {@link Truth#UNKNOWN}, never guessed.
 */
public final class IamConditions {

    /** What a condition block says about a request. */
    public enum Truth { TRUE, FALSE, UNKNOWN }

    private IamConditions() {
    }

    public static Truth evaluate(JsonNode condition, IamRequest request) {
        if (Values.isAbsent(condition)) {
            return Truth.TRUE;
        }
        Truth result = Truth.TRUE;
        for (var operator : (Iterable<java.util.Map.Entry<String, JsonNode>>) condition::fields) {
            for (var key : (Iterable<java.util.Map.Entry<String, JsonNode>>) operator.getValue()::fields) {
                Truth one = operator(operator.getKey(), request.values(key.getKey()), Values.texts(key.getValue()));
                if (one == Truth.FALSE) {
                    return Truth.FALSE;
                }
                if (one == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
        }
        return result;
    }

    private static Truth operator(String name, Optional<List<String>> present, List<String> expected) {
        String operator = name;
        String quantifier = "";
        int colon = operator.indexOf(':');
        if (colon >= 0) {
            quantifier = operator.substring(0, colon);
            operator = operator.substring(colon + 1);
        }
        boolean ifExists = operator.endsWith("IfExists");
        if (ifExists) {
            operator = operator.substring(0, operator.length() - "IfExists".length());
        }
        if (operator.equals("Null")) {
            boolean wantAbsent = expected.stream().anyMatch(v -> v.equalsIgnoreCase("true"));
            return truth(present.isEmpty() == wantAbsent);
        }
        Optional<Matcher> matcher = matcher(operator);
        if (matcher.isEmpty() || !quantifier.isEmpty() && !quantifier.equals("ForAnyValue")
                && !quantifier.equals("ForAllValues")) {
            return Truth.UNKNOWN;
        }
        if (present.isEmpty()) {
            if (ifExists || quantifier.equals("ForAllValues")) {
                return Truth.TRUE;
            }
            return truth(quantifier.isEmpty() && matcher.get().negated());
        }
        List<String> actual = present.get();
        Matcher m = matcher.get();
        return switch (quantifier) {
            case "ForAllValues" -> truth(actual.stream().allMatch(value -> m.holds(value, expected)));
            default -> truth(actual.stream().anyMatch(value -> m.holds(value, expected)));
        };
    }

    /** How one operator compares one request value with the statement's values. */
    private record Matcher(boolean negated, boolean wildcards, boolean ignoreCase) {
        boolean holds(String value, List<String> expected) {
            boolean any = expected.stream().anyMatch(e -> wildcards ? IamStatement.wildcardMatch(e, value, ignoreCase)
                    : ignoreCase ? e.equalsIgnoreCase(value) : e.equals(value));
            return negated != any;
        }
    }

    private static Optional<Matcher> matcher(String operator) {
        return Optional.ofNullable(switch (operator) {
            case "StringEquals", "ArnEquals", "ArnLike" -> new Matcher(false, operator.startsWith("Arn"), false);
            case "StringNotEquals", "ArnNotEquals", "ArnNotLike" -> new Matcher(true, operator.startsWith("Arn"), false);
            case "StringEqualsIgnoreCase" -> new Matcher(false, false, true);
            case "StringNotEqualsIgnoreCase" -> new Matcher(true, false, true);
            case "StringLike" -> new Matcher(false, true, false);
            case "StringNotLike" -> new Matcher(true, true, false);
            case "Bool" -> new Matcher(false, false, true);
            default -> null;
        });
    }

    private static Truth truth(boolean value) {
        return value ? Truth.TRUE : Truth.FALSE;
    }
}
