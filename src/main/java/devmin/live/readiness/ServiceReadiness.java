package devmin.live.readiness;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.aws.AwsClients;
import devmin.live.aws.ResourceArn;
import devmin.live.aws.SsmParameterNames;
import devmin.live.ecs.Classification;
import devmin.live.ecs.FailureClassifier;
import devmin.live.ecs.LogTail;
import devmin.live.ecs.TaskOutcome;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import stacks.handles.SsmHandles;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether one service lane runs what the stack declared, steadily, from the pinned image, with its current
 * credentials. Everything definite that is wrong is a blocker; what ECS does not say (no image digest, no start
 * time) leaves the lane unverified, never ready.
 */
final class ServiceReadiness {

    /** DescribeTasks accepts at most this many tasks per call. */
    static final int TASKS_PER_DESCRIBE = 100;

    private final AwsClients aws;
    private final EnvironmentSpec spec;
    private final String cluster;
    private final Instant now;
    private final Duration crashWindow;

    ServiceReadiness(AwsClients aws, EnvironmentSpec spec, String cluster, Instant now, Duration crashWindow) {
        this.aws = aws;
        this.spec = spec;
        this.cluster = cluster;
        this.now = now;
        this.crashWindow = crashWindow;
    }

    /** What one lane's check found: blockers, what could not be confirmed, and the details for the verdict. */
    private static final class Findings {
        final List<String> blockers = new ArrayList<>();
        final List<String> unknown = new ArrayList<>();
        final ObjectNode details = JsonNodeFactory.instance.objectNode();
    }

    CheckResult check(LaneSpec lane, String declared, CallLog log, Map<String, ObjectNode> report) {
        String name = "service-" + lane.name();
        EcsClient ecs = aws.ecs(spec.awsRegion());
        Findings f = new Findings();
        f.details.put("declared_task_definition", declared);
        report.put(lane.name(), f.details);
        Optional<Service> service = service(ecs, lane, log, f);
        if (service.isPresent()) {
            Optional<Deployment> primary = deployment(service.get(), declared, f);
            runningTasks(ecs, lane, declared, log, f);
            crashes(ecs, lane, declared, primary.map(Deployment::id).orElse(""), log, f);
        }
        return verdict(name, lane, log, f);
    }

    private CheckResult verdict(String name, LaneSpec lane, CallLog log, Findings f) {
        if (!f.blockers.isEmpty()) {
            List<String> all = new ArrayList<>(f.blockers);
            all.addAll(f.unknown);
            return new CheckResult(name, spec.awsRegion(), CheckStatus.BLOCKER, "lane " + lane.name()
                    + " is not ready: " + String.join("; ", all), log.calls(), all);
        }
        if (!f.unknown.isEmpty()) {
            return log.unverified(name, spec.awsRegion(), "lane " + lane.name() + " cannot be confirmed ready: "
                    + String.join("; ", f.unknown), f.unknown);
        }
        return log.pass(name, spec.awsRegion(), "lane " + lane.name() + " runs its declared task definition from the"
                + " pinned image, steadily, with its current credentials");
    }

    private Optional<Service> service(EcsClient ecs, LaneSpec lane, CallLog log, Findings f) {
        var answer = log.call("ecs:DescribeServices", () -> ecs.describeServices(b -> b.cluster(cluster)
                .services(lane.name())));
        Optional<Service> service = answer.services().stream().filter(s -> lane.name().equals(s.serviceName()))
                .filter(s -> s.clusterArn() == null || s.clusterArn().equals(cluster)).findFirst();
        if (service.isEmpty()) {
            String reason = answer.failures().stream().map(x -> x.reason()).findFirst().orElse("not listed");
            f.blockers.add("service " + lane.name() + " is not in cluster " + ResourceArn.parse(cluster).name() + " ("
                    + reason + ")");
            return service;
        }
        Service s = service.get();
        f.details.put("status", s.status());
        f.details.put("desired", s.desiredCount());
        f.details.put("running", s.runningCount());
        if (!"ACTIVE".equals(s.status())) {
            f.blockers.add("service " + lane.name() + " is " + s.status());
        }
        if (s.runningCount() == null || !s.runningCount().equals(s.desiredCount())) {
            f.blockers.add("running " + s.runningCount() + " of " + s.desiredCount() + " desired tasks");
        }
        return service;
    }

