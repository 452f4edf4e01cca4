package devmin.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.Values;
import devmin.policy.Violation;
import devmin.policy.iam.ConditionOperator;
import devmin.policy.iam.PolicyStatements;
import devmin.policy.kinds.Kind;
import devmin.policy.kinds.ResourceKinds;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A role trusted by GitHub's OIDC provider pins the exact audience {@code sts.amazonaws.com} and a subject on one
 * fixed owner/repo — under a positive operator: a repository named only under {@code StringNotEquals} or
 * {@code StringNotLike} pins nothing — and never uses {@code ForAllValues}. Its subjects name one repository; with
 * immutable ids, both of GitHub's spellings of the same ids count as one, and names compare without case (GitHub's
 * are case-insensitive). Operators mean what {@link ConditionOperator} says (a {@code StringLike} without wildcards is
 * exact). The trust is parsed, never searched as text; a trust, or a Federated principal, that cannot be read is not
 * pinned.
 */
public final class GithubOidcTrustIsPinned extends AbstractRule implements ResourceRule {

    static final String ISSUER = "token.actions.githubusercontent.com";
    private static final Pattern FIXED_REPO_SUBJECT =
            Pattern.compile("repo:[A-Za-z0-9-]+(@\\d+)?/[A-Za-z0-9._-]+(@\\d+)?:.+");
    private static final Pattern IMMUTABLE_AT = Pattern.compile("([A-Za-z0-9-]+)@(\\d+)/([A-Za-z0-9._-]+)@(\\d+)");

    public GithubOidcTrustIsPinned() {
        super("DM-IAM-004", "github-oidc-trust-is-pinned", Severity.CRITICAL,
                "A GitHub OIDC trust policy requires aud = sts.amazonaws.com exactly and a sub on one fixed"
                        + " owner/repo, and never uses ForAllValues.",
                "Use StringEquals on token.actions.githubusercontent.com:aud and :sub with repo:<owner>/<repo>:<context>.");
    }

    @Override
    public List<Violation> check(ResourceView r) {
        Optional<String> trustProperty = ResourceKinds.table().facts(r.type()).filter(f -> f.is(Kind.IAM_PRINCIPAL))
                .flatMap(f -> f.property("trust"));
        if (trustProperty.isEmpty()) {
            return List.of();
        }
        Optional<JsonNode> value = r.property(trustProperty.get());
        if (value.isEmpty()) {
            return List.of();
        }
        // Parsed, never searched as text: IAM reads the JSON (escapes such as \\u002e included), so must the rule.
        Optional<String> opacity = PolicyStatements.opacity(value.get());
        if (opacity.isPresent()) {
            return List.of(new Violation(r.urn(), "role '" + r.name() + "' trust (" + trustProperty.get()
                    + ") cannot be verified (" + opacity.get() + "), so it may trust GitHub without pinning"));
        }
        JsonNode trust = Values.tree(value.get()).orElseThrow();
        List<JsonNode> statements = Values.elements(trust.get("Statement"));
        if (statements.isEmpty()) {
            return mentionsIssuer(trust) ? List.of(new Violation(r.urn(), "role '" + r.name() + "' trust names"
                    + " GitHub's OIDC provider but has no Statement to pin")) : List.of();
        }
        List<Violation> out = new ArrayList<>();
        for (JsonNode s : statements) {
            if (!"Allow".equals(s.path("Effect").asText())) {
                continue;
            }
            if (federatedCannotBeRead(s)) {
                List<Violation> unpinned = new ArrayList<>();
                checkStatement(r, s.path("Condition"), unpinned);
                if (!unpinned.isEmpty()) {
                    out.add(new Violation(r.urn(), "role '" + r.name() + "' trusts a Federated principal that cannot"
                            + " be read (unknown until the update runs), so it may be GitHub's provider, and is not"
                            + " pinned"));
                    out.addAll(unpinned);
                }
            } else if (mentionsIssuer(s)) {
                checkStatement(r, s.path("Condition"), out);
            }
        }
        return out;
    }

