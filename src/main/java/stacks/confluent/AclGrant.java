package stacks.confluent;

import java.util.Locale;

/**
 * One ACL the runtime principal needs because of one lane: a literal topic or a lane-prefixed consumer group, one
 * operation, ALLOW.
 */
public record AclGrant(String lane, String resourceType, String resourceName, String patternType, String operation) {

    /** The same grant with the lane dropped: what is declared once for the shared runtime principal. */
    public AclGrant shared() {
        return new AclGrant("", resourceType, resourceName, patternType, operation);
    }

    /** A stable logical name, e.g. {@code acl-topic-ingress.traffic.v1-write}. */
    public String logicalName() {
        return ("acl-" + resourceType + "-" + resourceName + "-" + operation).toLowerCase(Locale.ROOT);
    }
}
