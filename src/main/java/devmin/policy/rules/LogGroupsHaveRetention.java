package devmin.policy.rules;

import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.Violation;

import java.util.List;

/** Every CloudWatch log group expires its events. */
public final class LogGroupsHaveRetention extends AbstractRule implements ResourceRule {

    public LogGroupsHaveRetention() {
        super("DM-COST-004", "log-groups-have-retention", Severity.MEDIUM,
                "Every CloudWatch log group has a retention period.",
                "Set retentionInDays (devmin:logRetentionDays) so logs do not accumulate cost forever.");
    }

    @Override
    public List<Violation> check(ResourceView r) {
        if (!r.is("aws:cloudwatch/logGroup:LogGroup")) {
            return List.of();
        }
        int days = r.property("retentionInDays").map(v -> v.asInt(0)).orElse(0);
        return days > 0 ? List.of()
                : List.of(new Violation(r.urn(), "log group '" + r.name() + "' keeps events forever"));
    }
}
