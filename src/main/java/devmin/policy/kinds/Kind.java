package devmin.policy.kinds;

import java.util.Arrays;
import java.util.Optional;

/** What a resource type is, as far as the rule pack cares; the names are those of {@code resource-kinds.json}. */
public enum Kind {
    /** A NAT gateway, whichever provider declares it. */
    NAT_GATEWAY("nat-gateway"),
    /** A VPC component that creates NAT gateways unless told not to (awsx). */
    NAT_CAPABLE_VPC("nat-capable-vpc"),
    /** A single route: every target field is read. */
    ROUTE("route"),
    /** A route table carrying its routes inline. */
    ROUTE_TABLE("route-table"),
    LOAD_BALANCER("load-balancer"),
    /** Listeners, target groups, attachments and policies: evidence that a load balancer exists or is intended. */
    LOAD_BALANCER_PART("load-balancer-part"),
    /** EC2 capacity in any form: instances, spot requests and fleets, auto scaling groups, launch templates. */
    EC2_COMPUTE("ec2-compute"),
    /** Compute that runs until destroyed: ECS services, RDS, EKS control planes. */
    ALWAYS_ON("always-on"),
    /** Anything carrying ECS container definitions and the roles that run them. */
    TASK_DEFINITION("task-definition"),
    /** An IAM role, user or group (which one is in the shape's {@code principal}). */
    IAM_PRINCIPAL("iam-principal"),
    /** A policy document embedded in one principal as its own resource (RolePolicy and friends). */
    IAM_INLINE_POLICY("iam-inline-policy"),
    /** Attaches managed policies by ARN to principals, in any of the providers' forms. */
    IAM_ATTACHMENT("iam-attachment"),
    /** A customer managed policy (aws-native's may attach itself to principals). */
    IAM_MANAGED_POLICY("iam-managed-policy");

    private final String wireName;

    Kind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    static Optional<Kind> parse(String wireName) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(wireName)).findFirst();
    }
}
