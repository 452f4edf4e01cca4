package stacks.confluent;

import java.util.Locale;

/**
 * One ACL one principal needs: a literal topic or the principal's consumer-group prefix, one operation, ALLOW.
 *
 * @param principal the lane (or the preflight probe) whose own service account the ACL is for
 */
public record AclGrant(String principal, String resourceType, String resourceName, String patternType,
                       String operation) {

    /** A stable logical name, e.g. {@code acl-ig-topic-ingress.traffic.v1-write}. */
    public String logicalName() {
        return ("acl-" + principal + "-" + resourceType + "-" + resourceName + "-" + operation)
                .toLowerCase(Locale.ROOT);
    }
}
