package stacks.core;

import stacks.iam.PolicyDocument;
import stacks.iam.Statement;
import stacks.spec.CiSpec;

import java.util.List;
import java.util.Map;

/**
 * Trust policies for roles assumed by GitHub Actions through OIDC: exact audience, a subject fixed to one repository
 * (never a wildcard owner or repo; with immutable ids, both of GitHub's spellings of the same ids), {@code StringEquals}
 * only, never {@code ForAllValues}.
 */
public final class GithubOidcTrust {

    public static final String AUDIENCE = "sts.amazonaws.com";
    static final String AUD_KEY = CoreNames.GITHUB_OIDC_HOST + ":aud";
    static final String SUB_KEY = CoreNames.GITHUB_OIDC_HOST + ":sub";

    private GithubOidcTrust() {
    }

    /**
     * How GitHub names the repository in the {@code sub} claim: {@code repo:owner/repo}, or with the immutable numeric
     * ids of owner and repository. GitHub's own texts disagree on how an id is joined to its name: the changelog of
     * 2026-04-23 ("Immutable subject claims for GitHub Actions OIDC tokens") shows {@code repo:octocat-123456/my-repo-456789},
     * while the pending documentation change github/docs#45221 shows {@code repo:octocat@123456/my-repo@456789} (an
     * earlier merged page with the hyphen was reverted). Until GitHub settles it, the trust lists both spellings of the
     * same two ids: still exactly one owner and one repository, whichever GitHub sends.
     */
    public static List<String> repoSubjects(CiSpec ci) {
        if (ci.subjectForm() == CiSpec.SubjectForm.IMMUTABLE) {
            return List.of("repo:" + ci.githubOwner() + "@" + ci.githubOwnerId() + "/" + ci.githubRepo() + "@"
                            + ci.githubRepoId(),
                    "repo:" + ci.githubOwner() + "-" + ci.githubOwnerId() + "/" + ci.githubRepo() + "-"
                            + ci.githubRepoId());
        }
        return List.of("repo:" + ci.slug());
    }

    /** The preview job's subjects: its environment when one gates it, otherwise any pull request's. */
    public static List<String> previewSubjects(CiSpec ci) {
        return withContext(ci, ci.previewEnvironment().isEmpty() ? "pull_request"
                : "environment:" + ci.previewEnvironment());
    }

    public static List<String> deploySubjects(CiSpec ci) {
        return withContext(ci, ci.deployEnvironment().isEmpty() ? "ref:" + ci.deployRef()
                : "environment:" + ci.deployEnvironment());
    }

    public static List<String> releaseSubjects(CiSpec ci) {
        return withContext(ci, "ref:" + ci.releaseRef());
    }

    private static List<String> withContext(CiSpec ci, String context) {
        return repoSubjects(ci).stream().map(repo -> repo + ":" + context).toList();
    }

    public static PolicyDocument trustPolicy(String oidcProviderArn, List<String> subjects) {
        return PolicyDocument.of(new Statement("GithubActionsOidc", "Allow",
                Map.of("Federated", List.of(oidcProviderArn)),
                List.of("sts:AssumeRoleWithWebIdentity"),
                List.of(),
                Map.of("StringEquals", Map.of(AUD_KEY, List.of(AUDIENCE), SUB_KEY, List.copyOf(subjects)))));
    }
}
