package devmin.cli;

import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.ecs.WindowHandles;
import devmin.live.readiness.Readiness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import stacks.spec.EnvironmentSpec;

import java.nio.file.Path;
import java.time.Duration;
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
                + "update that ECS rolled back as a success; this check is what makes a window green. Writes "
                + "<out>/<environment>/readiness/<UTC>/readiness_snapshot.json and .md."},
        footer = {"",
                "Exit codes: 0 every service ready; 1 a service is not (each reason named: revision, rollout, counts, "
                + "crash loop and its layer, image digest, a task older than a credential write); 2 could not verify "
                + "(an API error, an answer that is not the operation's result, a task without an image digest or start "
                + "time, unusable --stack-outputs, no AWS credentials, a failed --publish); 64 usage."})
public final class ReadinessCommand implements Callable<Integer> {

    /** IAM actions: what the checks call, and {@code --publish}. */
    public static final Set<String> AWS_ACTIONS = Set.of("ecs:DescribeServices", "ecs:ListTasks", "ecs:DescribeTasks",
            "ecs:DescribeTaskDefinition", "logs:GetLogEvents", "ssm:DescribeParameters", "s3:PutObject");

    @Mixin
    LiveOptions options;

    @Option(names = "--stack-outputs", required = true, paramLabel = "FILE", description = "JSON of 'pulumi stack output --json' after this window's 'pulumi up': its 'handles' name the cluster and each lane's task definition revision.")
    Path stackOutputs;

    @Option(names = "--crash-window", defaultValue = "15m", paramLabel = "DURATION", description = "How far back a failed task of the current deployment counts as a crash loop (default: ${DEFAULT-VALUE}; ECS keeps stopped tasks for at least an hour).")
    String crashWindow;

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
        try {
            window = Duration.ofMillis(LiveOptions.millis("--crash-window", crashWindow));
            handles = WindowHandles.of(StackOutputs.handles(stackOutputs), Readiness.services(environment), false);
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
                    inputs.get().deadlineMillis(), LiveRun.provenance(options, environment));
            return LiveRun.finish(options, environment, aws, verdict, "readiness", "readiness_snapshot",
                    "Readiness " + environment.stack(), spec.commandLine().getOut(), err);
        }
    }
}