    private Optional<Deployment> deployment(Service s, String declared, Findings f) {
        Optional<Deployment> primary = s.deployments().stream().filter(d -> "PRIMARY".equals(d.status())).findFirst();
        if (primary.isEmpty()) {
            f.blockers.add("no PRIMARY deployment");
            return primary;
        }
        Deployment d = primary.get();
        f.details.put("primary_task_definition", d.taskDefinition());
        f.details.put("rollout_state", d.rolloutStateAsString());
        if (!declared.equals(d.taskDefinition())) {
            f.blockers.add("ECS runs " + revision(d.taskDefinition()) + " but the stack declares " + revision(declared)
                    + failedDeployment(s, declared).map(r -> " (the deployment of " + revision(declared)
                    + " failed: " + r + "; ECS rolled back and the provider reported success)")
                    .orElse(" (a rolled-back or never-started deployment)"));
        }
        if (!"COMPLETED".equals(d.rolloutStateAsString())) {
            f.blockers.add("rollout " + (d.rolloutStateAsString() == null ? "state not reported"
                    : d.rolloutStateAsString()) + Optional.ofNullable(d.rolloutStateReason()).map(r -> ": " + r)
                    .orElse(""));
        }
        return primary;
    }

    private static Optional<String> failedDeployment(Service s, String declared) {
        return s.deployments().stream().filter(d -> declared.equals(d.taskDefinition()))
                .filter(d -> "FAILED".equals(d.rolloutStateAsString()))
                .map(d -> Optional.ofNullable(d.rolloutStateReason()).orElse("rollout FAILED")).findFirst();
    }

    private void runningTasks(EcsClient ecs, LaneSpec lane, String declared, CallLog log, Findings f) {
        List<TaskOutcome> running = tasks(ecs, lane, DesiredStatus.RUNNING, log).stream()
                .filter(t -> t.lastStatus().equals("RUNNING")).toList();
        Map<String, Instant> writes = parameterWrites(lane, log, f);
        var list = f.details.putArray("running_tasks");
        for (TaskOutcome task : running) {
            ObjectNode node = list.addObject().put("task", task.taskArn()).put("task_definition",
                    task.taskDefinitionArn());
            task.startedAt().ifPresent(at -> node.put("started_at", at.toString()));
            if (!declared.equals(task.taskDefinitionArn())) {
                f.blockers.add("task " + task.taskId() + " runs " + revision(task.taskDefinitionArn()));
            }
            for (TaskOutcome.ContainerOutcome c : task.containers()) {
                c.imageDigest().ifPresentOrElse(digest -> {
                    node.put("image_digest", digest);
                    if (!digest.equals(spec.image().digest())) {
                        f.blockers.add("task " + task.taskId() + " container " + c.name() + " runs image " + digest
                                + ", the stack pins " + spec.image().digest());
                    }
                }, () -> f.unknown.add("task " + task.taskId() + " container " + c.name() + " reports no image"
                        + " digest, so what ran cannot be named"));
            }
            stale(task, writes, f);
        }
    }

