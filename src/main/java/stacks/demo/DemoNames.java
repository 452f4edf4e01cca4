package stacks.demo;

import stacks.iam.Arns;
import stacks.spec.EnvironmentSpec;

/** Physical names and ARNs of the demo layer, as a pure function of the spec. */
public record DemoNames(String prefix, String environment, String region, String accountId) {

    public static DemoNames of(EnvironmentSpec spec) {
        return new DemoNames("devmin-" + spec.environment().replace('_', '-'), spec.environment(), spec.awsRegion(),
                spec.awsAccountId());
    }

    public String clusterName() {
        return prefix;
    }

    public String executionRoleName() {
        return prefix + "-ecs-execution";
    }

    /** A role's ARN derived from its name, so task definitions name their roles already at preview. */
    public String roleArn(String roleName) {
        return Arns.role(accountId, roleName);
    }

    public String laneRoleName(String lane) {
        return prefix + "-lane-" + lane;
    }

    public String taskFamily(String lane) {
        return prefix + "-" + lane;
    }

    public String clusterArn() {
        return "arn:aws:ecs:" + region + ":" + accountId + ":cluster/" + clusterName();
    }

    /** Every revision of a lane's task definition. */
    public String taskDefinitionArns(String lane) {
        return "arn:aws:ecs:" + region + ":" + accountId + ":task-definition/" + taskFamily(lane) + ":*";
    }

    /** Every task of the demo cluster (long ARN form, which names the cluster). */
    public String clusterTaskArns() {
        return "arn:aws:ecs:" + region + ":" + accountId + ":task/" + clusterName() + "/*";
    }

    /** The Cloud Map private DNS namespace of the demo VPC ({@code .internal} is reserved for private use). */
    public String discoveryDomain() {
        return prefix + ".internal";
    }

    /** Where an ingress lane answers other lanes: {@code ig.devmin-dev-min.internal:8080}. */
    public String laneAddress(String lane, int port) {
        return lane + "." + discoveryDomain() + ":" + port;
    }

    public String logGroupName(String lane) {
        return "/devmin/" + environment + "/" + lane;
    }

    public String logGroupArn(String lane) {
        return "arn:aws:logs:" + region + ":" + accountId + ":log-group:" + logGroupName(lane);
    }

    /** Every log stream of the lanes' log groups: what reading a task's log tail needs. */
    public java.util.List<String> logStreamArns(java.util.List<String> lanes) {
        return lanes.stream().map(lane -> logGroupArn(lane) + ":log-stream:*").toList();
    }
}
