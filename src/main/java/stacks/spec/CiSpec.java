package stacks.spec;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The GitHub repository whose workflows may assume the CI roles.
 *
 * @param githubOwner       owner (organisation or user) name
 * @param githubRepo        repository name
 * @param githubOwnerId     numeric owner id for GitHub's immutable subject form; 0 when not set
 * @param githubRepoId      numeric repository id for the immutable subject form; 0 when not set
 * @param deployEnvironment  GitHub environment the demo-window role is pinned to; empty when pinned to a ref
 * @param deployRef          git ref the demo-window role is pinned to when no environment is set
 * @param releaseRef         git ref the image-release role is pinned to
 * @param previewEnvironment GitHub environment the pull-request preview role is pinned to (its secrets and
 *                           reviewers gate the pull request's code); empty: any pull request of the repository
 * @param subjectForm        which {@code sub} claims GitHub issues for the repository
 * @param oidcProviderArn    the account's existing GitHub OIDC provider; empty to have core create it
 */
public record CiSpec(String githubOwner, String githubRepo, long githubOwnerId, long githubRepoId,
                     String deployEnvironment, String deployRef, String releaseRef, String previewEnvironment,
                     SubjectForm subjectForm, String oidcProviderArn) {

    /**
     * GitHub's subject claims: {@code repo:owner@<id>/repo@<id>:…} (immutable, the default for repositories created or
     * renamed since mid-2026) or {@code repo:owner/repo:…} (name, older repositories).
     */
    public enum SubjectForm { IMMUTABLE, NAME }

    /** A repository named by name, or by ids when both are given: no existing provider. */
    public CiSpec(String githubOwner, String githubRepo, long githubOwnerId, long githubRepoId,
                  String deployEnvironment, String deployRef, String releaseRef, String previewEnvironment) {
        this(githubOwner, githubRepo, githubOwnerId, githubRepoId, deployEnvironment, deployRef, releaseRef,
                previewEnvironment, githubOwnerId != 0 && githubRepoId != 0 ? SubjectForm.IMMUTABLE : SubjectForm.NAME,
                "");
    }

    public OptionalLong ownerId() {
        return githubOwnerId == 0 ? OptionalLong.empty() : OptionalLong.of(githubOwnerId);
    }

    public OptionalLong repoId() {
        return githubRepoId == 0 ? OptionalLong.empty() : OptionalLong.of(githubRepoId);
    }

    public String slug() {
        return githubOwner + "/" + githubRepo;
    }

    public Optional<String> existingOidcProvider() {
        return oidcProviderArn.isEmpty() ? Optional.empty() : Optional.of(oidcProviderArn);
    }
}
