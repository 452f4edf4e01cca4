package devmin.cli;

import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.ecs.WindowHandles;
import devmin.live.readiness.ProbeLanes;
import devmin.live.readiness.Readiness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code devmin readiness}: after {@code pulumi up}, the window's services run what the stack declared. */
@Command(name = "readiness",
        header = "Prove every service runs its declared revision, steadily, from the pinned image.",
        mixinStandardHelpOptions = true,
        description = {"Run after 'pulumi up'. For every service lane: the PRIMARY deployment uses the task definition "
                + "revision the stack declares (TASK_DEFINITION_<LANE> in the stack outputs), its rollout is COMPLETED "
                + "and running == desired; no task of the current deployment (or of the declared revision) stopped "
                + "failing within --crash-window (a non-zero exit, a failure to start, failed health checks, a Spot "
                + "interruption); every running task's image digest is the pinned one; and no running task started "
                + "before the latest write of an SSM parameter its lane reads (LastModifiedDate, never a value). A "
                + "failure is classified by layer (artifact, identity, wiring, capacity) with ECS's stop reason, and "
                + "from the newest failed task's last log lines when ECS does not say. The AWS provider reports an "
                + "update that ECS rolled back as a success; this check is what makes a window green.",
                "Then, once every service is ready, every probe lane (probe: true, a job whose command is the image's "
                + "own probe entrypoint) runs once, in parallel, as 'devmin run' starts a job (the stack's subnets and "
                + "the lanes' security group): each is the check probe-<lane>, passing only on exit 0 from the pinned "
                + "image, and otherwise naming ECS's stop reason, the failure layer and its last --probe-log-lines log "
                + "lines with every value of a handle it reads redacted. A probe is not run while a service is not "
                + "ready (it is then unverified). Probes share --deadline with the services; a probe still running "
                + "then is stopped.",
                "Writes <out>/<environment>/readiness/<UTC>/readiness_snapshot.json and .md."},
        footer = {"",
                "Exit codes: 0 every service ready; 1 a service is not (each reason named: revision, rollout, counts, "
                + "crash loop and its layer, image digest, a task older than a credential write; a probe lane that "
                + "did not exit 0); 2 could not verify (an API error, an answer that is not the operation's result, a "
                + "task without an image digest or start time, unusable --stack-outputs, no AWS credentials, a failed "
                + "--publish); 64 usage."})
public final class ReadinessCommand implements Callable<Integer> {

    /** IAM actions: what the checks call, and {@code --publish}. */
    public static final Set<String> AWS_ACTIONS = Set.of("ecs:DescribeServices", "ecs:ListTasks", "ecs:DescribeTasks",
            "ecs:DescribeTaskDefinition", "logs:GetLogEvents", "ssm:DescribeParameters", "s3:PutObject",
            // the probe lanes, started and redacted as devmin run does
            "ecs:RunTask", "ecs:StopTask", "iam:PassRole", "ssm:GetParameters");

    @Mixin
    LiveOptions options;

    @Option(names = "--stack-outputs", required = true, paramLabel = "FILE", description = "JSON of 'pulumi stack output --json' after this window's 'pulumi up': its 'handles' name the cluster and each lane's task definition revision.")
    Path stackOutputs;

    @Option(names = "--crash-window", defaultValue = "15m", paramLabel = "DURATION", description = "How far back a failed task of the current deployment counts as a crash loop (default: ${DEFAULT-VALUE}; ECS keeps stopped tasks for at least an hour).")
    String crashWindow;

    @Option(names = "--probe-poll-interval", defaultValue = "5s", paramLabel = "DURATION", description = "Time between two looks at a probe lane's task (default: ${DEFAULT-VALUE}).")
    String probePollInterval;

    @Option(names = "--probe-log-lines", defaultValue = "20", paramLabel = "N", description = "How many of a probe's last log lines the verdict keeps, redacted (default: ${DEFAULT-VALUE}).")
    int probeLogLines;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        var inputs = LiveRun.inputs(options, 120_000, "readiness", err);
        if (inputs.isEmpty()) {
            return 2;
        }
        EnvironmentSpec environment = inputs.get().spec();
        WindowHandles handles;
        Duration window;
        ProbeLanes.Settings probes;
        try {
            window = Duration.ofMillis(LiveOptions.millis("--crash-window", crashWindow));
            if (probeLogLines < 1 || probeLogLines > 10_000) {
                throw new IllegalArgumentException("--probe-log-lines: got " + probeLogLines + ", expected 1 to 10000");
            }
            probes = new ProbeLanes.Settings(Duration.ofMillis(LiveOptions.millis("--probe-poll-interval",
                    probePollInterval)), probeLogLines, ProbeLanes.Settings.DEFAULT.sleeper());
            List<LaneSpec> lanes = new ArrayList<>(Readiness.services(environment));
            lanes.addAll(Readiness.probes(environment));
            handles = WindowHandles.of(StackOutputs.handles(stackOutputs), lanes,
                    !Readiness.probes(environment).isEmpty());
        } catch (IllegalArgumentException e) {
            err.println("devmin readiness: " + e.getMessage());
            return 2;
        }
        var clients = LiveRun.clients("readiness", err);
        if (clients.isEmpty()) {
            return 2;
        }
        try (AwsClients aws = clients.get()) {
            Verdict verdict = Readiness.check(aws, environment, handles, window, options.parallelism,
                    inputs.get().deadlineMillis(), LiveRun.provenance(options, environment), probes);
            return LiveRun.finish(options, environment, aws, verdict, "readiness", "readiness_snapshot",
                    "Readiness " + environment.stack(), spec.commandLine().getOut(), err);
        }
    }
}
