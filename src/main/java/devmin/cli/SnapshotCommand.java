package devmin.cli;

import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.teardown.TeardownProof;
import devmin.live.teardown.StateInventory;
import devmin.live.teardown.TeardownTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import stacks.spec.EnvironmentSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
            header = "Record what the stack's demo layer holds before the window closes.",
            description = {"Record what the stack's demo layer holds, before 'pulumi destroy --exclude-protected': every "
                + "demo-layer resource of the stack's state (--state, the JSON of 'pulumi stack export') with its URN, "
                + "type, physical id and ARN (never a secret value: a secret id or ARN is recorded as [secret]), each "
                + "read by id so the evidence shows what AWS holds of it; the caller's account; and the listings of "
                + "what costs money (NAT, load balancers, ECS, RDS, EC2). 'devmin verify-teardown --snapshot' proves "
                + "each inventory resource gone by id. Writes "
                + "<out>/<environment>/snapshot/<UTC>/pre_destroy_snapshot.json and .md."},
            footer = {"",
                "Exit codes: 0 recorded; 1 the caller is not the stack's account; 2 no --state (no inventory), a "
                + "listing or read could not run, or bad input (the snapshot is unverified); 64 usage."})
    static final class PreDestroy implements Callable<Integer> {

        /**
         * Every AWS action the snapshot calls (IAM names): the caller's identity, the direct read of each kind the
         * state may hold, and the teardown proof's listings of what costs money.
         */
        public static final Set<String> AWS_ACTIONS = LiveRun.awsActions("sts:GetCallerIdentity",
                "ec2:DescribeNatGateways", "elasticloadbalancing:DescribeLoadBalancers",
                "elasticloadbalancing:DescribeTags", "ecs:ListClusters", "ecs:DescribeClusters", "ecs:ListServices",
                "ecs:DescribeServices", "ecs:ListTasks", "rds:DescribeDBInstances", "rds:DescribeDBClusters",
                "ec2:DescribeInstances", "ec2:DescribeAddresses", "ec2:DescribeVpcEndpoints", "ec2:DescribeVpcs",
                "ec2:DescribeSubnets", "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroups",
                "ec2:DescribeInternetGateways", "ec2:DescribeNetworkInterfaces", "ecs:DescribeTaskDefinition",
                "iam:GetRole", "iam:GetRolePolicy", "servicediscovery:GetNamespace", "servicediscovery:GetService",
                "rds:DescribeDBSubnetGroups", "logs:DescribeLogGroups");

        @Mixin
        LiveOptions options;

        @Option(names = "--state", paramLabel = "FILE", description = "The stack's state: the JSON 'pulumi stack"
                + " export' writes (the close job exports it before the destroy). Without it the snapshot has no"
                + " inventory and is unverified.")
        Path state;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            var err = spec.commandLine().getErr();
            var inputs = LiveRun.inputs(options, 120_000, "snapshot pre-destroy", err);
            if (inputs.isEmpty()) {
                return 2;
            }
            EnvironmentSpec environment = inputs.get().spec();
            Optional<StateInventory> inventory;
            try {
                inventory = state == null ? Optional.empty() : Optional.of(StateInventory.fromExport(
                        StateFiles.readJson(state, "--state"), environment.stack(), environment.awsRegion()));
            } catch (IllegalArgumentException e) {
                err.println("devmin snapshot pre-destroy: " + e.getMessage());
                return 2;
            }
            long deadline = inputs.get().deadlineMillis();
            List<String> regions = options.regions.isEmpty() ? List.of(environment.awsRegion()) : options.regions;
            var clients = LiveRun.clients("snapshot pre-destroy", err);
            if (clients.isEmpty()) {
                return 2;
            }
            try (AwsClients aws = clients.get()) {
                Verdict verdict = TeardownProof.snapshot(aws, TeardownTarget.of(environment), regions, inventory,
                        options.parallelism, deadline, LiveRun.provenance(options, environment));
                return LiveRun.finish(options, environment, aws, verdict, "snapshot", "pre_destroy_snapshot",
                        "Pre-destroy snapshot " + environment.stack(), spec.commandLine().getOut(), err);
            }
        }
    }
}
