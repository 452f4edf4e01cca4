package devmin.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.Violation;
import devmin.policy.iam.IamStatement;
import devmin.policy.iam.PolicyStatements;

import java.util.ArrayList;
import java.util.List;

/** No IAM document anywhere allows {@code Action:*} on {@code Resource:*}, and nothing attaches AdministratorAccess. */
public final class NoAdministratorGrant extends AbstractRule implements ResourceRule {

    static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";

    public NoAdministratorGrant() {
        super("DM-IAM-003", "no-action-star-on-resource-star", Severity.CRITICAL,
                "No IAM policy allows every action on every resource.",
                "Name the actions and resources the principal needs; CI roles are scoped in CorePolicies.");
    }

    @Override
    public boolean waivable() {
        return false;
    }

    @Override
    public List<Violation> check(ResourceView r) {
        List<Violation> out = new ArrayList<>();
        List<JsonNode> documents = new ArrayList<>();
        if (r.is("aws:iam/rolePolicy:RolePolicy", "aws:iam/policy:Policy", "aws:iam/userPolicy:UserPolicy",
                "aws:iam/groupPolicy:GroupPolicy")) {
            r.property("policy").ifPresent(documents::add);
        }
        if (r.is("aws:iam/role:Role")) {
            r.property("inlinePolicies").ifPresent(list -> list.forEach(p -> documents.add(p.get("policy"))));
            r.property("managedPolicyArns").ifPresent(arns -> arns.forEach(arn -> {
                if (ADMINISTRATOR_ACCESS.equals(arn.asText())) {
                    out.add(new Violation(r.urn(), "role '" + r.name() + "' attaches AdministratorAccess"));
                }
            }));
        }
        if (r.is("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws:iam/policyAttachment:PolicyAttachment",
                "aws:iam/userPolicyAttachment:UserPolicyAttachment", "aws:iam/groupPolicyAttachment:GroupPolicyAttachment")
                && r.text("policyArn").map(ADMINISTRATOR_ACCESS::equals).orElse(false)) {
            out.add(new Violation(r.urn(), "'" + r.name() + "' attaches AdministratorAccess"));
        }
        for (JsonNode document : documents) {
            for (IamStatement s : PolicyStatements.parse(document)) {
                if (s.grantsEverythingOnEverything()) {
                    out.add(new Violation(r.urn(), "'" + r.name() + "' allows every action on every resource"));
                }
            }
        }
        return out;
    }
}
