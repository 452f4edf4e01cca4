package devmin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.ecs.WindowHandles;
import devmin.live.run.JobRequest;
import devmin.live.run.JobRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code devmin run <job-lane>}: one run of a job lane on Fargate, waited for, with what happened. */
@Command(name = "run",
        header = "Run a job lane once on Fargate and report how it ended.",
        mixinStandardHelpOptions = true,
        description = {"Run a job lane once: ecs:RunTask with its declared task definition (TASK_DEFINITION_<LANE>), "
                + "FARGATE, the stack's subnets and security group with a public IP (there is no NAT); refused before "
                + "anything starts unless the task definition's image is the pinned digest. Waits (every "
                + "--poll-interval, at most --deadline, default 30m; a task still running then is stopped) and reports "
                + "the exit code, ECS's stop code and reason, the failure layer (artifact, identity, wiring, capacity) "
                + "and the last --log-lines of its log. Never prints a secret: the values of every SSM handle the lane "
                + "reads are read only to be redacted, from the log, the stop reason and the command. Arguments after "
                + "the lane (after '--' when they start with '-') replace the lane's command. Writes "
                + "<out>/<environment>/run/<UTC>/job_run_<lane>.json and .md."},
        footer = {"",
                "Exit codes: 0 the job exited 0 from the pinned image; 1 it did not (failed to start, non-zero exit, "
                + "still running at the deadline, another image), each named with its layer; 2 could not verify (an API "
                + "error, an answer that is not the operation's result, a log that could not be redacted, no digest for "
                + "what ran, unusable --stack-outputs, no AWS credentials, a failed --publish); 64 usage (including a "
                + "lane that is not a job)."})
public final class RunCommand implements Callable<Integer> {

    /** IAM actions: what the run calls ({@code iam:PassRole} for the task's execution and lane roles), and publish. */
    public static final Set<String> AWS_ACTIONS = Set.of("ecs:DescribeTaskDefinition", "ecs:RunTask", "iam:PassRole",
            "ecs:DescribeTasks", "ecs:StopTask", "ssm:GetParameters", "logs:GetLogEvents", "s3:PutObject");

    @Mixin
    LiveOptions options;

    @Parameters(index = "0", paramLabel = "JOB_LANE", description = "A lane of kind job in devmin:lanes.")
    String laneName;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Replace the lane's command with these arguments.")
    List<String> command = new ArrayList<>();

    @Option(names = "--stack-outputs", required = true, paramLabel = "FILE", description = "JSON of 'pulumi stack output --json' of the open window: its 'handles' name the cluster, subnets, security group and the lane's task definition.")
    Path stackOutputs;

    @Option(names = "--poll-interval", defaultValue = "10s", paramLabel = "DURATION", description = "Time between two looks at the task (default: ${DEFAULT-VALUE}).")
    String pollInterval;

    @Option(names = "--log-lines", defaultValue = "50", paramLabel = "N", description = "How many of the last log lines to show (default: ${DEFAULT-VALUE}).")
    int logLines;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        var inputs = LiveRun.inputs(options, 30 * 60_000, "run", err);
        if (inputs.isEmpty()) {
            return 2;
        }
        EnvironmentSpec environment = inputs.get().spec();
        LaneSpec lane = jobLane(environment);
        JobRequest request;
        try {
            if (logLines < 1 || logLines > 10_000) {
                throw new IllegalArgumentException("--log-lines: got " + logLines + ", expected 1 to 10000");
            }
            WindowHandles handles = WindowHandles.of(StackOutputs.handles(stackOutputs), List.of(lane), true);
            request = new JobRequest(lane, handles.taskDefinition(lane.name()), handles.clusterArn(), handles.subnets(),
                    handles.securityGroup(), command, Duration.ofMillis(LiveOptions.millis("--poll-interval",
                    pollInterval)), logLines);
        } catch (IllegalArgumentException e) {
            err.println("devmin run: " + e.getMessage());
            return 2;
        }
        var clients = LiveRun.clients("run", err);
        if (clients.isEmpty()) {
            return 2;
        }
        try (AwsClients aws = clients.get()) {
            Verdict verdict = JobRun.run(aws, environment, request, inputs.get().deadlineMillis(), pause -> Thread.sleep(Math.max(1, pause.toMillis())),
                    LiveRun.provenance(options, environment));
            report(verdict, spec.commandLine().getOut());
            return LiveRun.finish(options, environment, aws, verdict, "run", "job_run_" + lane.name(),
                    "Job run " + lane.name() + " " + environment.stack(), spec.commandLine().getOut(), err);
        }
    }

    private LaneSpec jobLane(EnvironmentSpec environment) {
        Optional<LaneSpec> lane = environment.lane(laneName).filter(l -> !l.isService());
        if (lane.isEmpty()) {
            List<String> jobs = environment.lanes().stream().filter(l -> !l.isService()).map(LaneSpec::name).toList();
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "JOB_LANE: got '" + laneName
                    + "', expected a lane of kind job: " + String.join(", ", jobs));
        }
        return lane.get();
    }

    /** What happened, from the verdict (already redacted). */
    private static void report(Verdict verdict, PrintWriter out) {
        JsonNode context = verdict.toJson();
        if (context.has("task")) {
            out.println("task: " + context.get("task").asText());
        }
        if (context.has("stop")) {
            out.println("stopped: " + context.get("stop").asText());
        }
        if (context.has("classification")) {
            out.println("failure layer: " + context.get("classification").asText());
        }
        JsonNode tail = context.path("log_tail");
        if (tail.isArray() && !tail.isEmpty()) {
            out.println("last " + tail.size() + " log lines (" + context.path("log_stream").asText() + "):");
            tail.forEach(line -> out.println("  | " + line.asText()));
        }
    }
}
