package devmin.live;

import devmin.live.aws.AwsFailure;
import devmin.live.aws.PageTokens;
import devmin.evidence.ResultMembers;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs one check's API calls and remembers each of them. Interpret or refuse: an SDK failure (AccessDenied, throttling
 * past the retries, 5xx, timeout), an answer without the operation's result member ({@link ResultMembers}) and a
 * listing that hands back a pagination token it already gave all stop the check as {@link CheckStatus#UNVERIFIED},
 * naming the call — never as a pass.
 */
public final class CallLog {

    /** Thrown inside a check when AWS could not answer, or answered something that is not an answer. */
    public static final class Unverified extends RuntimeException {
        public Unverified(String message) {
            super(message, null, false, false);
        }
    }

    private final List<String> calls = new ArrayList<>();

    /** One call whose answer must carry its result member. */
    public synchronized <T extends SdkResponse> T call(String api, Supplier<T> request) {
        calls.add(api);
        T response;
        try {
            response = request.get();
        } catch (SdkException e) {
            throw new Unverified(api + ": " + AwsFailure.describe(e));
        }
        return interpreted(api, response);
    }

    /**
     * One call whose failure can also mean "it does not exist": an SDK failure that {@code absent} accepts (e.g. a
     * NotFound error code) gives empty; any other failure or an uninterpretable answer is unverified.
     */
    public synchronized <T extends SdkResponse> Optional<T> find(String api, Supplier<T> request,
                                                                Predicate<SdkException> absent) {
        calls.add(api);
        T response;
        try {
            response = request.get();
        } catch (SdkException e) {
            if (absent.test(e)) {
                return Optional.empty();
            }
            throw new Unverified(api + ": " + AwsFailure.describe(e));
        }
        return Optional.of(interpreted(api, response));
    }

    /**
     * Follows a paginator to its end inside the check's error handling (SDK paginators are lazy: the calls happen
     * while iterating), recording one call per page. Every page must carry its result member, and a next-page token
     * seen before stops the listing at once: it would never end.
     */
    public synchronized <T extends SdkResponse> List<T> pages(String api, Supplier<? extends Iterable<T>> paginator) {
        List<T> pages = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        try {
            for (T page : paginator.get()) {
                String label = pages.isEmpty() ? api : api + " (page " + (pages.size() + 1) + ")";
                calls.add(label);
                pages.add(interpreted(label, page));
                Optional<String> next = PageTokens.next(page);
                if (next.isPresent() && !tokens.add(next.get())) {
                    throw new Unverified(label + ": the answer repeats the pagination token '" + next.get()
                            + "' it gave before, so the listing would never end");
                }
            }
        } catch (SdkException e) {
            calls.add(api + " (page " + (pages.size() + 1) + ", failed)");
            throw new Unverified(api + ": " + AwsFailure.describe(e));
        }
        return pages;
    }

    private static <T extends SdkResponse> T interpreted(String api, T response) {
        Optional<String> problem = ResultMembers.problem(response);
        if (problem.isPresent()) {
            throw new Unverified(api + ": " + problem.get());
        }
        return response;
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

    /** Unverified, naming what could not be confirmed. */
    public CheckResult unverified(String name, String region, String reason, List<String> unknown) {
        return new CheckResult(name, region, CheckStatus.UNVERIFIED, reason, calls(), unknown);
    }
}
