package stacks.core;

import stacks.iam.PolicyDocument;
import stacks.iam.Statement;
import stacks.spec.CiSpec;

import java.util.List;
import java.util.Map;

/**
 * Trust policies for roles assumed by GitHub Actions through OIDC: exact audience, a subject fixed to one repository
 * (never a wildcard owner or repo), {@code StringEquals} only, never {@code ForAllValues}.
 */
public final class GithubOidcTrust {

    public static final String AUDIENCE = "sts.amazonaws.com";
    static final String AUD_KEY = CoreNames.GITHUB_OIDC_HOST + ":aud";
    static final String SUB_KEY = CoreNames.GITHUB_OIDC_HOST + ":sub";

    private GithubOidcTrust() {
    }

    /** GitHub's immutable form {@code repo:owner@1/repo@2}, or {@code repo:owner/repo} when the spec says so. */
    public static String repoSubject(CiSpec ci) {
        if (ci.subjectForm() == CiSpec.SubjectForm.IMMUTABLE) {
            return "repo:" + ci.githubOwner() + "@" + ci.githubOwnerId() + "/" + ci.githubRepo() + "@"
                    + ci.githubRepoId();
        }
        return "repo:" + ci.slug();
    }

    /** The preview job's subject: its environment when one gates it, otherwise any pull request's. */
    public static String previewSubject(CiSpec ci) {
        return ci.previewEnvironment().isEmpty()
                ? repoSubject(ci) + ":pull_request"
                : repoSubject(ci) + ":environment:" + ci.previewEnvironment();
    }

    public static String deploySubject(CiSpec ci) {
        return ci.deployEnvironment().isEmpty()
                ? repoSubject(ci) + ":ref:" + ci.deployRef()
                : repoSubject(ci) + ":environment:" + ci.deployEnvironment();
    }

    public static String releaseSubject(CiSpec ci) {
        return repoSubject(ci) + ":ref:" + ci.releaseRef();
    }

    public static PolicyDocument trustPolicy(String oidcProviderArn, String subject) {
        return PolicyDocument.of(new Statement("GithubActionsOidc", "Allow",
                Map.of("Federated", List.of(oidcProviderArn)),
                List.of("sts:AssumeRoleWithWebIdentity"),
                List.of(),
                Map.of("StringEquals", Map.of(AUD_KEY, List.of(AUDIENCE), SUB_KEY, List.of(subject)))));
    }
}
