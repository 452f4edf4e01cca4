package devmin.policy.rules;

import devmin.policy.Enforcement;
import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.Violation;
import devmin.policy.kinds.ResourceKinds;
import devmin.policy.kinds.TypeToken;

import java.util.List;

/**
 * A resource of an AWS provider module where IAM grants and compute live (iam, ec2, ecs, autoscaling, rds, eks, load
 * balancing; every awsx component) whose type the resource-kind table does not know is reported, not silently
 * ignored: no rule can judge it. Advisory by default.
 */
public final class AwsTypesAreKnown extends AbstractRule implements ResourceRule {

    public AwsTypesAreKnown() {
        super("DM-KIND-001", "aws-types-are-known", Severity.MEDIUM,
                "Every AWS resource whose type could grant IAM permissions or run compute is a type devmin's"
                        + " resource-kind table knows.",
                "Classify the type in src/main/resources/devmin/policy/kinds/resource-kinds.json (from the provider's"
                        + " own type list) so the rules can judge it, or use a type devmin knows.");
    }

    @Override
    public Enforcement defaultEnforcement() {
        return Enforcement.ADVISORY;
    }

    @Override
    public List<Violation> check(ResourceView r) {
        ResourceKinds kinds = ResourceKinds.table();
        if (!kinds.isUnrecognised(r.type())) {
            return List.of();
        }
        String provider = TypeToken.provider(r.type());
        return List.of(new Violation(r.urn(), "'" + r.name() + "' has type " + r.type() + ", which devmin's"
                + " resource-kind table (checked against " + kinds.checkedAgainst(provider) + ") does not know; it"
                + " may grant IAM permissions or run compute, and no rule judges it"));
    }
}