    /** A running task that started before the latest write of a parameter its lane reads still holds the old value. */
    private static void stale(TaskOutcome task, Map<String, Instant> writes, Findings f) {
        if (task.startedAt().isEmpty()) {
            f.unknown.add("task " + task.taskId() + " reports no start time, so it cannot be shown to hold the current"
                    + " credentials");
            return;
        }
        writes.entrySet().stream().filter(w -> task.startedAt().get().isBefore(w.getValue()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(w -> f.blockers.add("task " + task.taskId() + " started " + task.startedAt().get()
                        + ", before " + w.getKey() + " was written at " + w.getValue() + ": it still runs the old"
                        + " value (a rotation is complete only when the runtime reloads it)"));
    }

    private Map<String, Instant> parameterWrites(LaneSpec lane, CallLog log, Findings f) {
        List<String> paths = lane.reads().stream().map(h -> SsmHandles.pathFor(spec.environment(),
                spec.database().enabled(), lane.name(), h)).distinct().toList();
        if (paths.isEmpty()) {
            return Map.of();
        }
        Map<String, ParameterMetadata> found = SsmParameterNames.metadata(aws.ssm(spec.awsRegion()), paths, log);
        Map<String, Instant> writes = new java.util.TreeMap<>();
        for (String path : paths) {
            ParameterMetadata p = found.get(path);
            if (p == null) {
                f.blockers.add("parameter " + path + " that the lane reads does not exist");
            } else if (p.lastModifiedDate() == null) {
                f.unknown.add("parameter " + path + " reports no LastModifiedDate");
            } else {
                writes.put(path, p.lastModifiedDate());
            }
        }
        ObjectNode node = f.details.putObject("parameters_last_written");
        writes.forEach((path, at) -> node.put(path, at.toString()));
        return writes;
    }

    /**
     * Tasks of the current deployment (or running the declared revision, which explains a rollback) that stopped
     * failing within the crash window: a crash loop, classified from ECS's words and, when those do not say, from the
     * newest failed task's last log lines.
     */
    private void crashes(EcsClient ecs, LaneSpec lane, String declared, String deploymentId, CallLog log, Findings f) {
        Instant since = now.minus(crashWindow);
        List<TaskOutcome> failed = tasks(ecs, lane, DesiredStatus.STOPPED, log).stream()
                .filter(t -> t.stoppedAt().map(at -> !at.isBefore(since)).orElse(false))
                .filter(t -> (!deploymentId.isEmpty() && deploymentId.equals(t.startedBy()))
                        || declared.equals(t.taskDefinitionArn()))
                .filter(TaskOutcome::failed)
                .sorted(Comparator.comparing((TaskOutcome t) -> t.stoppedAt().orElseThrow()).reversed()).toList();
        var list = f.details.putArray("failed_tasks");
        failed.forEach(t -> list.addObject().put("task", t.taskArn()).put("stopped_at",
                t.stoppedAt().orElseThrow().toString()).put("stop", t.describeStop()));
        if (failed.isEmpty()) {
            return;
        }
        TaskOutcome newest = failed.get(0);
        Classification why = classify(ecs, newest, log);
        f.details.put("failure_layer", why.layer().wireName());
        f.blockers.add("crash loop: " + failed.size() + " task(s) of the current deployment failed in the last "
                + crashWindow.toMinutes() + " min; newest " + newest.taskId() + " (" + newest.describeStop() + "): "
                + why.describe());
    }

    private Classification classify(EcsClient ecs, TaskOutcome task, CallLog log) {
        Classification fromEcs = FailureClassifier.classify(task.ecsTexts(), task.exitCode());
        if (fromEcs.layer() != devmin.live.ecs.FailureLayer.UNCLASSIFIED || task.exitCode().isEmpty()) {
            return fromEcs;
        }
        var definition = log.call("ecs:DescribeTaskDefinition", () -> ecs.describeTaskDefinition(b -> b
                .taskDefinition(task.taskDefinitionArn()))).taskDefinition();
        List<String> lines = LogTail.essential(definition)
                .flatMap(c -> LogTail.of(definition, c.name(), task.taskId()))
                .map(stream -> LogTail.last(aws.logs(spec.awsRegion()), stream, 50, log)).orElse(List.of());
        List<String> texts = new ArrayList<>(task.ecsTexts());
        texts.addAll(lines);
        return FailureClassifier.classify(texts, task.exitCode());
    }

    /** This service's tasks with the given desired status (the answer is checked to be this service's). */
    private List<TaskOutcome> tasks(EcsClient ecs, LaneSpec lane, DesiredStatus status, CallLog log) {
        List<String> arns = new ArrayList<>();
        log.pages("ecs:ListTasks", () -> ecs.listTasksPaginator(b -> b.cluster(cluster).serviceName(lane.name())
                .desiredStatus(status))).forEach(page -> arns.addAll(page.taskArns()));
        List<TaskOutcome> out = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += TASKS_PER_DESCRIBE) {
            List<String> batch = arns.subList(i, Math.min(arns.size(), i + TASKS_PER_DESCRIBE));
            List<Task> described = log.call("ecs:DescribeTasks", () -> ecs.describeTasks(b -> b.cluster(cluster)
                    .tasks(batch))).tasks();
            described.stream().map(TaskOutcome::of).filter(t -> t.group().equals("service:" + lane.name()))
                    .forEach(out::add);
        }
        return out;
    }

    /** {@code family:revision} of a task definition ARN. */
    static String revision(String taskDefinitionArn) {
        try {
            return ResourceArn.parse(taskDefinitionArn).name();
        } catch (IllegalArgumentException e) {
            return taskDefinitionArn;
        }
    }
}
