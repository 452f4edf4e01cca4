package devmin.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Task environments carry no plaintext secret: a secret-looking name must hold an SSM path or ARN, not a value. */
public final class NoPlaintextSecretsInTaskEnvironment extends AbstractRule implements ResourceRule {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(secret|passw(or)?d|token|api_?key|private_?key|credential|access_?key).*");
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(AKIA|ASIA)[A-Z0-9]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----.*|gh[pousr]_[A-Za-z0-9]{30,}",
            Pattern.DOTALL);

    public NoPlaintextSecretsInTaskEnvironment() {
        super("DM-SEC-001", "no-plaintext-secrets-in-task-environment", Severity.HIGH,
                "Container environments hold no plaintext secret; a secret is named by its SSM path and read by the"
                        + " lane's task role.",
                "Store the value in an SSM SecureString handle and pass its path (e.g. SSM_IG_API_KEY_PATH).");
    }

    @Override
    public List<Violation> check(ResourceView r) {
        if (!r.is(RuleSupport.TASK_DEFINITION)) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>();
        for (JsonNode container : RuleSupport.containers(r)) {
            for (JsonNode variable : container.path("environment")) {
                String name = variable.path("name").asText();
                String value = variable.path("value").asText();
                boolean reference = value.startsWith("/") || value.startsWith("arn:aws:ssm:")
                        || value.startsWith("arn:aws:secretsmanager:") || value.isEmpty();
                if ((SECRET_NAME.matcher(name).matches() && !reference) || SECRET_VALUE.matcher(value).matches()) {
                    out.add(new Violation(r.urn(), "task definition '" + r.name() + "' container '"
                            + container.path("name").asText() + "' has a plaintext secret in " + name));
                }
            }
        }
        return out;
    }
}
