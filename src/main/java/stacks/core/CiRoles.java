package stacks.core;

import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import stacks.LayerScope;
import stacks.handles.HandleName;
import stacks.handles.HandleRegistry;
import stacks.iam.PolicyDocument;
import stacks.spec.CiSpec;
import stacks.spec.EnvironmentSpec;

import java.util.List;

/**
 * The GitHub Actions OIDC provider and the three roles CI assumes through it: no long-lived keys anywhere.
 * Each role's trust pins the audience and one subject of one repository.
 */
final class CiRoles {

    /** GitHub's OIDC issuer certificate thumbprint; IAM no longer checks it for this issuer but the API requires one. */
    static final String GITHUB_THUMBPRINT = "6938fd4d98bab03faadb97b34396831e3780aea1";

    private final CoreNames names;

    CiRoles(LayerScope scope, CoreNames names, EnvironmentSpec spec) {
        var oidc = new OpenIdConnectProvider("github-oidc", OpenIdConnectProviderArgs.builder()
                .url("https://" + CoreNames.GITHUB_OIDC_HOST)
                .clientIdLists(List.of(GithubOidcTrust.AUDIENCE))
                .thumbprintLists(List.of(GITHUB_THUMBPRINT))
                .build(), scope.aws());
        CiSpec ci = spec.ci();
        this.names = names;
        role(scope, oidc, names.oidcProviderArn(), "gha-preview-role", names.previewRoleName(),
                GithubOidcTrust.pullRequestSubject(ci), CorePolicies.previewPolicy(names, spec.environment()),
                "pull-request preview: read only");
        role(scope, oidc, names.oidcProviderArn(), "gha-deploy-role", names.deployRoleName(),
                GithubOidcTrust.deploySubject(ci), CorePolicies.deployPolicy(names, spec.environment()),
                "demo window open/close");
        role(scope, oidc, names.oidcProviderArn(), "gha-image-release-role", names.releaseRoleName(),
                GithubOidcTrust.releaseSubject(ci), CorePolicies.imageReleasePolicy(names),
                "image release: push to one ECR repository");
    }

    /** The trust names the provider by its derived ARN (known at preview) and waits for it to exist. */
    private static Role role(LayerScope scope, OpenIdConnectProvider oidc, String oidcProviderArn,
                             String logicalName, String roleName, String subject, PolicyDocument permissions,
                             String purpose) {
        Role role = new Role(logicalName, RoleArgs.builder()
                .name(roleName)
                .description("devmin CI, " + purpose)
                .assumeRolePolicy(GithubOidcTrust.trustPolicy(oidcProviderArn, subject).toJson())
                .maxSessionDuration(3600)
                .build(), scope.aws(oidc));
        new RolePolicy(logicalName + "-policy", RolePolicyArgs.builder()
                .role(role.id())
                .policy(permissions.toJson())
                .build(), scope.aws());
        return role;
    }

    /** Derived ARNs (what each role gets), known at preview so the plan shows CI what to configure. */
    void publish(HandleRegistry handles, String publisher) {
        handles.publish(HandleName.ROLE_GHA_PREVIEW, publisher, names.roleArn(names.previewRoleName()));
        handles.publish(HandleName.ROLE_GHA_DEPLOY, publisher, names.roleArn(names.deployRoleName()));
        handles.publish(HandleName.ROLE_GHA_IMAGE_RELEASE, publisher, names.roleArn(names.releaseRoleName()));
    }

}
