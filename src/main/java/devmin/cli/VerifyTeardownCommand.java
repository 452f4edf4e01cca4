package devmin.cli;

import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsFailure;
import devmin.evidence.ResultMembers;
import devmin.certify.BucketEvidence;
import devmin.certify.VerdictKind;
import devmin.live.CallLog;
import devmin.live.teardown.ProofInventory;
import devmin.live.teardown.TeardownProof;
import devmin.live.teardown.TeardownTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import stacks.core.CoreNames;
import stacks.spec.EnvironmentSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code devmin verify-teardown}: the proof of absence after {@code pulumi destroy --exclude-protected}. */
@Command(name = "verify-teardown",
        header = "Prove a closed window left nothing behind and destroyed nothing persistent.", mixinStandardHelpOptions = true,
        description = {"Prove that the demo window left nothing behind and destroyed nothing persistent. The caller must be "
                + "the stack's account (STS), else the proof is a blocker naming both. Every resource of the "
                + "pre-destroy snapshot's inventory (--snapshot FILE, else the newest snapshot of the stack in the "
                + "evidence bucket) is read directly by its id and must be gone; a kind without a direct read is "
                + "unverified, never a pass; a leftover VPC or subnet names what it still holds (subnets, security "
                + "groups, network interfaces). Without an inventory the verdict says so: the proof is weaker and rests "
                + "on the sweeps. Then strays are swept: no NAT gateway in the region; none of the stack's demo-layer "
                + "load balancers, ECS clusters/services/tasks, RDS, EC2 instances, Elastic IPs or interface endpoints; "
                + "every demo resource the Tagging API still lists confirmed gone by a direct describe; by name, what "
                + "the Tagging API does not list: IAM roles named <prefix>-* that the state's persistent layers do not "
                + "hold (without an inventory: those carrying the demo tags), and the demo layer's Cloud Map namespace. "
                + "Finally the evidence bucket, ECR repository, SSM handles, the lanes' log groups and (with an "
                + "inventory) the persistent layers' roles must still be present. Uses the default AWS credential "
                + "chain; honours AWS_ENDPOINT_URL. Writes <out>/<environment>/teardown/<UTC>/teardown_proof.json and "
                + ".md."},
        footer = {"",
                "Exit codes: 0 proven clean; 1 leftovers, over-destroy or the wrong account found; 2 could not verify "
                + "(AccessDenied, throttling past the retries, 5xx, timeout, an answer that is not the operation's "
                + "result, a repeated pagination token, a kind without a direct read, a snapshot in the bucket that "
                + "cannot be used, no AWS credentials, a failed --publish, or bad input); 64 usage."})
public final class VerifyTeardownCommand implements Callable<Integer> {

    /**
     * Every AWS action the teardown proof calls, {@code --all-enabled-regions} included (IAM names): the caller's
     * identity, the newest snapshot in the bucket, the direct read of every kind an inventory or the Tagging API may
     * name, the listings and name sweeps, and the core that must still be there.
     */
    public static final Set<String> AWS_ACTIONS = LiveRun.awsActions("sts:GetCallerIdentity", "ec2:DescribeRegions",
            "ec2:DescribeNatGateways", "ec2:DescribeInstances", "ec2:DescribeAddresses", "ec2:DescribeVpcEndpoints",
            "ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeInternetGateways",
            "ec2:DescribeRouteTables", "ec2:DescribeNetworkInterfaces", "elasticloadbalancing:DescribeLoadBalancers",
            "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeTargetGroups", "ecs:ListClusters",
            "ecs:DescribeClusters", "ecs:ListServices", "ecs:DescribeServices", "ecs:ListTasks", "ecs:DescribeTasks",
            "ecs:DescribeTaskDefinition", "rds:DescribeDBInstances", "rds:DescribeDBClusters",
            "rds:DescribeDBSubnetGroups", "logs:DescribeLogGroups", "iam:GetRole", "iam:GetRolePolicy",
            "iam:ListRoles", "iam:ListRoleTags", "tag:GetResources", "s3:ListBucket", "s3:GetObject",
            "ecr:DescribeRepositories", "ssm:DescribeParameters", "servicediscovery:GetNamespace",
            "servicediscovery:GetService", "servicediscovery:ListNamespaces");

    @Mixin
    LiveOptions options;

    @Option(names = "--all-enabled-regions", description = "Check every region enabled for the account.")
    boolean allEnabledRegions;

    @Option(names = "--snapshot", paramLabel = "FILE", description = "The pre-destroy snapshot whose inventory is"
            + " proven gone by id (default: the newest pre_destroy_snapshot.json of the stack in the evidence bucket;"
            + " none there: the proof says it is weaker).")
    Path snapshot;

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
        Optional<ProofInventory> given;
        try {
            given = snapshot == null ? Optional.empty() : Optional.of(ProofInventory.of(ProofInventory.fromSnapshot(
                    StateFiles.readJson(snapshot, "--snapshot"), environment.stack(), "--snapshot " + snapshot),
                    snapshot.toString(), List.of()));
        } catch (IllegalArgumentException e) {
            err.println("devmin verify-teardown: " + e.getMessage());
            return 2;
        }
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
            ProofInventory inventory = given.orElseGet(() -> newestInBucket(aws, environment));
            Verdict verdict = TeardownProof.prove(aws, TeardownTarget.of(environment), regions, inventory,
                    options.parallelism, deadline, provenance);
            return LiveRun.finish(options, environment, aws, verdict, "teardown", "teardown_proof",
                    "Teardown proof " + environment.stack(), out, err);
        }
    }

    /** The inventory of the newest pre-destroy snapshot the stack published; none there is a weaker proof. */
    static ProofInventory newestInBucket(AwsClients aws, EnvironmentSpec environment) {
        String bucket = CoreNames.of(environment).bucketName();
        CallLog log = new CallLog();
        try {
            var stored = new BucketEvidence(aws.s3(environment.awsRegion()), bucket, environment.environment(),
                    environment.stack()).newest(VerdictKind.SNAPSHOT, "", log);
            if (stored.isEmpty()) {
                return ProofInventory.none("no pre-destroy snapshot of the stack in s3://" + bucket, log.calls());
            }
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stored.get().bytes());
            return ProofInventory.of(ProofInventory.fromSnapshot(json, environment.stack(), stored.get().key()),
                    stored.get().key(), log.calls());
        } catch (CallLog.Unverified e) {
            return ProofInventory.unusable("s3://" + bucket, e.getMessage(), log.calls());
        } catch (IllegalArgumentException | java.io.IOException e) {
            return ProofInventory.unusable("s3://" + bucket, "the newest snapshot cannot be used: " + e.getMessage(),
                    log.calls());
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
