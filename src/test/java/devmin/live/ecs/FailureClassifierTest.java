package devmin.live.ecs;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One stop reason can carry several markers (ECS Developer Guide, "Amazon ECS stopped task error messages"): the
 * layer that explains it wins, and only a shape that cannot hold a credential is named as the subject.
 */
class FailureClassifierTest {

    static Classification of(String text) {
        return FailureClassifier.classify(List.of(text), OptionalInt.empty());
    }

    @Test
    void aPullRefusedForItsCredentialsIsIdentityNotArtifact() {
        assertThat(of("CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve"
                + " ref: unexpected status from HEAD request: 403 Forbidden").layer()).isEqualTo(FailureLayer.IDENTITY);
    }

    @Test
    void aPullThatCannotReachTheRegistryIsWiringNotArtifact() {
        assertThat(of("CannotPullContainerError: Error response from daemon: Get https://123456789012.dkr.ecr"
                + ".eu-west-2.amazonaws.com/v2/: dial tcp 52.94.48.1:443: i/o timeout").layer())
                .isEqualTo(FailureLayer.WIRING);
    }

    @Test
    void aPullOfAnImageThatIsNotThereIsArtifact() {
        assertThat(of("CannotPullContainerError: ref pull has been retried: failed to resolve ref: not found"))
                .isEqualTo(new Classification(FailureLayer.ARTIFACT, "CannotPullContainerError",
                        java.util.Optional.empty()));
    }

    @Test
    void theRefusedResourceIsNamedNotTheCaller() {
        Classification denied = of("User: arn:aws:sts::123456789012:assumed-role/devmin-dev-min-lane-ig/abc is not"
                + " authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:eu-west-2:123456789012:parameter"
                + "/devmin/dev_min/ig/api_key because no identity-based policy allows the ssm:GetParameter action");

        assertThat(denied.describe()).isEqualTo("identity (not authorized on arn:aws:ssm:eu-west-2:123456789012:"
                + "parameter/devmin/dev_min/ig/api_key)");
    }

    @Test
    void exitCodesSpeakWhenTheWordsDoNot() {
        assertThat(FailureClassifier.classify(List.of("Essential container in task exited"), OptionalInt.of(127))
                .layer()).isEqualTo(FailureLayer.ARTIFACT);
        assertThat(FailureClassifier.classify(List.of("Essential container in task exited"), OptionalInt.of(137))
                .layer()).isEqualTo(FailureLayer.CAPACITY);
        assertThat(FailureClassifier.classify(List.of("Essential container in task exited"), OptionalInt.of(1)))
                .isEqualTo(Classification.unclassified());
    }

    @Test
    void aKafkaLoginLineNamesNoSubjectSoItsSecretCannotLeakThroughIt() {
        Classification refused = of("sasl.password=s3cr3t-value rejected: SaslAuthenticationException:"
                + " Authentication failed");

        assertThat(refused.layer()).isEqualTo(FailureLayer.IDENTITY);
        assertThat(refused.subject()).isEmpty();
    }

    @Test
    void theRedactorReplacesEveryKnownValueWholeLongestFirst() {
        Redactor redactor = Redactor.of(Map.of("abc", "SHORT", "abcdef", "LONG"));

        assertThat(redactor.redact("x abcdef y abc z")).isEqualTo("x [redacted:LONG] y [redacted:SHORT] z");
        assertThat(Redactor.none().redact("abc")).isEqualTo("abc");
    }
}
