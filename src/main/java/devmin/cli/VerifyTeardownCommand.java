package devmin.cli;

import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsFailure;
import devmin.live.aws.ResultMembers;
import devmin.live.teardown.TeardownProof;
import devmin.live.teardown.TeardownTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import stacks.spec.EnvironmentSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code devmin verify-teardown}: the proof of absence after {@code pulumi destroy --exclude-protected}. */
@Command(name = "verify-teardown",
        header = "Prove a closed window left nothing cost-bearing and destroyed nothing persistent.", mixinStandardHelpOptions = true,
        description = {"Prove that the demo window left nothing cost-bearing and destroyed nothing persistent: no NAT",
                "gateway in the region; none of the stack's demo-layer load balancers, ECS clusters/services/tasks,",
                "RDS, EC2 instances, Elastic IPs or interface endpoints; every demo resource the Tagging API still",
                "lists confirmed gone by a direct describe of what its ARN names; the evidence bucket, ECR repository,",
                "SSM handles and the lanes' log groups still present. Uses the default AWS credential chain; honours",
                "AWS_ENDPOINT_URL. Writes",
                "<out>/<environment>/teardown/<UTC>/teardown_proof.json and .md."},
        footer = {"", "Exit codes: 0 proven clean; 1 leftovers or over-destroy found; 2 could not verify (AccessDenied,",
                "throttling past the retries, 5xx, timeout, an answer that is not the operation's result, a repeated",
                "pagination token, a type without a describe, no AWS credentials, a failed --publish, or bad input);",
                "64 usage."})
public final class VerifyTeardownCommand implements Callable<Integer> {

    /**
     * Every AWS action the teardown proof calls, {@code --all-enabled-regions} included (IAM names): the listings,
     * the direct describe of every type the Tagging API may list, and the core that must still be there.
     */
    public static final Set<String> AWS_ACTIONS = LiveRun.awsActions("ec2:DescribeRegions",
            "ec2:DescribeNatGateways", "ec2:DescribeInstances", "ec2:DescribeAddresses", "ec2:DescribeVpcEndpoints",
            "ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeInternetGateways",
            "ec2:DescribeRouteTables", "ec2:DescribeNetworkInterfaces", "elasticloadbalancing:DescribeLoadBalancers",
            "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeTargetGroups", "ecs:ListClusters",
            "ecs:DescribeClusters", "ecs:ListServices", "ecs:DescribeServices", "ecs:ListTasks", "ecs:DescribeTasks",
            "ecs:DescribeTaskDefinition", "rds:DescribeDBInstances", "rds:DescribeDBClusters",
            "rds:DescribeDBSubnetGroups", "logs:DescribeLogGroups", "iam:GetRole", "tag:GetResources",
            "s3:ListBucket", "ecr:DescribeRepositories", "ssm:DescribeParameters", "servicediscovery:GetNamespace",
            "servicediscovery:GetService");

    @Mixin
    LiveOptions options;

    @Option(names = "--all-enabled-regions", description = "Check every region enabled for the account.")
    boolean allEnabledRegions;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        var inputs = LiveRun.inputs(options, 120_000, "verify-teardown", err);
        if (inputs.isEmpty()) {
            return 2;
        }
        EnvironmentSpec environment = inputs.get().spec();
        long deadline = inputs.get().deadlineMillis();
        var provenance = LiveRun.provenance(options, environment);
        var clients = LiveRun.clients("verify-teardown", err);
        if (clients.isEmpty()) {
            return 2;
        }
        try (AwsClients aws = clients.get()) {
            List<String> regions = regions(aws, environment, err);
            if (regions.isEmpty()) {
                return 2;
            }
            Verdict verdict = TeardownProof.prove(aws, TeardownTarget.of(environment), regions, options.parallelism,
                    deadline, provenance);
            return LiveRun.finish(options, environment, aws, verdict, "teardown", "teardown_proof",
                    "Teardown proof " + environment.stack(), out, err);
        }
    }

    private List<String> regions(AwsClients aws, EnvironmentSpec environment, java.io.PrintWriter err) {
        List<String> regions = new ArrayList<>(options.regions);
        if (allEnabledRegions) {
            try {
                var answer = aws.ec2(environment.awsRegion()).describeRegions(b -> b.allRegions(false));
                var problem = ResultMembers.problem(answer);
                if (problem.isPresent() || answer.regions().isEmpty()) {
                    err.println("devmin verify-teardown: cannot list enabled regions: ec2:DescribeRegions: "
                            + problem.orElse("the answer lists no region"));
                    return List.of();
                }
                answer.regions().forEach(r -> regions.add(r.regionName()));
            } catch (software.amazon.awssdk.core.exception.SdkException e) {
                err.println("devmin verify-teardown: cannot list enabled regions: " + AwsFailure.describe(e));
                return List.of();
            }
        }
        if (regions.isEmpty()) {
            regions.add(environment.awsRegion());
        }
        return regions.stream().distinct().toList();
    }
}
