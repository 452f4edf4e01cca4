package devmin.engine;

import com.pulumi.deployment.internal.Runner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner returns only when every task the program started (and those they started) is done, or one failed. */
class QuietRunnerTest {

    private static final Executor LATER = CompletableFuture.delayedExecutor(150, TimeUnit.MILLISECONDS);

    /** Stands in for the SDK's runner: runs the callback, exit 0 with its value, 32 when it throws. */
    private static final class SdkLikeRunner implements Runner {
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        @Override
        public <T> void registerTask(String description, CompletableFuture<T> task) {
            throw new AssertionError("tasks must not reach the SDK's runner: " + description);
        }

        @Override
        public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> callback) {
            return CompletableFuture.supplyAsync(callback).handle((value, error) -> {
                failure.set(error);
                return new Result<>(error == null ? 0 : 32, List.of(), Optional.ofNullable(value)) {
                };
            });
        }
    }

    @Test
    void itWaitsForTasksStartedByTasksThatFinishAfterTheProgramReturned() {
        SdkLikeRunner sdk = new SdkLikeRunner();
        QuietRunner runner = new QuietRunner(sdk);
        AtomicBoolean secondDone = new AtomicBoolean();

        Runner.Result<String> result = runner.runAsync(() -> {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> { }, LATER);
            runner.registerTask("first", first.thenRun(() -> runner.registerTask("second",
                    CompletableFuture.runAsync(() -> secondDone.set(true), LATER))));
            return "declared";
        }).join();

        assertThat(result.exitCode()).isZero();
        assertThat(result.result()).contains("declared");
        assertThat(secondDone).isTrue();
    }

    @Test
    void aFailingTaskFailsTheRunWithItsOwnError() {
        SdkLikeRunner sdk = new SdkLikeRunner();
        QuietRunner runner = new QuietRunner(sdk);
        IllegalStateException boom = new IllegalStateException("resource rejected");

        Runner.Result<String> result = runner.runAsync(() -> {
            runner.registerTask("slow", CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(
                    5, TimeUnit.SECONDS)));
            runner.registerTask("failing", CompletableFuture.runAsync(() -> {
                throw boom;
            }, LATER));
            return "declared";
        }).join();

        assertThat(result.exitCode()).isEqualTo(32);
        assertThat(sdk.failure.get()).isInstanceOf(CompletionException.class).rootCause().isSameAs(boom);
    }
}
