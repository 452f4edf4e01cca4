package devmin.live.preflight;

import devmin.live.preflight.KafkaUsability.Problem;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a Kafka client error is named (the error classes the Kafka protocol maps its error codes to:
 * SASL_AUTHENTICATION_FAILED, UNKNOWN_TOPIC_OR_PARTITION, TOPIC/GROUP_AUTHORIZATION_FAILED, REQUEST_TIMED_OUT).
 */
class KafkaProblemCauseTest {

    static final String TOPIC = "ingress.traffic.v1";

    @Test
    void aRejectedKeyIsAuthenticationAndNeverQuotesTheClientsMessage() {
        Problem p = KafkaUsability.cause(TOPIC, new SaslAuthenticationException("Authentication failed for key"
                + " CANARYKEY during SASL handshake"));

        assertThat(p).isEqualTo(new Problem(Problem.Kind.AUTHENTICATION,
                "authentication failed: the runtime API key or secret was rejected"));
    }

    @Test
    void anUnknownTopicIsAMissingTopic() {
        assertThat(KafkaUsability.cause(TOPIC, new UnknownTopicOrPartitionException("x")))
                .isEqualTo(new Problem(Problem.Kind.MISSING_TOPIC, "topic missing: " + TOPIC));
    }

    @Test
    void aTopicOrGroupAuthorizationFailureIsAMissingAcl() {
        Problem expected = new Problem(Problem.Kind.MISSING_ACL, "missing ACL: the runtime principal may not use "
                + TOPIC);

        assertThat(KafkaUsability.cause(TOPIC, new TopicAuthorizationException(Set.of(TOPIC)))).isEqualTo(expected);
        assertThat(KafkaUsability.cause(TOPIC, new GroupAuthorizationException("group"))).isEqualTo(expected);
    }

    @Test
    void aClientTimeoutIsNoAnswer() {
        assertThat(KafkaUsability.cause(TOPIC, new TimeoutException("Timed out waiting for a node assignment")))
                .isEqualTo(new Problem(Problem.Kind.NO_ANSWER, "no answer about " + TOPIC + " (TimeoutException)"));
    }

    @Test
    void anyOtherErrorIsNamedByItsClassOnly() {
        assertThat(KafkaUsability.cause(TOPIC, new NetworkException("connection to pkc-secret:9092 reset")))
                .isEqualTo(new Problem(Problem.Kind.OTHER, TOPIC + ": NetworkException"));
    }
}
