package stacks.core;

import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import stacks.LayerScope;
import stacks.handles.HandleName;
import stacks.handles.HandleRegistry;
import stacks.iam.PolicyDocument;
import stacks.spec.CiSpec;
import stacks.spec.EnvironmentSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The GitHub Actions OIDC provider and the three roles CI assumes through it, one per purpose: the pull-request
 * preview (nothing but who-am-I), the demo window (open, prove and close the demo layer) and the image release (push
 * to one repository). Each trust pins the audience and one subject of one repository. No long-lived keys anywhere,
 * and no CI role can change any role: core and confluent changes, the lanes' roles among them, are applied by a
 * person with admin rights.
 */
final class CiRoles {

    /** GitHub's OIDC issuer certificate thumbprint; IAM no longer checks it for this issuer but the API requires one. */
    static final String GITHUB_THUMBPRINT = "6938fd4d98bab03faadb97b34396831e3780aea1";

    /** A CI role and the policies that give it its rights: what its handle stands for. */
    private record CiRole(String handle, String arn, Role role, List<Resource> grants) {

        List<Resource> resources() {
            List<Resource> all = new ArrayList<>(List.of(role));
            all.addAll(grants);
            return all;
        }
    }

    private final List<CiRole> roles = new ArrayList<>();

    CiRoles(LayerScope scope, CoreNames names, EnvironmentSpec spec) {
        CiSpec ci = spec.ci();
        // IAM holds one provider per URL per account: an account that has GitHub's already names it instead.
        List<Resource> oidc = ci.existingOidcProvider().isPresent() ? List.of()
                : List.of(new OpenIdConnectProvider("github-oidc", OpenIdConnectProviderArgs.builder()
                        .url("https://" + CoreNames.GITHUB_OIDC_HOST)
                        .clientIdLists(List.of(GithubOidcTrust.AUDIENCE))
                        .thumbprintLists(List.of(GITHUB_THUMBPRINT))
                        .build(), scope.aws()));
        roles.add(role(scope, oidc, names, HandleName.ROLE_GHA_PREVIEW, "gha-preview-role", names.previewRoleName(),
                GithubOidcTrust.previewSubjects(ci), CorePolicies.previewPolicy(),
                "pull-request preview: nothing but sts:GetCallerIdentity"));
        CiRole window = role(scope, oidc, names, HandleName.ROLE_GHA_WINDOW, "gha-window-role",
                names.windowRoleName(), GithubOidcTrust.deploySubjects(ci), WindowRolePolicy.demoLayer(names, spec),
                "demo window: open, prove and close the demo layer");
        roles.add(withManagedPolicy(scope, names, window, "gha-window-live", names.prefix() + "-gha-window-live",
                WindowRolePolicy.liveCommands(names, spec), "devmin CI, demo window: the live commands and evidence"));
        roles.add(role(scope, oidc, names, HandleName.ROLE_GHA_IMAGE_RELEASE, "gha-image-release-role",
                names.releaseRoleName(), GithubOidcTrust.releaseSubjects(ci), CorePolicies.imageReleasePolicy(names),
                "image release: push to one ECR repository"));
    }

    /** The trust names the provider by its derived ARN (known at preview) and waits for it to exist. */
    private static CiRole role(LayerScope scope, List<Resource> oidc, CoreNames names, String handle,
                               String logicalName, String roleName, List<String> subjects, PolicyDocument permissions,
                               String purpose) {
        String oidcProviderArn = names.oidcProviderArn();
        Role role = new Role(logicalName, RoleArgs.builder()
                .name(roleName)
                .description("devmin CI, " + purpose)
                .assumeRolePolicy(GithubOidcTrust.trustPolicy(oidcProviderArn, subjects).toJson())
                .maxSessionDuration(3600)
                .build(), scope.aws(oidc));
        RolePolicy policy = new RolePolicy(logicalName + "-policy", RolePolicyArgs.builder()
                .role(role.id())
                .policy(permissions.toJson())
                .build(), scope.aws());
        return new CiRole(handle, names.roleArn(roleName), role, List.of(policy));
    }

    /**
     * A second grant for a role as a customer managed policy, attached: IAM caps a role's inline policies at 10,240
     * characters in all and a managed policy at 6,144 each (IAM User Guide, "IAM and AWS STS quotas"), so a role
     * whose rights do not fit inline carries the rest here. Its ARN is derived from its name, known at preview.
     */
    private static CiRole withManagedPolicy(LayerScope scope, CoreNames names, CiRole role, String logicalName,
                                            String policyName, PolicyDocument permissions, String description) {
        Policy policy = new Policy(logicalName + "-policy", PolicyArgs.builder()
                .name(policyName)
                .description(description)
                .policy(permissions.toJson())
                .build(), scope.aws());
        RolePolicyAttachment attachment = new RolePolicyAttachment(logicalName + "-attachment",
                RolePolicyAttachmentArgs.builder()
                        .role(role.role().id())
                        .policyArn("arn:aws:iam::" + names.accountId() + ":policy/" + policyName)
                        .build(), scope.aws(policy));
        List<Resource> grants = new ArrayList<>(role.grants());
        grants.add(policy);
        grants.add(attachment);
        return new CiRole(role.handle(), role.arn(), role.role(), grants);
    }

    /** Derived ARNs (what each role gets), known at preview so the plan shows CI what to configure. */
    void publish(HandleRegistry handles, String publisher) {
        roles.forEach(r -> handles.publish(r.handle(), publisher, Output.of(r.arn()), r.resources()));
    }
}
