package devmin.live.ecs;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failure is said to be about when the stop reason or log line has no IAM "on resource:" clause (a data-plane
 * ARN, an S3 URI, a Java class), what an unexplained failure is called, and what the redactor counts and ignores.
 */
class FailureSubjectsTest {

    static Classification of(String text) {
        return FailureClassifier.classify(List.of(text), OptionalInt.empty());
    }

    @Test
    void aDeniedDataPlaneCallIsAboutTheArnItNames() {
        assertThat(of("botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the"
                + " Decrypt operation: the key arn:aws:kms:eu-west-2:123456789012:key/0a1b2c3d is not usable")
                .describe()).isEqualTo("identity (AccessDenied on arn:aws:kms:eu-west-2:123456789012:key/0a1b2c3d)");
    }

    @Test
    void aDeniedReadNamingOnlyAnS3UriIsAboutThatUri() {
        assertThat(of("AccessDenied: could not read s3://devmin-dev-min-evidence-123456789012/oracle/day1.parquet")
                .describe()).isEqualTo("identity (AccessDenied on s3://devmin-dev-min-evidence-123456789012/oracle/"
                + "day1.parquet)");
    }

    @Test
    void aMissingJavaClassIsNamed() {
        assertThat(of("Exception in thread \"main\" java.lang.NoClassDefFoundError:"
                + " org/apache/kafka/clients/producer/KafkaProducer").describe())
                .isEqualTo("artifact (missing dependency on org/apache/kafka/clients/producer/KafkaProducer)");
    }

    @Test
    void aFailureNothingExplainsIsCalledUnclassified() {
        assertThat(FailureClassifier.classify(List.of("Essential container in task exited"), OptionalInt.of(1))
                .describe()).isEqualTo("unclassified");
    }

    @Test
    void anEmptySecretValueIsNotRedactedEverywhereAndIsNotCounted() {
        Map<String, String> values = new HashMap<>();
        values.put("", "SSM_EMPTY_PATH");
        values.put("s3cr3t", "SSM_CONFLUENT_API_SECRET_PATH");

        Redactor redactor = Redactor.of(values);

        assertThat(redactor.redact("login s3cr3t failed")).isEqualTo("login [redacted:SSM_CONFLUENT_API_SECRET_PATH]"
                + " failed");
        assertThat(redactor.size()).isEqualTo(1);
        assertThat(Redactor.of(Map.of("a1", "A", "b2", "B")).size()).isEqualTo(2);
    }

    /** Whatever order the values come in, a value containing another is replaced whole, not around the shorter. */
    @Test
    void aLongerSecretIsRedactedWholeEvenWhenAShorterOneInsideItComesFirst() {
        Map<String, String> shortFirst = new LinkedHashMap<>();
        shortFirst.put("abc", "SHORT");
        shortFirst.put("abcdef", "LONG");

        assertThat(Redactor.of(shortFirst).redact("x abcdef y abc")).isEqualTo("x [redacted:LONG] y [redacted:SHORT]");
    }
}
