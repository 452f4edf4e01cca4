package devmin.live;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The verdict logic around checks, with the checks themselves mocked: nothing but PASS ever passes. */
class ChecksTest {

    @SuppressWarnings("unchecked")
    static Function<CallLog, CheckResult> check() {
        return mock(Function.class);
    }

    @Test
    void aCheckThatThrowsIsUnverifiedAndFailsTheVerdict() {
        Function<CallLog, CheckResult> failing = check();
        when(failing.apply(any())).thenThrow(SdkClientException.create("connection refused"));
        Function<CallLog, CheckResult> passing = check();
        when(passing.apply(any())).thenReturn(new CheckResult("b", "r", CheckStatus.PASS, "ok", List.of(), List.of()));

        List<CheckResult> results = Checks.run(List.of(new Checks.Named("a", "r", failing),
                new Checks.Named("b", "r", passing)), 2, 5_000);

        assertThat(results).extracting(CheckResult::status).containsExactly(CheckStatus.UNVERIFIED, CheckStatus.PASS);
        assertThat(results.get(0).message()).contains("SdkClientException").contains("connection refused");
        verify(failing).apply(any());
    }

    @Test
    void eachResultSaysHowLongItsCheckTookAndKeepsItsCalls() {
        List<CheckResult> results = Checks.run(List.of(new Checks.Named("slow", "r", log -> {
            log.note("x:Y");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return log.pass("slow", "r", "ok");
        })), 1, 60_000);

        assertThat(results.get(0).millis()).isBetween(50L, 3_600_000L);
        assertThat(results.get(0).apiCalls()).containsExactly("x:Y");
    }

    @Test
    void anUnverifiedCallEndsItsCheckUnverifiedWithItsCalls() {
        List<CheckResult> results = Checks.run(List.of(new Checks.Named("c", "r", log -> {
            log.note("x:Y");
            throw new CallLog.Unverified("x:Y: the answer has no Z");
        })), 1, 60_000);

        assertThat(results.get(0).status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(results.get(0).message()).isEqualTo("x:Y: the answer has no Z");
        assertThat(results.get(0).apiCalls()).containsExactly("x:Y");
    }

    @Test
    void aCheckStillRunningAtTheDeadlineIsUnverified() {
        Function<CallLog, CheckResult> slow = check();
        when(slow.apply(any())).thenAnswer(invocation -> {
            Thread.sleep(5_000);
            return new CheckResult("slow", "r", CheckStatus.PASS, "late", List.of(), List.of());
        });

        List<CheckResult> results = Checks.run(List.of(new Checks.Named("slow", "r", slow)), 1, 200);

        assertThat(results.get(0).status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(results.get(0).message()).contains("deadline");
    }

    @Test
    void exitCodesPreferWhatWasFoundOverWhatCouldNotBeVerified() {
        CheckResult pass = new CheckResult("p", "r", CheckStatus.PASS, "", List.of(), List.of());
        CheckResult blocker = new CheckResult("b", "r", CheckStatus.BLOCKER, "x", List.of(), List.of("x"));
        CheckResult unverified = new CheckResult("u", "r", CheckStatus.UNVERIFIED, "y", List.of(), List.of());
        var provenance = devmin.evidence.Provenance.start(java.nio.file.Path.of("."), "s", "t", "d");
        var context = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();

        assertThat(new Verdict("v", List.of(pass), context, provenance).exitCode()).isZero();
        assertThat(new Verdict("v", List.of(pass, unverified), context, provenance).exitCode()).isEqualTo(2);
        assertThat(new Verdict("v", List.of(blocker, unverified), context, provenance).exitCode()).isEqualTo(1);
        assertThat(new Verdict("v", List.of(), context, provenance).overallPass()).as("no check is no pass").isFalse();
    }

    /**
     * A check stuck in an AWS call past its deadline must not keep the JVM (and so the CLI) from exiting: its thread
     * is a daemon even when the caller's is not (as the CLI's main thread is not).
     */
    @Test
    void checksRunOnDaemonThreadsSoAHungCheckCannotKeepTheProcessAlive() throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<List<CheckResult>> results =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread caller = new Thread(() -> results.set(Checks.run(List.of(new Checks.Named("where", "r",
                log -> new CheckResult("where", "r", CheckStatus.PASS, "daemon=" + Thread.currentThread().isDaemon(),
                        List.of(), List.of()))), 1, 5_000)), "non-daemon caller");
        caller.setDaemon(false);
        caller.start();
        caller.join();

        assertThat(results.get()).extracting(CheckResult::message).containsExactly("daemon=true");
    }
}
