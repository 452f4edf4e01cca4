package devmin.policy.rules;

import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.Violation;

import java.util.ArrayList;
import java.util.List;

/** Kafka ACLs name literal topics (groups may be prefixed), never {@code *}, never ALL, never the cluster. */
public final class KafkaAclsAreNarrow extends AbstractRule implements ResourceRule {

    public KafkaAclsAreNarrow() {
        super("DM-KAFKA-001", "kafka-acls-are-narrow", Severity.HIGH,
                "A Kafka ACL grants one operation on one literal topic or a lane-prefixed group; never *, ALL or the"
                        + " cluster resource.",
                "Declare lanes' produces/consumes in the spec; AclPlan derives exactly the ACLs they imply.");
    }

    @Override
    public List<Violation> check(ResourceView r) {
        if (!r.is("confluentcloud:index/kafkaAcl:KafkaAcl")) {
            return List.of();
        }
        List<Violation> out = new ArrayList<>();
        String type = r.text("resourceType").orElse("");
        String name = r.text("resourceName").orElse("");
        String what = "ACL '" + r.name() + "'";
        if (name.contains("*")) {
            out.add(new Violation(r.urn(), what + " names '" + name + "'"));
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
