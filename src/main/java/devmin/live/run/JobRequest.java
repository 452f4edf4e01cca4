package devmin.live.run;

import stacks.spec.LaneSpec;

import java.time.Duration;
import java.util.List;

/**
 * One run of a job lane.
 *
 * @param lane           the job lane
 * @param taskDefinition its task definition ARN with revision, from the stack outputs
 * @param clusterArn     the demo cluster
 * @param subnets        public subnets the task starts in (it gets a public IP: there is no NAT)
 * @param securityGroup  the lanes' security group
 * @param command        arguments replacing the lane's command, empty for the declared one
 * @param pollInterval   time between two looks at the task
 * @param logLines       how many of the last log lines to show
 */
public record JobRequest(LaneSpec lane, String taskDefinition, String clusterArn, List<String> subnets,
                         String securityGroup, List<String> command, Duration pollInterval, int logLines) {

    public JobRequest {
        subnets = List.copyOf(subnets);
        command = List.copyOf(command);
    }
}
