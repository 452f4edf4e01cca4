package devmin.cli;

import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.teardown.TeardownProof;
import devmin.live.teardown.TeardownTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import stacks.spec.EnvironmentSpec;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code devmin snapshot pre-destroy}: what the demo layer holds before the window closes. */
@Command(name = "snapshot",
        header = "Record what the demo layer holds, as evidence.", mixinStandardHelpOptions = true,
        description = "Record what the stack holds, as evidence.",
        subcommands = {SnapshotCommand.PreDestroy.class})
public final class SnapshotCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a snapshot kind is required (try 'devmin snapshot pre-destroy')");
    }

    @Command(name = "pre-destroy", mixinStandardHelpOptions = true,
            header = "List what the stack's demo layer holds before the window closes.",
            description = {"List what the stack's demo layer holds (by the devmin tags), before 'pulumi destroy",
                    "--exclude-protected'. Writes <out>/<environment>/snapshot/<UTC>/pre_destroy_snapshot.json and .md."},
            footer = {"", "Exit codes: 0 listed; 2 a listing could not run (the snapshot is unverified); 64 usage."})
    static final class PreDestroy implements Callable<Integer> {

        /** Every AWS action the snapshot calls: the teardown proof's listings of what costs money (IAM names). */
        public static final Set<String> AWS_ACTIONS = LiveRun.awsActions("ec2:DescribeNatGateways",
                "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeTags", "ecs:ListClusters",
                "ecs:DescribeClusters", "ecs:ListServices", "ecs:DescribeServices", "ecs:ListTasks",
                "rds:DescribeDBInstances", "rds:DescribeDBClusters", "ec2:DescribeInstances", "ec2:DescribeAddresses",
                "ec2:DescribeVpcEndpoints");

        @Mixin
        LiveOptions options;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            var inputs = LiveRun.inputs(options, 120_000, "snapshot pre-destroy", spec.commandLine().getErr());
            if (inputs.isEmpty()) {
                return 2;
            }
            EnvironmentSpec environment = inputs.get().spec();
            long deadline = inputs.get().deadlineMillis();
            List<String> regions = options.regions.isEmpty() ? List.of(environment.awsRegion()) : options.regions;
            var clients = LiveRun.clients("snapshot pre-destroy", spec.commandLine().getErr());
            if (clients.isEmpty()) {
                return 2;
            }
            try (AwsClients aws = clients.get()) {
                Verdict verdict = TeardownProof.snapshot(aws, TeardownTarget.of(environment), regions,
                        options.parallelism, deadline, LiveRun.provenance(options, environment));
                return LiveRun.finish(options, environment, aws, verdict, "snapshot", "pre_destroy_snapshot",
                        "Pre-destroy snapshot " + environment.stack(), spec.commandLine().getOut(),
                        spec.commandLine().getErr());
            }
        }
    }
}
