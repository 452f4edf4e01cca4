package devmin.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.Values;
import devmin.policy.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Task environments carry no plaintext secret: a secret-looking name must hold an SSM path or ARN, not a value; and no
 * value, whatever its name, carries anywhere in it a known credential format, a JAAS {@code password="…"}, or a URL
 * whose userinfo holds a password ({@code user:password@}, {@code :password@}) or is a token. Messages name the
 * variable and the kind of secret, never the value.
 */
public final class NoPlaintextSecretsInTaskEnvironment extends AbstractRule implements ResourceRule {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(secret|passw(or)?d|token|api_?key|private_?key|credential|access_?key).*");
    /**
     * Credential formats, found anywhere in a value (a config file's text, a command line), each from its issuer's
     * documentation: AWS access key ids (IAM User Guide, "IAM identifiers": AKIA, ASIA, and the ABIA/ACCA prefixes)
     * and the secret key that goes with one in a credentials or config file ("Configuration and credential file
     * settings": {@code aws_secret_access_key}); GitHub tokens ("About authentication to GitHub", GitHub's token
     * formats: {@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_}, {@code ghr_} and fine-grained
     * {@code github_pat_}); Slack tokens and incoming webhooks ("Token types": {@code xoxb-}, {@code xoxp-},
     * {@code xoxa-}, {@code xoxe-}, {@code xoxr-}; {@code hooks.slack.com/services/}); PEM private keys (RFC 7468,
     * {@code -----BEGIN … PRIVATE KEY-----}).
     */
    private static final Map<String, Pattern> CREDENTIALS = credentials();
    /** A JAAS option such as Kafka's {@code PlainLoginModule required username="k" password="s";}. */
    private static final Pattern JAAS_PASSWORD = Pattern.compile("(?i)\\bpassword\\s*=\\s*(\"[^\"]+\"|'[^']+')");
    /** A URL's userinfo (RFC 3986 section 3.2.1: {@code scheme://user:password@host}), in any shape. */
    private static final Pattern URL_USERINFO = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://([^/\\s@?#]*)@");
    /** A userinfo without a password that is itself a token ({@code https://<token>@github.com/o/r.git}). */
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_-]{20,}");

    private static Map<String, Pattern> credentials() {
        Map<String, Pattern> out = new LinkedHashMap<>();
        out.put("an AWS access key id", Pattern.compile("(?<![A-Z0-9])(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])"));
        out.put("an AWS secret access key", Pattern.compile(
                "(?i)aws_secret_access_key\\s*[=:]\\s*[\"']?[A-Za-z0-9/+]{40}"));
        out.put("a GitHub token", Pattern.compile("gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,}"));
        out.put("a Slack token", Pattern.compile("xox[abpers]-[A-Za-z0-9-]{10,}"
                + "|hooks\\.slack\\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]+"));
        out.put("a private key", Pattern.compile("-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----"));
        return out;
    }

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

    /** How a variable holds a plaintext secret, if it does; never the value itself. */
    static Optional<String> plaintext(String name, String value) {
        boolean reference = value.startsWith("/") || value.startsWith("arn:aws:ssm:")
                || value.startsWith("arn:aws:secretsmanager:") || value.isEmpty();
        if (SECRET_NAME.matcher(name).matches() && !reference) {
            return Optional.of("a secret-looking name holds a value");
        }
        for (Map.Entry<String, Pattern> credential : CREDENTIALS.entrySet()) {
            if (credential.getValue().matcher(value).find()) {
                return Optional.of("a credential format: " + credential.getKey());
            }
        }
        if (JAAS_PASSWORD.matcher(value).find()) {
            return Optional.of("a JAAS password");
        }
        Matcher url = URL_USERINFO.matcher(value);
        while (url.find()) {
            String userinfo = url.group(1);
            int colon = userinfo.indexOf(':');
            if (colon >= 0 && colon < userinfo.length() - 1) {
                return Optional.of("a URL with user:password@");
            }
            if (!userinfo.contains(":") && TOKEN_LIKE.matcher(userinfo).matches()) {
                return Optional.of("a URL with a token as its userinfo");
            }
        }
        return Optional.empty();
    }
}
