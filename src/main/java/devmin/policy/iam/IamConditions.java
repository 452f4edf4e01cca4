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
 * evaluate (numeric, date, IP address, binary) are {@link Truth#UNKNOWN}, never guessed; so is a key AWS always sends
 * ({@link AlwaysSentKeys}) that the request, as described, does not give a value for. Operators are read by
 * {@link ConditionOperator}.
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
                Truth one = operator(operator.getKey(), key.getKey(), request.values(key.getKey()),
                        Values.texts(key.getValue()));
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

    private static Truth operator(String name, String key, Optional<List<String>> present, List<String> expected) {
        ConditionOperator operator = ConditionOperator.parse(name);
        String quantifier = operator.quantifier();
        boolean carried = present.isPresent() || AlwaysSentKeys.always(key);
        if (operator.base().equals("Null")) {
            boolean wantAbsent = expected.stream().anyMatch(v -> v.equalsIgnoreCase("true"));
            return truth(carried != wantAbsent);
        }
        if (present.isEmpty() && carried) {
            return Truth.UNKNOWN; // the request carries it, with a value this description does not give
        }
        Optional<ConditionOperator.Comparison> comparison = operator.comparison();
        if (comparison.isEmpty()) {
            return Truth.UNKNOWN;
        }
        if (present.isEmpty()) {
            if (operator.ifExists() || quantifier.equals("ForAllValues")) {
                return Truth.TRUE;
            }
            return truth(quantifier.isEmpty() && comparison.get().negated());
        }
        List<String> actual = present.get();
        ConditionOperator.Comparison m = comparison.get();
        return switch (quantifier) {
            case "ForAllValues" -> truth(actual.stream().allMatch(value -> m.holds(value, expected)));
            default -> truth(actual.stream().anyMatch(value -> m.holds(value, expected)));
        };
    }

    private static Truth truth(boolean value) {
        return value ? Truth.TRUE : Truth.FALSE;
    }
}
