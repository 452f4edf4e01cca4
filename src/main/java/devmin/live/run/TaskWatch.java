package devmin.live.run;

import devmin.live.CallLog;
import devmin.live.CheckStatus;
import devmin.live.ecs.TaskOutcome;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Watches one task until ECS reports it STOPPED, looking every poll interval, within a deadline. A task still running
 * at the deadline (or when devmin can no longer see it) is stopped: a bounded wait must not leave compute running.
 */
final class TaskWatch {

    private final EcsClient ecs;
    private final String cluster;
    private final Duration poll;
    private final JobRun.Sleeper sleeper;

    TaskWatch(EcsClient ecs, String cluster, Duration poll, JobRun.Sleeper sleeper) {
        this.ecs = ecs;
        this.cluster = cluster;
        this.poll = poll;
        this.sleeper = sleeper;
    }

    JobRun.Done<TaskOutcome> until(String taskArn, long deadlineNanos, long deadlineMillis, CallLog log) {
        try {
            while (true) {
                TaskOutcome task = describe(taskArn, log);
                if (task.lastStatus().equals("STOPPED")) {
                    // how it stopped is judged (and redacted) by the run, not said here
                    return JobRun.Done.pass(task, "task " + task.taskId() + " stopped");
                }
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    stop(taskArn, "devmin run: did not finish within " + deadlineMillis + " ms", log);
                    return JobRun.Done.stop(CheckStatus.BLOCKER, "task " + task.taskId() + " was still "
                            + task.lastStatus() + " after " + deadlineMillis + " ms; devmin stopped it", List.of(taskArn));
                }
                sleeper.sleep(Duration.ofNanos(Math.min(left, poll.toNanos())));
            }
        } catch (CallLog.Unverified e) {
            stopQuietly(taskArn, log);
            throw e;
        } catch (InterruptedException e) {
            // stop first: with the interrupt flag set again, the SDK would abort the StopTask call itself
            stopQuietly(taskArn, log);
            Thread.currentThread().interrupt();
            return JobRun.Done.stop(CheckStatus.UNVERIFIED, "interrupted while waiting for task " + taskArn
                    + "; devmin asked ECS to stop it", List.of(taskArn));
        }
    }

    private TaskOutcome describe(String taskArn, CallLog log) {
        var answer = log.call("ecs:DescribeTasks", () -> ecs.describeTasks(b -> b.cluster(cluster).tasks(taskArn)));
        Optional<TaskOutcome> task = answer.tasks().stream().filter(t -> taskArn.equals(t.taskArn()))
                .map(TaskOutcome::of).findFirst();
        return task.orElseThrow(() -> new CallLog.Unverified("ecs:DescribeTasks: the answer does not describe task "
                + taskArn + answer.failures().stream().map(f -> " (" + f.reason() + ")").findFirst().orElse("")));
    }

    private void stop(String taskArn, String reason, CallLog log) {
        log.call("ecs:StopTask", () -> ecs.stopTask(b -> b.cluster(cluster).task(taskArn).reason(reason)));
    }

    /** Best effort after devmin lost sight of the task; the check is unverified either way. */
    private void stopQuietly(String taskArn, CallLog log) {
        try {
            stop(taskArn, "devmin run: lost sight of the task", log);
        } catch (CallLog.Unverified ignored) {
            // already unverified; the StopTask attempt is in the call log
        }
    }
}
