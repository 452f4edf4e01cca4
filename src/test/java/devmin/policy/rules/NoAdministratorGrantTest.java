package devmin.policy.rules;

import devmin.policy.ResourceView;
import devmin.policy.StackView;
import devmin.policy.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static devmin.policy.Views.*;
import static devmin.policy.rules.IamRuleCases.ROLE;
import static devmin.policy.rules.IamRuleCases.rolePolicy;
import static org.assertj.core.api.Assertions.assertThat;

/** Each administrator grant is reported once: on the policy that grants it, or on the principal when none alone does. */
class NoAdministratorGrantTest {

    static List<Violation> check(ResourceView... stack) {
        return new NoAdministratorGrant().check(new StackView(List.of(stack)));
    }

    @Test
    void aRoleWhoseOnePolicyIsAdministratorIsReportedOnThatPolicyOnly() {
        ResourceView ci = core(ROLE, "ci", props("name", "ci", "managedPolicyArns",
                tree("['arn:aws:iam::aws:policy/AdministratorAccess']")));

        assertThat(check(ci)).singleElement().satisfies(v -> assertThat(v.message())
                .contains("AWS-managed policy arn:aws:iam::aws:policy/AdministratorAccess attached to role 'ci'"));
    }

    @Test
    void aRoleWithAPolicyThatCannotBeReadIsReportedForThatPolicyOnly() {
        ResourceView ci = core(ROLE, "ci", props("name", "ci"));

        assertThat(check(ci, rolePolicy("a", ci, "[{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}]"),
                rolePolicy("c", ci, "[{'Effect':'Allow','Action':'iam:*','Resource':'*','Condition':"
                        + "{'StringEquals':{'aws:RequestedRegion':'eu-west-2'}}}]"),
                from(core("aws:iam/rolePolicy:RolePolicy", "b", props("role", "[unknown]", "policy", "[unknown]")),
                        "role", ci)))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("cannot be verified"));
    }

    @Test
    void halvesInTwoPoliciesAreReportedOnTheRole() {
        ResourceView ci = core(ROLE, "ci", props("name", "ci"));

        assertThat(check(ci, rolePolicy("a", ci, "[{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}]"),
                rolePolicy("b", ci, "[{'Effect':'Allow','Action':'iam:*','Resource':'*','Condition':"
                        + "{'StringEquals':{'aws:RequestedRegion':'eu-west-2'}}}]")))
                .singleElement().satisfies(v -> assertThat(v.urn()).endsWith("::ci"));
    }
}
