package devmin.live.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.evidence.Provenance;
import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.ecs.Classification;
import devmin.live.ecs.FailureClassifier;
import devmin.live.ecs.LogTail;
import devmin.live.ecs.Redactor;
import devmin.live.ecs.TaskOutcome;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import stacks.spec.EnvironmentSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * {@code devmin run <job-lane>}: runs a job lane once on Fargate with its declared task definition in the stack's
 * public subnets and security group, waits for it (bounded), and names its exit code, stop reason, failure layer and
 * last log lines. Nothing secret is shown: every value of a handle the lane reads is redacted from the log lines, the
 * stop reason, the classification and the command. A task still running at the deadline is stopped, so a run never
 * outlives its bound. Each step is a check with its own call log; a step that fails ends the run there.
 */
public final class JobRun {

    public static final String SCHEMA = "devmin.job-run/v1";
    /** What ECS records as the task's starter, so a run can be told from a service's tasks. */
    static final String STARTED_BY = "devmin-run";

    /** Waits between two looks at the task (a test waits for nothing). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(java.time.Duration duration) throws InterruptedException;
    }

    /** How a step ended: a value to go on with, or a result that ends the run. */
    record Done<T>(Optional<T> value, CheckStatus status, String message, List<String> found) {
        static <T> Done<T> pass(T value, String message) {
            return new Done<>(Optional.of(value), CheckStatus.PASS, message, List.of());
        }

        static <T> Done<T> stop(CheckStatus status, String message, List<String> found) {
            return new Done<>(Optional.empty(), status, message, found);
        }
    }

    /** The declared task definition and its lane container. */
    record Declared(TaskDefinition definition, ContainerDefinition container) {
    }

    private final AwsClients aws;
    private final EnvironmentSpec spec;
    private final JobRequest request;
    private final List<CheckResult> checks = new ArrayList<>();
    private final ObjectNode context = JsonNodeFactory.instance.objectNode();

    private JobRun(AwsClients aws, EnvironmentSpec spec, JobRequest request) {
        this.aws = aws;
        this.spec = spec;
        this.request = request;
    }

    public static Verdict run(AwsClients aws, EnvironmentSpec spec, JobRequest request, long deadlineMillis,
                              Sleeper sleeper, Provenance provenance) {
        return new JobRun(aws, spec, request).run(deadlineMillis, sleeper, provenance);
    }

    private Verdict run(long deadlineMillis, Sleeper sleeper, Provenance provenance) {
        long deadline = System.nanoTime() + deadlineMillis * 1_000_000L;
        context.put("lane", request.lane().name());
        context.put("task_definition", request.taskDefinition());
        context.put("cluster", request.clusterArn());
        Optional<Redactor> redactor = step("secrets-known", log -> JobSecrets.redactor(aws.ssm(spec.awsRegion()),
                spec, request.lane(), log));
        var command = context.putArray("command_override");
        request.command().forEach(arg -> command.add(redactor.map(r -> r.redact(arg)).orElse("[withheld]")));
        Optional<Declared> declared = step("task-definition", this::declared);
        Optional<String> task = declared.flatMap(d -> step("job-started", log -> start(d.container(), log)));
        Optional<TaskOutcome> outcome = task.flatMap(arn -> step("job-finished", log -> new TaskWatch(
                aws.ecs(spec.awsRegion()), request.clusterArn(), request.pollInterval(), sleeper)
                .until(arn, deadline, deadlineMillis, log)));
        if (outcome.isPresent()) {
            List<String> tail = step("log-tail", log -> tail(declared.orElseThrow(), outcome.get(), redactor, log))
                    .orElse(List.of());
            judge(outcome.get(), tail, redactor.orElse(Redactor.none()));
        }
        return new Verdict(SCHEMA, checks, context, provenance.finished());
    }

    private <T> Optional<T> step(String name, Function<CallLog, Done<T>> body) {
        CallLog log = new CallLog();
        long started = System.nanoTime();
        Done<T> done;
        try {
            done = body.apply(log);
        } catch (CallLog.Unverified e) {
            done = Done.stop(CheckStatus.UNVERIFIED, e.getMessage(), List.of());
        }
        checks.add(new CheckResult(name, spec.awsRegion(), done.status(), done.message(), log.calls(), done.found(),
                (System.nanoTime() - started) / 1_000_000));
        return done.value();
    }

    /** The declared task definition, refused unless its container runs the pinned digest (so what runs is named). */
    private Done<Declared> declared(CallLog log) {
        TaskDefinition definition = log.call("ecs:DescribeTaskDefinition", () -> aws.ecs(spec.awsRegion())
                .describeTaskDefinition(b -> b.taskDefinition(request.taskDefinition()))).taskDefinition();
        if (!request.taskDefinition().equals(definition.taskDefinitionArn())) {
            throw new CallLog.Unverified("ecs:DescribeTaskDefinition: the answer describes "
                    + definition.taskDefinitionArn() + ", not " + request.taskDefinition());
        }
        Optional<ContainerDefinition> container = LogTail.essential(definition);
        if (container.isEmpty()) {
            return Done.stop(CheckStatus.BLOCKER, "not run: " + request.taskDefinition() + " has no container",
                    List.of());
        }
        String image = String.valueOf(container.get().image());
        if (!image.endsWith("@" + spec.image().digest())) {
            return Done.stop(CheckStatus.BLOCKER, "not run: container " + container.get().name() + " has image "
                    + image + ", not the pinned digest " + spec.image().digest() + " (what ran could not be named)",
                    List.of(image));
        }
        return Done.pass(new Declared(definition, container.get()), "container " + container.get().name()
                + " is pinned to " + spec.image().digest());
    }

