package devmin.policy.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The resources an action authorizes against, as the Service Authorization Reference gives them (data in
 * {@code action-resources.json}, source named there), and what a statement's resource clause does with them: whether
 * it covers every one (a Deny of {@code ssm:GetParameter*} on {@code arn:aws:ssm:*:*:parameter/*} denies every
 * parameter, as much as one on {@code *}), and whether it can name any (kms:Decrypt authorizes against keys only, so
 * an Allow on an alias ARN grants nothing — "Resource types defined by AWS Key Management Service").
 */
public final class ActionResources {

    /** The partition devmin's stacks live in; a role reaches no other partition's resources. */
    static final String PARTITION = "aws";
    /**
     * Values for a format's variables that share no character and differ in length: a pattern that fixes any character
     * of a variable (a region, an account, a path prefix) misses one of them.
     */
    static final List<String> PROBES = List.of("0", "Zq-x/y_z.w");
    private static final JsonNode TABLE = load();

    private ActionResources() {
    }

    private static JsonNode load() {
        try (InputStream in = ActionResources.class.getResourceAsStream("/devmin/policy/iam/action-resources.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ARN formats {@code action} authorizes against ({@code *} for none), when the data knows the action. */
    public static Optional<List<String>> formats(String action) {
        for (var entry : (Iterable<java.util.Map.Entry<String, JsonNode>>) TABLE.get("actions")::fields) {
            if (entry.getKey().equalsIgnoreCase(action)) {
                return Optional.of(PolicyStatements.strings(entry.getValue()));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the statement's resource clause covers every resource {@code action} can take. For an action the data
     * does not know, only a clause naming every resource literally ({@code *}, or none) does.
     */
    public static boolean coversEvery(IamStatement statement, String action) {
        Optional<List<String>> formats = formats(action);
        if (formats.isEmpty()) {
            return statement.notResources().isEmpty()
                    && (statement.resources().isEmpty() || statement.resources().contains("*"));
        }
        if (!statement.notResources().isEmpty()) {
            // a NotResource leaves out what it names: it covers every resource only when it names none of them
            return statement.notResources().stream().noneMatch(pattern -> names(pattern, formats.get()));
        }
        for (String format : formats.get()) {
            for (String probe : PROBES) {
                String arn = format.replace("${Partition}", PARTITION).replaceAll("\\$\\{[^}]*}", probe);
                if (!statement.coversResource(arn)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether the statement's resource clause can name some resource {@code action} takes. An action the data does not
     * know, a {@code NotResource} or no clause at all may name anything.
     */
    public static boolean namesAny(IamStatement statement, String action) {
        Optional<List<String>> formats = formats(action);
        if (formats.isEmpty() || !statement.notResources().isEmpty() || statement.resources().isEmpty()) {
            return true;
        }
        return statement.resources().stream().anyMatch(pattern -> names(pattern, formats.get()));
    }

    private static boolean names(String pattern, List<String> formats) {
        return formats.stream().anyMatch(format -> format.equals("*") ? IamStatement.wildcardMatch(pattern, "*", false)
                : ArnPatterns.intersects(pattern, format));
    }
}
