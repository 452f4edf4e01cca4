package devmin.live.ecs;

import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a task ended (or stands), as ECS describes it: stop code and reason, each container's exit code and reason, and
 * health. What readiness and {@code devmin run} judge, and what they classify.
 */
public record TaskOutcome(String taskArn, String taskDefinitionArn, String lastStatus, String startedBy, String group,
                          Optional<Instant> startedAt, Optional<Instant> stoppedAt, String stopCode,
                          String stoppedReason, List<ContainerOutcome> containers, String health) {

    /** One container: its exit code when it exited, ECS's reason when it did not start, and what image ran. */
    public record ContainerOutcome(String name, OptionalInt exitCode, String reason, Optional<String> imageDigest,
                                   String health) {
    }

    public TaskOutcome {
        containers = List.copyOf(containers);
    }

    public static TaskOutcome of(Task task) {
        List<ContainerOutcome> containers = task.containers().stream().map(TaskOutcome::container).toList();
        return new TaskOutcome(text(task.taskArn()), text(task.taskDefinitionArn()), text(task.lastStatus()),
                text(task.startedBy()), text(task.group()), Optional.ofNullable(task.startedAt()),
                Optional.ofNullable(task.stoppedAt()), text(task.stopCodeAsString()), text(task.stoppedReason()),
                containers, text(task.healthStatusAsString()));
    }

    private static ContainerOutcome container(Container c) {
        return new ContainerOutcome(text(c.name()), c.exitCode() == null ? OptionalInt.empty()
                : OptionalInt.of(c.exitCode()), text(c.reason()),
                Optional.ofNullable(c.imageDigest()).filter(d -> !d.isBlank()), text(c.healthStatusAsString()));
    }

    /** The first non-zero exit code of a container, else the first exit code, else none (nothing exited). */
    public OptionalInt exitCode() {
        return containers.stream().map(ContainerOutcome::exitCode).filter(OptionalInt::isPresent)
                .filter(c -> c.getAsInt() != 0).findFirst()
                .or(() -> containers.stream().map(ContainerOutcome::exitCode).filter(OptionalInt::isPresent)
                        .findFirst())
                .orElse(OptionalInt.empty());
    }

    public boolean failedToStart() {
        return stopCode.equals("TaskFailedToStart");
    }

    public boolean interrupted() {
        return stopCode.equals("SpotInterruption") || stopCode.equals("TerminationNotice");
    }

    public boolean unhealthy() {
        return health.equals("UNHEALTHY") || containers.stream().anyMatch(c -> c.health().equals("UNHEALTHY"))
                || stoppedReason.toLowerCase(java.util.Locale.ROOT).contains("health check");
    }

    /**
     * A stop that is a failure: it never started, exited non-zero, failed its health checks or lost its capacity. A
     * task stopped by a user or by the scheduler scaling in, with a zero exit, is not.
     */
    public boolean failed() {
        return failedToStart() || interrupted() || unhealthy()
                || (exitCode().isPresent() && exitCode().getAsInt() != 0);
    }

    /** What ECS said about the stop, for classification and for the verdict (ECS's words, never the log's). */
    public List<String> ecsTexts() {
        List<String> texts = new ArrayList<>(List.of(stopCode, stoppedReason));
        containers.forEach(c -> texts.add(c.reason()));
        return texts.stream().filter(t -> !t.isBlank()).toList();
    }

    /** e.g. {@code exit 1, EssentialContainerExited: Essential container in task exited}. */
    public String describeStop() {
        List<String> parts = new ArrayList<>();
        exitCode().ifPresentOrElse(code -> parts.add("exit " + code), () -> parts.add("no exit code"));
        String stop = stopCode + (stoppedReason.isBlank() ? "" : (stopCode.isBlank() ? "" : ": ") + stoppedReason);
        if (!stop.isBlank()) {
            parts.add(stop);
        }
        containers.stream().map(ContainerOutcome::reason).filter(r -> !r.isBlank()).forEach(parts::add);
        return String.join(", ", parts);
    }

    public String taskId() {
        return taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
