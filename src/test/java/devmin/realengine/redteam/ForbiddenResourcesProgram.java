package devmin.realengine.redteam;

import com.pulumi.Pulumi;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.resources.CustomResourceOptions;

/**
 * A tiny Pulumi program, not devmin's, that declares what the policy pack must block: a NAT gateway, a load balancer
 * and an ECS execution role allowed {@code ssm:GetParameter}. It has no in-program guard, so only the policy pack,
 * loaded by the real Pulumi CLI, stands between it and a deployment.
 */
public final class ForbiddenResourcesProgram {

    /** The stub AWS provider's account when the provider is not configured. */
    static final String ACCOUNT = "000000000000";

    private ForbiddenResourcesProgram() {
    }

    public static void main(String[] args) {
        Pulumi.run(ctx -> {
            var ip = new Eip("nat-ip", EipArgs.builder().domain("vpc").build());
            new NatGateway("nat", NatGatewayArgs.builder()
                    .subnetId("subnet-0123456789abcdef0")
                    .allocationId(ip.id())
                    .build());
            new LoadBalancer("alb", LoadBalancerArgs.builder()
                    .name("forbidden-alb")
                    .loadBalancerType("application")
                    .subnets("subnet-0123456789abcdef0", "subnet-0fedcba987654321f")
                    .build());
            var execution = new Role("execution-role", RoleArgs.builder()
                    .name("forbidden-execution")
                    .assumeRolePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}")
                    .build());
            new RolePolicy("execution-reads-ssm", RolePolicyArgs.builder()
                    .role(execution.id())
                    .policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":\"ssm:GetParameter\",\"Resource\":\"*\"}]}")
                    .build());
            new TaskDefinition("task", TaskDefinitionArgs.builder()
                    .family("forbidden")
                    .networkMode("awsvpc")
                    .requiresCompatibilities("FARGATE")
                    .cpu("256")
                    .memory("512")
                    .executionRoleArn("arn:aws:iam::" + ACCOUNT + ":role/forbidden-execution")
                    .containerDefinitions("[{\"name\":\"app\",\"image\":\"public.ecr.aws/docker/library/busybox"
                            + "@sha256:" + "0".repeat(64) + "\",\"essential\":true}]")
                    .build(), CustomResourceOptions.builder().dependsOn(execution).build());
        });
    }
}
