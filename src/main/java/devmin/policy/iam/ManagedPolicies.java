package devmin.policy.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The AWS-managed policies that matter to devmin's rules, as data (their source is named in the resource file). An
 * AWS-managed ARN that is not listed is unknown: rules treat it as a possible grant rather than guess.
 */
public final class ManagedPolicies {

    public static final String AWS_MANAGED_PREFIX = "arn:aws:iam::aws:policy/";
    private static final java.util.regex.Pattern AWS_MANAGED =
            java.util.regex.Pattern.compile("arn:aws(-[a-z]+)*:iam::aws:policy/");
    private static final JsonNode TABLE = load();

    private ManagedPolicies() {
    }

    private static JsonNode load() {
        try (InputStream in = ManagedPolicies.class.getResourceAsStream("/devmin/policy/iam/aws-managed-policies.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An AWS-managed policy ARN in any partition ({@code arn:aws:}, {@code arn:aws-cn:}, {@code arn:aws-us-gov:}). */
    public static boolean isAwsManaged(String arn) {
        return AWS_MANAGED.matcher(arn).lookingAt();
    }

    public static Optional<List<IamStatement>> statements(String arn) {
        JsonNode document = TABLE.get("policies").get(arn);
        return document == null ? Optional.empty() : Optional.of(PolicyStatements.parse(document));
    }

    public static String source() {
        return TABLE.get("source").asText();
    }
}
