package devmin.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.Violation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A role trusted by GitHub's OIDC provider pins the exact audience {@code sts.amazonaws.com} and a subject on one
 * fixed owner/repo; {@code ForAllValues} is never used.
 */
public final class GithubOidcTrustIsPinned extends AbstractRule implements ResourceRule {

    static final String ISSUER = "token.actions.githubusercontent.com";
    private static final Pattern FIXED_REPO_SUBJECT =
            Pattern.compile("repo:[A-Za-z0-9-]+(@\\d+)?/[A-Za-z0-9._-]+(@\\d+)?:.+");

    public GithubOidcTrustIsPinned() {
        super("DM-IAM-004", "github-oidc-trust-is-pinned", Severity.CRITICAL,
                "A GitHub OIDC trust policy requires aud = sts.amazonaws.com exactly and a sub on one fixed"
                        + " owner/repo, and never uses ForAllValues.",
                "Use StringEquals on token.actions.githubusercontent.com:aud and :sub with repo:<owner>/<repo>:<context>.");
    }

    @Override
    public List<Violation> check(ResourceView r) {
        if (!r.is("aws:iam/role:Role")) {
            return List.of();
        }
        var trust = RuleSupport.jsonProperty(r, "assumeRolePolicy");
        if (trust.isEmpty() || !trust.get().toString().contains(ISSUER)) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>();
        JsonNode statements = trust.get().get("Statement");
        for (JsonNode s : statements.isArray() ? statements : List.of(statements)) {
            if (!s.toString().contains(ISSUER) || !"Allow".equals(s.path("Effect").asText())) {
                continue;
            }
            checkStatement(r, s.path("Condition"), out);
        }
        return out;
    }

    private void checkStatement(ResourceView r, JsonNode condition, List<Violation> out) {
        List<String> audiences = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> ops = condition.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            if (op.getKey().startsWith("ForAllValues")) {
                out.add(new Violation(r.urn(), "role '" + r.name() + "' trust uses " + op.getKey()
                        + ", which an empty claim satisfies"));
            }
            JsonNode aud = op.getValue().get(ISSUER + ":aud");
            if (aud != null) {
                if (!op.getKey().equals("StringEquals")) {
                    out.add(new Violation(r.urn(), "role '" + r.name() + "' matches aud with " + op.getKey()
                            + ", not StringEquals"));
                }
                (aud.isArray() ? aud : List.of(aud)).forEach(v -> audiences.add(((JsonNode) v).asText()));
            }
            JsonNode sub = op.getValue().get(ISSUER + ":sub");
            if (sub != null) {
                (sub.isArray() ? sub : List.of(sub)).forEach(v -> subjects.add(((JsonNode) v).asText()));
            }
        }
        if (!audiences.equals(List.of("sts.amazonaws.com"))) {
            out.add(new Violation(r.urn(), "role '" + r.name() + "' trust does not pin aud to exactly"
                    + " sts.amazonaws.com (found " + audiences + ")"));
        }
        if (subjects.isEmpty()) {
            out.add(new Violation(r.urn(), "role '" + r.name() + "' trust has no sub condition: any repository could"
                    + " assume it"));
        }
        for (String subject : subjects) {
            String[] parts = subject.split(":", 3);
            String repository = parts.length > 1 ? parts[1] : "";
            if (!FIXED_REPO_SUBJECT.matcher(subject).matches() || repository.contains("*") || repository.contains("?")) {
                out.add(new Violation(r.urn(), "role '" + r.name() + "' trust sub '" + subject
                        + "' is not fixed to one owner/repo"));
            }
        }
    }
}