    /** Whether the parsed JSON names GitHub's issuer in any value or key (hosts compare without case). */
    private static boolean mentionsIssuer(JsonNode parsed) {
        return parsed.toString().toLowerCase(java.util.Locale.ROOT).contains(ISSUER);
    }

    /** A statement whose principal, or whose Federated principal, is unknown until the update runs (or secret). */
    private static boolean federatedCannotBeRead(JsonNode statement) {
        JsonNode principal = statement.get("Principal");
        if (principal != null && Values.isOpaque(principal)) {
            return true;
        }
        return Values.field(principal, "Federated").map(f -> Values.elements(f).stream().anyMatch(Values::isOpaque))
                .orElse(false);
    }

    private void checkStatement(ResourceView r, JsonNode condition, List<Violation> out) {
        List<String> audiences = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> ops = condition.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            ConditionOperator operator = ConditionOperator.parse(op.getKey());
            if (operator.quantifier().equals("ForAllValues")) {
                out.add(new Violation(r.urn(), "role '" + r.name() + "' trust uses " + op.getKey()
                        + ", which an empty claim satisfies"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                List<String> values = Values.texts(key.getValue());
                if (key.getKey().equalsIgnoreCase(ISSUER + ":aud")) {
                    if (operator.requiresExactly(values, false)) {
                        audiences.addAll(values);
                    } else {
                        out.add(new Violation(r.urn(), "role '" + r.name() + "' matches aud with " + op.getKey()
                                + ", not StringEquals (or a StringLike without wildcards)"));
                    }
                } else if (key.getKey().equalsIgnoreCase(ISSUER + ":sub") && operator.requiresMatch()) {
                    subjects.addAll(values);
                }
            }
        }
        if (!audiences.equals(List.of("sts.amazonaws.com"))) {
            out.add(new Violation(r.urn(), "role '" + r.name() + "' trust does not pin aud to exactly"
                    + " sts.amazonaws.com (found " + audiences + ")"));
        }
        if (subjects.isEmpty()) {
            out.add(new Violation(r.urn(), "role '" + r.name() + "' trust has no sub condition under a positive"
                    + " operator (StringEquals, StringLike, StringEqualsIgnoreCase): any repository could assume it"));
        }
        java.util.Set<String> repositories = new java.util.TreeSet<>();
        for (String subject : subjects) {
            String[] parts = subject.split(":", 3);
            String repository = parts.length > 1 ? parts[1] : "";
            if (!FIXED_REPO_SUBJECT.matcher(subject).matches() || repository.contains("*") || repository.contains("?")) {
                out.add(new Violation(r.urn(), "role '" + r.name() + "' trust sub '" + subject
                        + "' is not fixed to one owner/repo"));
            }
            // GitHub owner and repository names are case-insensitive: one repository, however it is cased
            repositories.add(repository.toLowerCase(java.util.Locale.ROOT));
        }
        if (repositories.size() > 1 && !sameIdsSpelledBothWays(repositories)) {
            out.add(new Violation(r.urn(), "role '" + r.name() + "' trust admits more than one repository "
                    + repositories + ": a sub condition names one owner/repo (with immutable ids, at most both of"
                    + " GitHub's spellings of the same ids)"));
        }
    }

    /**
     * Whether two repository names are GitHub's two spellings of one repository's immutable ids,
     * {@code owner@1/repo@2} and {@code owner-1/repo-2}: its changelog (2026-04-23) and its pending documentation
     * (github/docs#45221) disagree on the delimiter, so a trust may list both and still admit one repository.
     */
    private static boolean sameIdsSpelledBothWays(java.util.Set<String> repositories) {
        if (repositories.size() != 2) {
            return false;
        }
        java.util.regex.Matcher at = IMMUTABLE_AT.matcher(repositories.stream().filter(x -> x.contains("@"))
                .findFirst().orElse(""));
        if (!at.matches()) {
            return false;
        }
        String hyphen = at.group(1) + "-" + at.group(2) + "/" + at.group(3) + "-" + at.group(4);
        return repositories.contains(hyphen);
    }
}
