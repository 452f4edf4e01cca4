package devmin.policy.rules;

import devmin.graph.WireValues;
import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * Kafka ALLOW ACLs name one principal and literal topics (groups may be prefixed): never {@code *} as a resource or
 * principal ({@code User:*} is every user), never ALL, never the cluster. DENY ACLs only narrow and are not judged.
 * A principal that cannot be read (a secret, or unknown and from no service account of this stack) is a violation:
 * the rule cannot say whom the ACL grants to.
 */
public final class KafkaAclsAreNarrow extends AbstractRule implements ResourceRule {

    public KafkaAclsAreNarrow() {
        super("DM-KAFKA-001", "kafka-acls-are-narrow", Severity.HIGH,
                "A Kafka ACL grants one principal one operation on one literal topic or a lane-prefixed group; never *,"
                        + " User:*, ALL or the cluster resource.",
                "Declare lanes' produces/consumes in the spec; AclPlan derives exactly the ACLs they imply.");
    }

    @Override
    public List<Violation> check(ResourceView r) {
        if (!r.is("confluentcloud:index/kafkaAcl:KafkaAcl") || "DENY".equals(r.text("permission").orElse(""))) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>();
        String type = r.text("resourceType").orElse("");
        String name = r.text("resourceName").orElse("");
        String principal = r.text("principal").orElse("");
        String what = "ACL '" + r.name() + "'";
        if (name.contains("*")) {
            out.add(new Violation(r.urn(), what + " names '" + name + "'"));
        }
        if (principal.isEmpty()) {
            out.add(new Violation(r.urn(), what + " names no principal, so whom it grants to cannot be verified"));
        } else if (principal.equals("*") || principal.endsWith(":*")) {
            out.add(new Violation(r.urn(), what + " grants to principal '" + principal + "', which is any principal"));
        } else if (principal.equals(WireValues.SECRET)) {
            out.add(new Violation(r.urn(), what + " grants to a principal held as a secret, so whom it grants to"
                    + " cannot be verified"));
        } else if (principal.equals(WireValues.UNKNOWN) && r.relationsKnown()
                && r.dependenciesOf("principal").isEmpty()) {
            out.add(new Violation(r.urn(), what + " grants to a principal that cannot be verified (unknown until the"
                    + " update runs, and from no service account of this stack)"));
        }
        if ("ALL".equals(r.text("operation").orElse(""))) {
            out.add(new Violation(r.urn(), what + " grants operation ALL"));
        }
        if ("CLUSTER".equals(type)) {
            out.add(new Violation(r.urn(), what + " grants on the cluster resource"));
        }
        if ("TOPIC".equals(type) && !"LITERAL".equals(r.text("patternType").orElse(""))) {
            out.add(new Violation(r.urn(), what + " matches topics by " + r.text("patternType").orElse("?")
                    + ", not LITERAL"));
        }
        return out;
    }
}
