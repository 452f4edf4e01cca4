package devmin.live;

import java.time.Instant;

import static devmin.testing.WindowFixtures.CLUSTER;
import static devmin.testing.WindowFixtures.ECS;

/** ECS answers as the ECS API reference shapes them (timestamps in epoch seconds), for the window tests. */
public final class WindowEcs {

    private WindowEcs() {
    }

    public static String service(String name, int desired, int running, String... deployments) {
        return "{\"serviceName\":\"" + name + "\",\"serviceArn\":\"" + ECS + "service/devmin-dev-min/" + name + "\","
                + "\"clusterArn\":\"" + CLUSTER + "\",\"status\":\"ACTIVE\",\"desiredCount\":" + desired
                + ",\"runningCount\":" + running + ",\"pendingCount\":0,\"deployments\":["
                + String.join(",", deployments) + "]}";
    }

    public static String deployment(String id, String status, String taskDefinition, String rollout, String reason) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"taskDefinition\":\"" + taskDefinition + "\","
                + "\"desiredCount\":1,\"runningCount\":1,\"rolloutState\":\"" + rollout + "\""
                + (reason.isEmpty() ? "" : ",\"rolloutStateReason\":\"" + reason + "\"") + "}";
    }

    public static String tasks(String... tasks) {
        return "{\"tasks\":[" + String.join(",", tasks) + "],\"failures\":[]}";
    }

    public static String running(String arn, String lane, String taskDefinition, String startedBy, Instant started,
                                 String digest) {
        return "{\"taskArn\":\"" + arn + "\",\"clusterArn\":\"" + CLUSTER + "\",\"taskDefinitionArn\":\""
                + taskDefinition + "\",\"group\":\"service:" + lane + "\",\"startedBy\":\"" + startedBy + "\","
                + "\"lastStatus\":\"RUNNING\",\"desiredStatus\":\"RUNNING\",\"startedAt\":" + started.getEpochSecond()
                + ",\"containers\":[{\"name\":\"" + lane + "\",\"lastStatus\":\"RUNNING\""
                + (digest.isEmpty() ? "" : ",\"imageDigest\":\"" + digest + "\"") + "}]}";
    }

    /**
     * @param exitCode negative for a container that never exited (it did not start)
     */
    public static String stopped(String arn, String group, String container, String taskDefinition, String startedBy,
                                 Instant stopped, int exitCode, String stopCode, String stoppedReason,
                                 String containerReason, String digest) {
        return "{\"taskArn\":\"" + arn + "\",\"clusterArn\":\"" + CLUSTER + "\",\"taskDefinitionArn\":\""
                + taskDefinition + "\",\"group\":\"" + group + "\",\"startedBy\":\"" + startedBy + "\","
                + "\"lastStatus\":\"STOPPED\",\"desiredStatus\":\"STOPPED\",\"stopCode\":\"" + stopCode + "\","
                + "\"stoppedReason\":\"" + stoppedReason + "\",\"startedAt\":" + (stopped.getEpochSecond() - 30)
                + ",\"stoppedAt\":" + stopped.getEpochSecond() + ",\"containers\":[{\"name\":\"" + container + "\","
                + "\"lastStatus\":\"STOPPED\"" + (exitCode >= 0 ? ",\"exitCode\":" + exitCode : "")
                + (containerReason.isEmpty() ? "" : ",\"reason\":\"" + containerReason + "\"")
                + (digest.isEmpty() || exitCode < 0 ? "" : ",\"imageDigest\":\"" + digest + "\"") + "}]}";
    }

    public static String taskDefinition(String lane, String image) {
        String family = "devmin-dev-min-" + lane;
        return "{\"taskDefinition\":{\"taskDefinitionArn\":\"" + devmin.testing.WindowFixtures.taskDefinition(lane)
                + "\",\"family\":\"" + family + "\",\"status\":\"ACTIVE\",\"containerDefinitions\":[{\"name\":\""
                + lane + "\",\"image\":\"" + image + "\",\"essential\":true,\"logConfiguration\":{\"logDriver\":"
                + "\"awslogs\",\"options\":{\"awslogs-group\":\"/devmin/dev_min/" + lane + "\",\"awslogs-region\":"
                + "\"eu-west-2\",\"awslogs-stream-prefix\":\"" + lane + "\"}}}]}}";
    }
}
