package devmin.policy.rules;

import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.Violation;

import java.util.ArrayList;
import java.util.List;

/** ECR repositories have immutable tags and scan images on push. */
public final class EcrRepositoriesImmutableAndScanned extends AbstractRule implements ResourceRule {

    public EcrRepositoriesImmutableAndScanned() {
        super("DM-SUPPLY-002", "ecr-immutable-and-scanned", Severity.HIGH,
                "Every ECR repository has IMMUTABLE tags and scan on push.",
                "Set imageTagMutability = IMMUTABLE and imageScanningConfiguration.scanOnPush = true.");
    }

    @Override
    public List<Violation> check(ResourceView r) {
        if (!r.is("aws:ecr/repository:Repository")) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>();
        String mutability = r.text("imageTagMutability").orElse("MUTABLE");
        if (!mutability.startsWith("IMMUTABLE")) {
            out.add(new Violation(r.urn(), "repository '" + r.name() + "' has " + mutability + " tags"));
        }
        boolean scan = r.property("imageScanningConfiguration").map(RuleSupport::object)
                .map(c -> RuleSupport.isTrue(c.get("scanOnPush"))).orElse(false);
        if (!scan) {
            out.add(new Violation(r.urn(), "repository '" + r.name() + "' does not scan on push"));
        }
        return out;
    }
}
