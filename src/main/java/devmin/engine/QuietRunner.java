package devmin.engine;

import com.pulumi.deployment.internal.Runner;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Waits for the program's tasks instead of polling them. The SDK's {@code DefaultRunner} starts, once the program
 * returns, a loop that re-schedules itself on the common pool until its in-flight tasks are done, formatting all of them
 * into a log line on every pass: on a 2-core machine that loop held one of the two pool threads for most of a plan.
 * Here tasks are counted as they complete, and the program callback given to the SDK's runner returns only when the
 * count is zero and the pool is quiet (so a task that a finishing task starts is still waited for), or fails with the
 * first task that fails. The SDK's runner then finds nothing left in flight and handles results and errors as always.
 */
final class QuietRunner implements Runner {

    private final Runner delegate;
    private final Object lock = new Object();
    private final CompletableFuture<Void> firstFailure = new CompletableFuture<>();
    private CompletableFuture<Void> idle = CompletableFuture.completedFuture(null);
    private int inFlight;

    QuietRunner(Runner delegate) {
        this.delegate = delegate;
    }

    @Override
    // The callback's own future is dropped: the callback routes the task's failure to firstFailure and cannot throw.
    @SuppressWarnings("FutureReturnValueIgnored")
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        synchronized (lock) {
            if (inFlight++ == 0) {
                idle = new CompletableFuture<>();
            }
        }
        task.whenComplete((value, error) -> {
            if (error != null) {
                firstFailure.completeExceptionally(error);
            }
            synchronized (lock) {
                if (--inFlight == 0) {
                    idle.complete(null);
                }
            }
        });
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> callback) {
        return delegate.runAsync(() -> {
            T value = callback.get();
            awaitTasks();
            return value;
        });
    }

    /** @throws java.util.concurrent.CompletionException with the first task's failure */
    private void awaitTasks() {
        while (true) {
            CompletableFuture<Void> pending;
            synchronized (lock) {
                pending = inFlight == 0 ? null : idle;
            }
            if (pending != null) {
                CompletableFuture.anyOf(pending, firstFailure).join();
                continue;
            }
            ForkJoinPool.commonPool().awaitQuiescence(10, TimeUnit.SECONDS);
            synchronized (lock) {
                if (inFlight == 0) {
                    break;
                }
            }
        }
        if (firstFailure.isCompletedExceptionally()) {
            firstFailure.join();
        }
    }
}
