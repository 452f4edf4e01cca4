package devmin.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.Values;
import devmin.policy.Violation;
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
 * immutable ids, both of GitHub's spellings of the same ids count as one. A trust that cannot be read is not pinned.
 */
public final class GithubOidcTrustIsPinned extends AbstractRule implements ResourceRule {

    static final String ISSUER = "token.actions.githubusercontent.com";
    private static final Pattern FIXED_REPO_SUBJECT =
            Pattern.compile("repo:[A-Za-z0-9-]+(@\\d+)?/[A-Za-z0-9._-]+(@\\d+)?:.+");
    private static final Pattern IMMUTABLE_AT = Pattern.compile("([A-Za-z0-9-]+)@(\\d+)/([A-Za-z0-9._-]+)@(\\d+)");
    /** Operators that require the claim to match (an absent claim fails them); IfExists and negations do not. */
    private static final List<String> PINNING_OPERATORS = List.of("StringEquals", "StringLike",
            "ForAnyValue:StringEquals", "ForAnyValue:StringLike");

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
        if (value.get().isTextual() && !Values.isOpaque(value.get()) && !value.get().asText().contains(ISSUER)) {
            return List.of(); // a trust that does not name GitHub's provider is not this rule's concern
        }
        Optional<String> opacity = PolicyStatements.opacity(value.get());
        if (opacity.isPresent()) {
            return List.of(new Violation(r.urn(), "role '" + r.name() + "' trust (" + trustProperty.get()
                    + ") cannot be verified (" + opacity.get() + "), so it may trust GitHub without pinning"));
        }
        JsonNode trust = Values.tree(value.get()).orElseThrow();
        if (!trust.toString().contains(ISSUER)) {
            return List.of();
        }
        List<JsonNode> statements = Values.elements(trust.get("Statement"));
        if (statements.isEmpty()) {
            return List.of(new Violation(r.urn(), "role '" + r.name() + "' trust names GitHub's OIDC provider but has"
                    + " no Statement to pin"));
        }
        List<Violation> out = new ArrayList<>();
        for (JsonNode s : statements) {
            if (s.toString().contains(ISSUER) && "Allow".equals(s.path("Effect").asText())) {
                checkStatement(r, s.path("Condition"), out);
            }
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
            boolean pins = PINNING_OPERATORS.contains(op.getKey());
            JsonNode aud = op.getValue().get(ISSUER + ":aud");
            if (aud != null) {
                if (!op.getKey().equals("StringEquals")) {
                    out.add(new Violation(r.urn(), "role '" + r.name() + "' matches aud with " + op.getKey()
                            + ", not StringEquals"));
                } else {
                    audiences.addAll(Values.texts(aud));
                }
            }
            JsonNode sub = op.getValue().get(ISSUER + ":sub");
            if (sub != null && pins) {
                subjects.addAll(Values.texts(sub));
            }
        }
        if (!audiences.equals(List.of("sts.amazonaws.com"))) {
            out.add(new Violation(r.urn(), "role '" + r.name() + "' trust does not pin aud to exactly"
                    + " sts.amazonaws.com (found " + audiences + ")"));
        }
        if (subjects.isEmpty()) {
            out.add(new Violation(r.urn(), "role '" + r.name() + "' trust has no sub condition under "
                    + PINNING_OPERATORS + ": any repository could assume it"));
        }
        java.util.Set<String> repositories = new java.util.TreeSet<>();
        for (String subject : subjects) {
            String[] parts = subject.split(":", 3);
            String repository = parts.length > 1 ? parts[1] : "";
            if (!FIXED_REPO_SUBJECT.matcher(subject).matches() || repository.contains("*") || repository.contains("?")) {
                out.add(new Violation(r.urn(), "role '" + r.name() + "' trust sub '" + subject
                        + "' is not fixed to one owner/repo"));
            }
            repositories.add(repository);
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
