package devmin.live;

import devmin.live.aws.AwsFailure;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs one check's API calls and remembers each of them; an SDK failure (AccessDenied, throttling past the retries,
 * 5xx, timeout) stops the check as {@link CheckStatus#UNVERIFIED}, never as a pass.
 */
public final class CallLog {

    /** Thrown inside a check when AWS could not answer; carries the reason. */
    public static final class Unverified extends RuntimeException {
        public Unverified(String message) {
            super(message, null, false, false);
        }
    }

    private final List<String> calls = new ArrayList<>();

    public synchronized <T> T call(String api, Supplier<T> request) {
        calls.add(api);
        try {
            return request.get();
        } catch (SdkException e) {
            throw new Unverified(api + ": " + AwsFailure.describe(e));
        }
    }

    /**
     * Follows a paginator to its end inside the check's error handling (SDK paginators are lazy: the calls happen
     * while iterating), recording one call per page.
     */
    public synchronized <T> List<T> pages(String api, Supplier<? extends Iterable<T>> paginator) {
        List<T> pages = new ArrayList<>();
        try {
            for (T page : paginator.get()) {
                calls.add(pages.isEmpty() ? api : api + " (page " + (pages.size() + 1) + ")");
                pages.add(page);
            }
        } catch (SdkException e) {
            calls.add(api + " (page " + (pages.size() + 1) + ", failed)");
            throw new Unverified(api + ": " + AwsFailure.describe(e));
        }
        return pages;
    }

    public synchronized void note(String api) {
        calls.add(api);
    }

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    public CheckResult pass(String name, String region, String message) {
        return new CheckResult(name, region, CheckStatus.PASS, message, calls(), List.of());
    }

    public CheckResult result(String name, String region, List<String> found, String clean, String dirty) {
        return found.isEmpty() ? pass(name, region, clean)
                : new CheckResult(name, region, CheckStatus.BLOCKER, dirty + ": " + String.join(", ", found), calls(),
                found);
    }

    public CheckResult unverified(String name, String region, String reason) {
        return new CheckResult(name, region, CheckStatus.UNVERIFIED, reason, calls(), List.of());
    }
}
