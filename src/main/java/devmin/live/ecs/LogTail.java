package devmin.live.ecs;

import devmin.live.CallLog;
import devmin.live.aws.AwsFailure;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last lines a task's container wrote, from the awslogs stream ECS names {@code <prefix>/<container>/<task id>}
 * (ECS Developer Guide, "Using the awslogs log driver"), read with the task definition's own log options.
 */
public final class LogTail {

    /** Where one container's log lines are. */
    public record Stream(String group, String name) {
    }

    private LogTail() {
    }

    /** The stream of {@code container} in task {@code taskId}, empty when the container does not log to awslogs. */
    public static Optional<Stream> of(TaskDefinition definition, String container, String taskId) {
        return definition.containerDefinitions().stream().filter(c -> container.equals(c.name())).findFirst()
                .flatMap(LogTail::options)
                .filter(o -> o.containsKey("awslogs-group") && o.containsKey("awslogs-stream-prefix"))
                .map(o -> new Stream(o.get("awslogs-group"), o.get("awslogs-stream-prefix") + "/" + container + "/"
                        + taskId));
    }

    /** The task definition's essential container (the lane's own), or its first. */
    public static Optional<ContainerDefinition> essential(TaskDefinition definition) {
        return definition.containerDefinitions().stream().filter(c -> !Boolean.FALSE.equals(c.essential()))
                .findFirst().or(() -> definition.containerDefinitions().stream().findFirst());
    }

    private static Optional<Map<String, String>> options(ContainerDefinition c) {
        if (c.logConfiguration() == null || !"awslogs".equals(c.logConfiguration().logDriverAsString())) {
            return Optional.empty();
        }
        return Optional.of(c.logConfiguration().options());
    }

    /**
     * The last {@code lines} lines of the stream, oldest first; empty when the stream does not exist (a container that
     * never started writes none).
     */
    public static List<String> last(CloudWatchLogsClient logs, Stream stream, int lines, CallLog log) {
        var answer = log.find("logs:GetLogEvents", () -> logs.getLogEvents(b -> b.logGroupName(stream.group())
                        .logStreamName(stream.name()).startFromHead(false).limit(Math.max(1, lines))),
                e -> AwsFailure.hasCode(e, "ResourceNotFoundException"));
        List<String> out = new ArrayList<>();
        answer.ifPresent(a -> a.events().forEach(event -> event.message().lines().forEach(out::add)));
        return out.size() > lines ? List.copyOf(out.subList(out.size() - lines, out.size())) : List.copyOf(out);
    }
}
