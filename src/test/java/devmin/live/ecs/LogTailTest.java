package devmin.live.ecs;

import devmin.live.CallLog;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where a container's log lines are and how the last of them are read (ECS Developer Guide, "Using the awslogs log
 * driver": the stream is {@code prefix-name/container-name/ecs-task-id}; a container is essential unless it says
 * {@code essential: false}; CloudWatch Logs {@code GetLogEvents} with {@code startFromHead=false}).
 */
class LogTailTest {

    static ContainerDefinition container(String name, Boolean essential, String driver, Map<String, String> options) {
        ContainerDefinition.Builder c = ContainerDefinition.builder().name(name).essential(essential);
        if (driver != null) {
            c.logConfiguration(LogConfiguration.builder().logDriver(driver).options(options).build());
        }
        return c.build();
    }

    static Map<String, String> awslogs(String group, String prefix) {
        return Map.of("awslogs-group", group, "awslogs-region", "eu-west-2", "awslogs-stream-prefix", prefix);
    }

    static TaskDefinition definition(ContainerDefinition... containers) {
        return TaskDefinition.builder().containerDefinitions(containers).build();
    }

    @Test
    void theStreamIsPrefixContainerAndTaskIdOfThatContainer() {
        TaskDefinition d = definition(container("sidecar", false, "awslogs", awslogs("/other", "side")),
                container("ig", null, "awslogs", awslogs("/devmin/dev_min/ig", "ig")));

        assertThat(LogTail.of(d, "ig", "0123abcd")).contains(new LogTail.Stream("/devmin/dev_min/ig", "ig/ig/0123abcd"));
        assertThat(LogTail.of(d, "sidecar", "0123abcd")).contains(new LogTail.Stream("/other", "side/sidecar/0123abcd"));
        assertThat(LogTail.of(d, "absent", "0123abcd")).isEmpty();
    }

    @Test
    void anotherDriverOrAwslogsWithoutGroupOrPrefixHasNoStream() {
        TaskDefinition d = definition(container("a", null, "json-file", awslogs("/g", "p")),
                container("b", null, "awslogs", Map.of("awslogs-group", "/g")),
                container("c", null, "awslogs", Map.of("awslogs-stream-prefix", "p")),
                container("d", null, null, Map.of()));

        for (String name : List.of("a", "b", "c", "d")) {
            assertThat(LogTail.of(d, name, "t")).as(name).isEmpty();
        }
    }

    @Test
    void theEssentialContainerIsTheFirstNotMarkedNonEssentialElseTheFirst() {
        assertThat(LogTail.essential(definition(container("init", false, null, Map.of()),
                container("app", null, null, Map.of())))).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("app"));
        assertThat(LogTail.essential(definition(container("init", false, null, Map.of()),
                container("app", true, null, Map.of())))).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("app"));
        assertThat(LogTail.essential(definition(container("a", false, null, Map.of()),
                container("b", false, null, Map.of())))).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("a"));
        assertThat(LogTail.essential(definition())).isEmpty();
    }

    /** GetLogEvents answering the given messages, recording each request. */
    static CloudWatchLogsClient logs(List<GetLogEventsRequest> asked, String... messages) {
        return new CloudWatchLogsClient() {
            @Override
            public GetLogEventsResponse getLogEvents(GetLogEventsRequest request) {
                asked.add(request);
                List<OutputLogEvent> events = new ArrayList<>();
                for (String m : messages) {
                    events.add(OutputLogEvent.builder().message(m).build());
                }
                return GetLogEventsResponse.builder().events(events).build();
            }

            @Override
            public String serviceName() {
                return "logs";
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void theLastLinesAreReadNewestLastWithMultiLineMessagesSplit() {
        List<GetLogEventsRequest> asked = new ArrayList<>();
        CallLog log = new CallLog();

        List<String> lines = LogTail.last(logs(asked, "one", "two\nthree", "four"), new LogTail.Stream("/g", "p/c/t"),
                3, log);

        assertThat(lines).containsExactly("two", "three", "four");
        assertThat(asked).singleElement().satisfies(r -> {
            assertThat(r.logGroupName()).isEqualTo("/g");
            assertThat(r.logStreamName()).isEqualTo("p/c/t");
            assertThat(r.startFromHead()).isFalse();
            assertThat(r.limit()).isEqualTo(3);
        });
        assertThat(log.calls()).containsExactly("logs:GetLogEvents");
    }

    @Test
    void exactlyAsManyLinesAsAskedAreAllKeptAndAtLeastOneEventIsAskedFor() {
        List<GetLogEventsRequest> asked = new ArrayList<>();

        assertThat(LogTail.last(logs(asked, "a", "b"), new LogTail.Stream("/g", "s"), 2, new CallLog()))
                .containsExactly("a", "b");
        LogTail.last(logs(asked), new LogTail.Stream("/g", "s"), 0, new CallLog());
        assertThat(asked.get(1).limit()).isEqualTo(1);
    }

    @Test
    void aStreamThatDoesNotExistHasNoLines() {
        assertThat(LogTail.last(failing("ResourceNotFoundException", "The specified log stream does not exist."),
                new LogTail.Stream("/g", "s"), 5, new CallLog())).isEmpty();
    }

    /** A refused read is not an empty log: the tail is unknown, and says why. */
    @Test
    void aStreamThatCannotBeReadIsUnverifiedNotEmpty() {
        assertThatThrownBy(() -> LogTail.last(failing("AccessDeniedException", "not authorized"),
                new LogTail.Stream("/g", "s"), 5, new CallLog())).isInstanceOf(CallLog.Unverified.class)
                .hasMessageContaining("logs:GetLogEvents");
    }

    /** GetLogEvents failing with the error {@code code}. */
    static CloudWatchLogsClient failing(String code, String message) {
        return new CloudWatchLogsClient() {
            @Override
            public GetLogEventsResponse getLogEvents(GetLogEventsRequest request) {
                throw (CloudWatchLogsException) CloudWatchLogsException.builder().statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                        .build();
            }

            @Override
            public String serviceName() {
                return "logs";
            }

            @Override
            public void close() {
            }
        };
    }
}
