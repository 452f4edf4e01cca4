package devmin.live.ecs;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Task;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a stopped task is read from ECS's {@code DescribeTasks} shape (API reference: {@code Task.stopCode},
 * {@code stoppedReason}, {@code healthStatus}; {@code Container.exitCode}, {@code reason}, {@code imageDigest},
 * {@code healthStatus}).
 */
class TaskOutcomeTest {

    static final String TASK = "arn:aws:ecs:eu-west-2:123456789012:task/devmin-dev-min/0123456789abcdef0123456789abcdef";

    static Container container(String name, Integer exit, String reason, String digest, String health) {
        return Container.builder().name(name).exitCode(exit).reason(reason).imageDigest(digest).healthStatus(health)
                .build();
    }

    static TaskOutcome stopped(String stopCode, String reason, Container... containers) {
        return TaskOutcome.of(Task.builder().taskArn(TASK).lastStatus("STOPPED").stopCode(stopCode)
                .stoppedReason(reason).containers(containers).build());
    }

    @Test
    void theExitCodeIsTheFirstNonZeroOneWhicheverContainerExitedFirst() {
        TaskOutcome task = stopped("EssentialContainerExited", "Essential container in task exited",
                container("sidecar", 0, null, "sha256:aa", null), container("app", 137, null, "sha256:aa", null),
                container("other", 2, null, "sha256:aa", null));

        assertThat(task.exitCode()).isEqualTo(OptionalInt.of(137));
        assertThat(task.failed()).isTrue();
    }

    @Test
    void withOnlyZeroExitsTheExitIsZeroAndAContainerThatNeverExitedHasNone() {
        TaskOutcome task = stopped("EssentialContainerExited", "", container("never", null, "CannotPullContainerError",
                null, null), container("app", 0, null, "sha256:aa", null));

        assertThat(task.exitCode()).isEqualTo(OptionalInt.of(0));
        assertThat(task.containers().get(0).exitCode()).isEmpty();
        assertThat(task.failed()).isFalse();
    }

    @Test
    void aBlankImageDigestNamesNoImage() {
        TaskOutcome task = stopped("EssentialContainerExited", "", container("app", 0, null, " ", null));

        assertThat(task.containers().get(0).imageDigest()).isEmpty();
    }

    @Test
    void anUnhealthyContainerMakesTheStopAFailureEvenWithExitZero() {
        TaskOutcome task = stopped("EssentialContainerExited", "Essential container in task exited",
                container("app", 0, null, "sha256:aa", "UNHEALTHY"));

        assertThat(task.unhealthy()).isTrue();
        assertThat(task.failed()).isTrue();
    }

    @Test
    void aHealthyContainerWithExitZeroStoppedByTheSchedulerIsNotAFailure() {
        TaskOutcome task = stopped("ServiceSchedulerInitiated", "Scaling activity initiated by deployment",
                container("app", 0, null, "sha256:aa", "HEALTHY"));

        assertThat(task.unhealthy()).isFalse();
        assertThat(task.failed()).isFalse();
    }

    @Test
    void ecsTextsAreTheStopCodeTheReasonAndEachContainersReasonWithoutBlanks() {
        TaskOutcome task = stopped("TaskFailedToStart", "", container("app", null,
                "CannotPullContainerError: pull access denied", null, null), container("log", null, "", null, null));

        assertThat(task.ecsTexts()).containsExactly("TaskFailedToStart", "CannotPullContainerError: pull access denied");
    }

    @Test
    void theStopDescriptionCarriesExitStopCodeReasonAndContainerReasons() {
        TaskOutcome task = stopped("TaskFailedToStart", "ResourceInitializationError: unable to pull secrets",
                container("app", null, "CannotStartContainerError: ENOENT", null, null));

        assertThat(task.describeStop()).isEqualTo("no exit code, TaskFailedToStart: ResourceInitializationError:"
                + " unable to pull secrets, CannotStartContainerError: ENOENT");
    }

    @Test
    void theTaskIdIsTheLastSegmentOfTheArn() {
        assertThat(stopped("", "").taskId()).isEqualTo("0123456789abcdef0123456789abcdef");
    }
}