    private Done<String> start(ContainerDefinition container, CallLog log) {
        RunTaskRequest.Builder run = RunTaskRequest.builder().cluster(request.clusterArn())
                .taskDefinition(request.taskDefinition()).launchType(LaunchType.FARGATE).count(1)
                .startedBy(STARTED_BY)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(request.subnets())
                        .securityGroups(request.securityGroup()).assignPublicIp(AssignPublicIp.ENABLED)));
        if (!request.command().isEmpty()) {
            run.overrides(o -> o.containerOverrides(ContainerOverride.builder().name(container.name())
                    .command(request.command()).build()));
        }
        var answer = log.call("ecs:RunTask", () -> aws.ecs(spec.awsRegion()).runTask(run.build()));
        if (answer.tasks().isEmpty()) {
            List<String> reasons = answer.failures().stream().map(f -> f.reason() + (f.detail() == null ? ""
                    : " (" + f.detail() + ")")).toList();
            Classification why = FailureClassifier.classify(reasons, OptionalInt.empty());
            context.put("failure_layer", why.layer().wireName());
            return Done.stop(CheckStatus.BLOCKER, "ECS started no task: " + (reasons.isEmpty() ? "no reason given"
                    : String.join("; ", reasons)) + "; " + why.describe(), reasons);
        }
        String arn = answer.tasks().get(0).taskArn();
        context.put("task", arn);
        return Done.pass(arn, "started task " + arn);
    }

    private Done<List<String>> tail(Declared declared, TaskOutcome task, Optional<Redactor> redactor, CallLog log) {
        var lines = context.putArray("log_tail");
        if (redactor.isEmpty()) {
            return Done.stop(CheckStatus.UNVERIFIED, "the log tail is withheld: the values to redact from it (the"
                    + " lane's SSM handles) could not be read", List.of());
        }
        Optional<LogTail.Stream> stream = LogTail.of(declared.definition(), declared.container().name(),
                task.taskId());
        if (stream.isEmpty()) {
            return Done.pass(List.of(), "container " + declared.container().name() + " does not log to awslogs");
        }
        context.put("log_stream", stream.get().group() + " " + stream.get().name());
        List<String> raw = LogTail.last(aws.logs(spec.awsRegion()), stream.get(), request.logLines(), log);
        raw.forEach(line -> lines.add(redactor.get().redact(line)));
        return Done.pass(raw, raw.isEmpty() ? "no log lines (the container wrote none)"
                : raw.size() + " last log lines, secrets redacted");
    }

    private void judge(TaskOutcome task, List<String> rawTail, Redactor redactor) {
        String stop = redactor.redact(task.describeStop());
        context.put("stop", stop);
        task.exitCode().ifPresent(code -> context.put("exit_code", code));
        context.put("stop_code", task.stopCode());
        context.put("stopped_reason", redactor.redact(task.stoppedReason()));
        if (task.exitCode().isPresent() && task.exitCode().getAsInt() == 0 && !task.failed()) {
            checks.add(new CheckResult("job-exit", spec.awsRegion(), CheckStatus.PASS, "job " + request.lane().name()
                    + " exited 0", List.of(), List.of()));
        } else {
            List<String> texts = new ArrayList<>(task.ecsTexts());
            texts.addAll(rawTail);
            Classification why = FailureClassifier.classify(texts, task.exitCode());
            String described = redactor.redact(why.describe());
            context.put("failure_layer", why.layer().wireName());
            context.put("classification", described);
            checks.add(new CheckResult("job-exit", spec.awsRegion(), CheckStatus.BLOCKER, "job "
                    + request.lane().name() + " failed: " + stop + "; " + described, List.of(),
                    List.of(task.taskArn())));
        }
        checks.add(imageCheck(task));
    }

    /** Every container that ran reports the pinned digest; one that ran without a digest cannot be named. */
    private CheckResult imageCheck(TaskOutcome task) {
        String pinned = spec.image().digest();
        List<String> wrong = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        for (TaskOutcome.ContainerOutcome c : task.containers()) {
            if (c.imageDigest().isPresent() && !c.imageDigest().get().equals(pinned)) {
                wrong.add(c.name() + " ran " + c.imageDigest().get());
            } else if (c.imageDigest().isEmpty() && c.exitCode().isPresent()) {
                unnamed.add(c.name());
            }
        }
        if (!wrong.isEmpty()) {
            return new CheckResult("job-image", spec.awsRegion(), CheckStatus.BLOCKER, "not the pinned image "
                    + pinned + ": " + String.join(", ", wrong), List.of(), wrong);
        }
        if (!unnamed.isEmpty()) {
            return new CheckResult("job-image", spec.awsRegion(), CheckStatus.UNVERIFIED, "container(s) "
                    + String.join(", ", unnamed) + " ran but report no image digest: what ran cannot be named",
                    List.of(), unnamed);
        }
        boolean ran = task.containers().stream().anyMatch(c -> c.imageDigest().isPresent());
        return new CheckResult("job-image", spec.awsRegion(), CheckStatus.PASS, ran ? "ran the pinned image " + pinned
                : "no container started, so no other image ran", List.of(), List.of());
    }
}
