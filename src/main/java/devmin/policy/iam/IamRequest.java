package devmin.policy.iam;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as IAM evaluates it: an action on a resource, with the condition keys the request carries (e.g.
 * {@code iam:PassedToService} for {@code iam:PassRole}, {@code iam:PermissionsBoundary} for {@code iam:CreateRole}).
 * A key the request does not carry is absent, which IAM's condition operators treat in their own documented ways.
 *
 * @param context condition keys (case-insensitive, as IAM compares them) to their values
 */
public record IamRequest(String action, String resource, Map<String, List<String>> context) {

    public IamRequest {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        context.forEach((key, values) -> keys.put(key.toLowerCase(Locale.ROOT), List.copyOf(values)));
        context = java.util.Collections.unmodifiableMap(keys);
    }

    public static IamRequest of(String action, String resource) {
        return new IamRequest(action, resource, Map.of());
    }

    /** The same request carrying {@code key} with {@code values}. */
    public IamRequest with(String key, String... values) {
        Map<String, List<String>> more = new LinkedHashMap<>(context);
        more.put(key.toLowerCase(Locale.ROOT), Arrays.asList(values));
        return new IamRequest(action, resource, more);
    }

    /** The values of a condition key, empty when the request does not carry it. */
    public Optional<List<String>> values(String key) {
        return Optional.ofNullable(context.get(key.toLowerCase(Locale.ROOT)));
    }

    /** e.g. {@code iam:CreateRole on arn:… with iam:PermissionsBoundary=[…]}, for messages. */
    public String describe() {
        return action + " on " + resource + (context.isEmpty() ? "" : " with " + context);
    }
}
