package devmin.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.Values;
import devmin.policy.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Task environments carry no plaintext secret: a secret-looking name must hold an SSM path or ARN, not a value; and no
 * value, whatever its name, carries a known credential format, a JAAS {@code password="…"} or a URL with
 * {@code user:password@}.
 */
public final class NoPlaintextSecretsInTaskEnvironment extends AbstractRule implements ResourceRule {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(secret|passw(or)?d|token|api_?key|private_?key|credential|access_?key).*");
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(AKIA|ASIA)[A-Z0-9]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----.*|gh[pousr]_[A-Za-z0-9]{30,}",
            Pattern.DOTALL);
    /** A JAAS option such as Kafka's {@code PlainLoginModule required username="k" password="s";}. */
    private static final Pattern JAAS_PASSWORD = Pattern.compile("(?i)\\bpassword\\s*=\\s*(\"[^\"]+\"|'[^']+')");
    /** A URL carrying credentials: {@code scheme://user:password@host}. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@");

    public NoPlaintextSecretsInTaskEnvironment() {
        super("DM-SEC-001", "no-plaintext-secrets-in-task-environment", Severity.HIGH,
                "Container environments hold no plaintext secret; a secret is named by its SSM path and read by the"
                        + " lane's task role.",
                "Store the value in an SSM SecureString handle and pass its path (e.g. SSM_IG_API_KEY_PATH).");
    }

    @Override
    public List<Violation> check(ResourceView r) {
        if (!TaskDefinitions.is(r)) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>();
        for (JsonNode container : TaskDefinitions.of(r).containers()) {
            for (JsonNode variable : Values.elements(Values.field(container, "environment").orElse(null))) {
                String name = Values.field(variable, "name").map(JsonNode::asText).orElse("");
                String value = Values.field(variable, "value").map(JsonNode::asText).orElse("");
                plaintext(name, value).ifPresent(how -> out.add(new Violation(r.urn(), "task definition '" + r.name()
                        + "' container '" + TaskDefinitions.containerName(container) + "' has a plaintext secret in "
                        + name + " (" + how + ")")));
            }
        }
        return out;
    }

    /** How a variable holds a plaintext secret, if it does. */
    private static Optional<String> plaintext(String name, String value) {
        boolean reference = value.startsWith("/") || value.startsWith("arn:aws:ssm:")
                || value.startsWith("arn:aws:secretsmanager:") || value.isEmpty();
        if (SECRET_NAME.matcher(name).matches() && !reference) {
            return Optional.of("a secret-looking name holds a value");
        }
        if (SECRET_VALUE.matcher(value).matches()) {
            return Optional.of("a credential format");
        }
        if (JAAS_PASSWORD.matcher(value).find()) {
            return Optional.of("a JAAS password");
        }
        if (URL_CREDENTIALS.matcher(value).find()) {
            return Optional.of("a URL with user:password@");
        }
        return Optional.empty();
    }
}
