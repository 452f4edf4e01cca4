package devmin.live;

import java.util.List;

/**
 * One live check's outcome, with what it asked AWS and what it found.
 *
 * @param name     e.g. {@code nat-gateways}
 * @param region   the region checked ({@code global} for global services)
 * @param status   pass, blocker or unverified
 * @param message  one sentence for humans
 * @param apiCalls every API call made, in order, e.g. {@code ec2:DescribeNatGateways (page 2)}
 * @param found    what was found (resource ids, ARNs), empty when nothing
 * @param millis   how long the check took
 */
public record CheckResult(String name, String region, CheckStatus status, String message, List<String> apiCalls,
                          List<String> found, long millis) {

    public CheckResult {
        apiCalls = List.copyOf(apiCalls);
        found = List.copyOf(found);
    }

    public CheckResult(String name, String region, CheckStatus status, String message, List<String> apiCalls,
                       List<String> found) {
        this(name, region, status, message, apiCalls, found, 0);
    }

    public CheckResult timed(long tookMillis) {
        return new CheckResult(name, region, status, message, apiCalls, found, tookMillis);
    }
}
