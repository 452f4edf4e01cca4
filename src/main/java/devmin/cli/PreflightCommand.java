package devmin.cli;

import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.preflight.KafkaUsability;
import devmin.live.preflight.Preflight;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import stacks.spec.EnvironmentSpec;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code devmin preflight}: readiness before a window, in seconds. */
@Command(name = "preflight",
        header = "Check readiness before opening a window, in seconds.", mixinStandardHelpOptions = true,
        description = {"Check readiness before opening a window, concurrently and within --deadline: the caller's account "
                + "matches the stack; the pinned tag resolves in ECR to exactly the pinned digest; every SSM handle "
                + "exists (names only); Kafka is usable with the runtime credentials read from the SSM handles (every "
                + "catalog topic the lanes use is described; a probe record is produced and consumed on the readiness "
                + "topic); the evidence bucket is reachable. No secret value is ever printed. Writes "
                + "<out>/<environment>/preflight/<UTC>/preflight_snapshot.json."},
        footer = {"",
                "Exit codes: 0 ready; 1 blockers found; 2 could not verify; 64 usage."})
public final class PreflightCommand implements Callable<Integer> {

    /** Every AWS action preflight calls (IAM names; HeadBucket is authorized as s3:ListBucket). */
    public static final Set<String> AWS_ACTIONS = LiveRun.awsActions("sts:GetCallerIdentity", "ecr:DescribeImages",
            "ssm:DescribeParameters", "ssm:GetParameters", "s3:ListBucket");

    @Mixin
    LiveOptions options;

    @Option(names = "--kafka-timeout", defaultValue = "5000", paramLabel = "MS", description = "Timeout of every Kafka call in ms (default: ${DEFAULT-VALUE}); a dead endpoint fails then, not after the client's 60 s.")
    long kafkaTimeoutMs;

    @Option(names = "--kafka-security-protocol", defaultValue = "SASL_SSL", description = "SASL_SSL for Confluent Cloud (default); SASL_PLAINTEXT only for a local test broker.")
    String kafkaProtocol;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        if (!kafkaProtocol.equals("SASL_SSL") && !kafkaProtocol.equals("SASL_PLAINTEXT")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--kafka-security-protocol: got '"
                    + kafkaProtocol + "', expected SASL_SSL or SASL_PLAINTEXT");
        }
        var inputs = LiveRun.inputs(options, 30_000, "preflight", err);
        if (inputs.isEmpty()) {
            return 2;
        }
        EnvironmentSpec environment = inputs.get().spec();
        long deadline = inputs.get().deadlineMillis();
        var clients = LiveRun.clients("preflight", err);
        if (clients.isEmpty()) {
            return 2;
        }
        try (AwsClients aws = clients.get()) {
            Verdict verdict = new Preflight(aws, environment, LiveRun.placeholders(options)).run(
                    new KafkaUsability(Duration.ofMillis(kafkaTimeoutMs)), kafkaProtocol, options.parallelism, deadline,
                    LiveRun.provenance(options, environment));
            return LiveRun.finish(options, environment, aws, verdict, "preflight", "preflight_snapshot",
                    "Preflight " + environment.stack(), spec.commandLine().getOut(), err);
        }
    }
}
