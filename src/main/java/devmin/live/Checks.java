package devmin.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Runs live checks concurrently with bounded parallelism; a check that throws is unverified, never a pass. */
public final class Checks {

    /** One named check: given a fresh call log, it returns its result. */
    public record Named(String name, String region, Function<CallLog, CheckResult> run) {
    }

    private Checks() {
    }

    public static List<CheckResult> run(List<Named> checks, int parallelism, long deadlineMillis) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, checks.size())), r -> {
            Thread t = new Thread(r, "devmin-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CheckResult>> futures = new ArrayList<>();
            List<CallLog> logs = new ArrayList<>();
            for (Named check : checks) {
                CallLog log = new CallLog();
                logs.add(log);
                futures.add(pool.submit(() -> runOne(check, log)));
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
            List<CheckResult> results = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                Named check = checks.get(i);
                try {
                    long left = Math.max(0, deadline - System.nanoTime());
                    results.add(futures.get(i).get(left, TimeUnit.NANOSECONDS));
                } catch (java.util.concurrent.TimeoutException e) {
                    futures.get(i).cancel(true);
                    results.add(logs.get(i).unverified(check.name(), check.region(),
                            "did not finish within the " + deadlineMillis + " ms deadline"));
                } catch (Exception e) {
                    results.add(logs.get(i).unverified(check.name(), check.region(), "failed: " + e.getMessage()));
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static CheckResult runOne(Named check, CallLog log) {
        long started = System.nanoTime();
        CheckResult result;
        try {
            result = check.run().apply(log);
        } catch (CallLog.Unverified e) {
            result = log.unverified(check.name(), check.region(), e.getMessage());
        } catch (RuntimeException e) {
            result = log.unverified(check.name(), check.region(), "failed: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
        return result.timed((System.nanoTime() - started) / 1_000_000);
    }
}
