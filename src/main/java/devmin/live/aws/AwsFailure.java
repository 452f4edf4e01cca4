package devmin.live.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Set;

/** Says why an AWS call failed, in words an operator can act on; never includes request bodies or credentials. */
public final class AwsFailure {

    static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException", "RequestLimitExceeded",
            "TooManyRequestsException", "SlowDown", "RequestThrottled", "RequestThrottledException");

    private AwsFailure() {
    }

    public static String describe(SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null || service.awsErrorDetails().errorCode() == null ? ""
                    : service.awsErrorDetails().errorCode();
            String named = code.isEmpty() ? "no error code" : code;
            if (code.contains("AccessDenied") || code.equals("UnauthorizedOperation") || service.statusCode() == 403) {
                return "access denied (" + named + ", HTTP " + service.statusCode() + ")";
            }
            if (THROTTLING.contains(code) || service.statusCode() == 429) {
                return "throttled past the retries (" + named + ")";
            }
            if (service.statusCode() >= 500) {
                return "AWS error HTTP " + service.statusCode() + " (" + named + ")";
            }
            return "AWS error " + named + " (HTTP " + service.statusCode() + ")";
        }
        if (e instanceof ApiCallTimeoutException) {
            return "timed out";
        }
        if (e instanceof SdkClientException && e.getMessage() != null
                && e.getMessage().startsWith("Unable to unmarshall response")) {
            return "the answer is not the operation's result (unreadable: " + firstLine(e.getMessage()) + ")";
        }
        if (e instanceof SdkClientException) {
            return "could not reach AWS (" + firstLine(e.getMessage()) + ")";
        }
        return firstLine(e.getMessage());
    }

    /** A service error with one of these codes, e.g. a describe of something that no longer exists. */
    public static boolean hasCode(SdkException e, String... codes) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            for (String c : codes) {
                if (c.equals(code)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }
}
