package stacks.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The example values the committed stack file ships with (its {@code # REPLACE} lines), declared here and only here,
 * each with its key: valid in shape, so the spec accepts them and {@code devmin plan} can run on the committed file,
 * but never a real environment's. A plan warns about each; {@code devmin preflight} refuses to call the environment
 * ready while one is left.
 */
public final class Placeholders {

    /** One example value still in the config: its key, the value, where it is, and what to put instead. */
    public record Placeholder(String key, String value, String position, String replaceWith) {

        public String describe() {
            return (position.isEmpty() ? "" : position + ": ") + key + " is still the example value '" + value
                    + "' (" + replaceWith + ")";
        }
    }

    /** A declared placeholder: a key (a field of a structured key, a list's every element), how to tell it. */
    private record Declared(String key, String field, boolean list, Predicate<String> isExample, String replaceWith) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** AWS's documentation's example account id (docs.aws.amazon.com, e.g. the IAM ARN examples). */
    static final String EXAMPLE_ACCOUNT_ID = "123456789012";
    /** The committed sample GitHub ids: they name no real owner or repository of the committed file's. */
    static final String EXAMPLE_GITHUB_OWNER_ID = "10000001";
    static final String EXAMPLE_GITHUB_REPO_ID = "20000002";
    /** The committed sample GitHub owner. */
    static final String EXAMPLE_GITHUB_OWNER = "example-org";

    private static final List<Declared> DECLARED = List.of(
            new Declared(ConfigKeys.AWS_ACCOUNT_ID, "", false, EXAMPLE_ACCOUNT_ID::equals,
                    "AWS's documented example account id: set your account's"),
            new Declared(ConfigKeys.BUDGET, "recipients", true, Placeholders::atAnExampleDomain,
                    "an RFC 2606 example domain, which receives no mail: set an address that gets the budget alerts"),
            new Declared(ConfigKeys.CI, "repository", false, slug -> slug.toLowerCase(Locale.ROOT)
                    .startsWith(EXAMPLE_GITHUB_OWNER + "/"), "the sample owner: set your GitHub owner/repo"),
            new Declared(ConfigKeys.CI, "githubOwnerId", false, EXAMPLE_GITHUB_OWNER_ID::equals,
                    "the sample id: gh api repos/<owner>/<repo> --jq '.owner.id'"),
            new Declared(ConfigKeys.CI, "githubRepoId", false, EXAMPLE_GITHUB_REPO_ID::equals,
                    "the sample id: gh api repos/<owner>/<repo> --jq '.id'"));

    private Placeholders() {
    }

    /** Every declared example value still in the config, in declaration order. */
    public static List<Placeholder> in(ConfigSource config) {
        List<Placeholder> found = new ArrayList<>();
        for (Declared declared : DECLARED) {
            Optional<String> raw = config.get(declared.key());
            if (raw.isEmpty() || config.isSecret(declared.key())) {
                continue; // a secret's value is never shown, and a secret is no committed example
            }
            if (declared.field().isEmpty()) {
                check(config, declared, declared.key(), raw.get(), found);
                continue;
            }
            JsonNode value = parse(raw.get()).path(declared.field());
            String key = declared.key() + "." + declared.field();
            if (declared.list()) {
                for (int i = 0; i < value.size(); i++) {
                    if (value.get(i).isValueNode()) {
                        check(config, declared, key + "[" + i + "]", value.get(i).asText(), found);
                    }
                }
            } else if (value.isValueNode() && !value.isMissingNode()) {
                check(config, declared, key, value.asText(), found);
            }
        }
        return found;
    }

    private static void check(ConfigSource config, Declared declared, String key, String value,
                              List<Placeholder> found) {
        if (declared.isExample().test(value)) {
            found.add(new Placeholder(key, value, config.position(key).orElse(""), declared.replaceWith()));
        }
    }

    /** RFC 2606 reserves example.com, example.net and example.org (and their subdomains) for documentation. */
    static boolean atAnExampleDomain(String address) {
        String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return List.of("example.com", "example.net", "example.org").stream()
                .anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance(); // the spec reports it
        }
    }
}
