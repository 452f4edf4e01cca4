package devmin.live.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import static org.assertj.core.api.Assertions.assertThat;

/** Why a call failed, in words an operator can act on. */
class AwsFailureTest {

    static AwsServiceException service(int status, String code) {
        AwsServiceException.Builder builder = AwsServiceException.builder().statusCode(status);
        if (code != null) {
            builder.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("m").build());
        }
        return (AwsServiceException) builder.build();
    }

    @Test
    void accessDeniedByCodeOrStatus() {
        assertThat(AwsFailure.describe(service(400, "AccessDeniedException")))
                .isEqualTo("access denied (AccessDeniedException, HTTP 400)");
        assertThat(AwsFailure.describe(service(400, "UnauthorizedOperation")))
                .isEqualTo("access denied (UnauthorizedOperation, HTTP 400)");
        assertThat(AwsFailure.describe(service(403, null))).isEqualTo("access denied (no error code, HTTP 403)");
    }

    @Test
    void throttlingByCodeOrStatus() {
        assertThat(AwsFailure.describe(service(400, "Throttling"))).isEqualTo("throttled past the retries (Throttling)");
        assertThat(AwsFailure.describe(service(503, "SlowDown"))).isEqualTo("throttled past the retries (SlowDown)");
        assertThat(AwsFailure.describe(service(429, null))).isEqualTo("throttled past the retries (no error code)");
    }

    @Test
    void serverErrorsAndOtherErrors() {
        assertThat(AwsFailure.describe(service(500, "InternalFailure")))
                .isEqualTo("AWS error HTTP 500 (InternalFailure)");
        assertThat(AwsFailure.describe(service(499, "Odd"))).isEqualTo("AWS error Odd (HTTP 499)");
        assertThat(AwsFailure.describe(service(400, "ValidationError"))).isEqualTo("AWS error ValidationError (HTTP 400)");
    }

    @Test
    void clientSideFailures() {
        assertThat(AwsFailure.describe(ApiCallTimeoutException.create(1000))).isEqualTo("timed out");
        assertThat(AwsFailure.describe(SdkClientException.create("Unable to unmarshall response (Unexpected"
                + " character)\nmore"))).isEqualTo("the answer is not the operation's result (unreadable: Unable to"
                + " unmarshall response (Unexpected character))");
        assertThat(AwsFailure.describe(SdkClientException.create("Connection refused\nstack")))
                .isEqualTo("could not reach AWS (Connection refused)");
        assertThat(AwsFailure.describe(SdkException.builder().message("first\nsecond").build())).isEqualTo("first");
        assertThat(AwsFailure.describe(SdkException.builder().build())).isEqualTo("unknown error");
        assertThat(AwsFailure.describe(SdkClientException.builder().build())).isEqualTo("could not reach AWS (unknown"
                + " error)");
    }

    @Test
    void codesAreMatchedExactly() {
        assertThat(AwsFailure.hasCode(service(404, "NoSuchEntity"), "X", "NoSuchEntity")).isTrue();
        assertThat(AwsFailure.hasCode(service(404, "NoSuchEntityX"), "NoSuchEntity")).isFalse();
        assertThat(AwsFailure.hasCode(service(404, null), "NoSuchEntity")).isFalse();
        assertThat(AwsFailure.hasCode(SdkClientException.create("NoSuchEntity"), "NoSuchEntity")).isFalse();
    }
}
