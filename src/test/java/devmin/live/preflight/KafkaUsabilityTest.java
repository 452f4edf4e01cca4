package devmin.live.preflight;

import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.testing.LocalKafka;
import org.apache.kafka.common.acl.AclOperation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kafka usability check against an in-process Kafka 4.3.1 broker with a SASL PLAIN listener on 127.0.0.1. */
class KafkaUsabilityTest {

    static LocalKafka kafka;
    static final List<String> GRANTED = List.of("ingress.traffic.v1", "platform.readiness.v1");
    static final KafkaUsability CHECK = new KafkaUsability(Duration.ofSeconds(5));

    @BeforeAll
    static void start() throws Exception {
        kafka = new LocalKafka();
        kafka.topics(List.of("ingress.traffic.v1", "platform.readiness.v1", "case.labels.v1"), Set.copyOf(GRANTED),
                List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE));
        kafka.topics(List.of("platform.describe-only.v1"), Set.of("platform.describe-only.v1"),
                List.of(AclOperation.DESCRIBE));
        kafka.topics(List.of("platform.write-only.v1"), Set.of("platform.write-only.v1"),
                List.of(AclOperation.DESCRIBE, AclOperation.WRITE));
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
    }

    static KafkaUsability.Connection runtime(String secret) {
        return new KafkaUsability.Connection("SASL_SSL://" + kafka.bootstrap(), LocalKafka.RUNTIME, secret,
                "SASL_PLAINTEXT");
    }

    @Test
    void goodCredentialsDescribeEveryTopicAndRoundTripAProbe() {
        CheckResult result = CHECK.check(runtime(LocalKafka.RUNTIME_SECRET), GRANTED, "platform.readiness.v1",
                new CallLog());

        assertThat(result.status()).as(result.message()).isEqualTo(CheckStatus.PASS);
        assertThat(result.message()).isEqualTo("2 topics described; probe produced and consumed on platform.readiness.v1");
        assertThat(result.apiCalls()).contains("kafka:Produce platform.readiness.v1", "kafka:Fetch platform.readiness.v1");
    }

    @Test
    void withoutAReadinessTopicNothingIsProducedOrSaidToBe() {
        CheckResult result = CHECK.check(runtime(LocalKafka.RUNTIME_SECRET), GRANTED, "", new CallLog());

        assertThat(result.status()).as(result.message()).isEqualTo(CheckStatus.PASS);
        assertThat(result.message()).isEqualTo("2 topics described");
        assertThat(result.apiCalls()).noneMatch(call -> call.startsWith("kafka:Produce"));
    }

    @Test
    void aProbeThePrincipalMayNotWriteOrReadBackIsABlockerNamingTheTopic() {
        CheckResult cannotWrite = CHECK.check(runtime(LocalKafka.RUNTIME_SECRET), List.of("platform.describe-only.v1"),
                "platform.describe-only.v1", new CallLog());
        CheckResult cannotRead = CHECK.check(runtime(LocalKafka.RUNTIME_SECRET), List.of("platform.write-only.v1"),
                "platform.write-only.v1", new CallLog());

        assertThat(cannotWrite.status()).as(cannotWrite.message()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(cannotWrite.found()).anySatisfy(f -> assertThat(f).contains("platform.describe-only.v1"));
        assertThat(cannotWrite.apiCalls()).contains("kafka:Produce platform.describe-only.v1")
                .doesNotContain("kafka:Fetch platform.describe-only.v1");
        assertThat(cannotRead.status()).as(cannotRead.message()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(cannotRead.found()).anySatisfy(f -> assertThat(f).contains("platform.write-only.v1"));
        assertThat(cannotRead.apiCalls()).contains("kafka:Fetch platform.write-only.v1");
    }

    @Test
    void aWrongPasswordIsRefusedByTheBrokerNamingAuthentication() {
        CheckResult result = CHECK.check(runtime("not-the-secret"), GRANTED, "platform.readiness.v1", new CallLog());

        // the broker's refusal, not the check's timeout (which is UNVERIFIED "no answer from … within … ms")
        assertThat(result.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(result.message()).contains("authentication failed").doesNotContain("no answer from")
                .doesNotContain("not-the-secret");
    }

    @Test
    void aMissingTopicIsNamed() {
        CheckResult result = CHECK.check(runtime(LocalKafka.RUNTIME_SECRET),
                List.of("ingress.traffic.v1", "no.such.topic.v1"), "", new CallLog());

        assertThat(result.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(result.found()).anySatisfy(f -> assertThat(f).contains("no.such.topic.v1"));
    }

    @Test
    void aMissingAclIsNamed() {
        CheckResult result = CHECK.check(runtime(LocalKafka.RUNTIME_SECRET), List.of("case.labels.v1"), "",
                new CallLog());

        assertThat(result.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(result.message()).contains("case.labels.v1");
        assertThat(result.found()).containsExactly("missing ACL: the runtime principal may not use case.labels.v1");
    }

    @Test
    void aDeadEndpointFailsAtTheChecksTimeoutAsUnverified() {
        var dead = new KafkaUsability.Connection("127.0.0.1:1", "k", "s", "SASL_PLAINTEXT");
        CheckResult result = new KafkaUsability(Duration.ofSeconds(2)).check(dead, GRANTED, "", new CallLog());

        assertThat(result.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(result.message()).isEqualTo("no answer from 127.0.0.1:1 within 2000 ms (endpoint unreachable?)");
    }

    /**
     * Kafka answers TOPIC_AUTHORIZATION_FAILED for a topic the principal may not describe, whether or not it exists
     * (it does not reveal which topics exist), so an ungranted topic is a missing ACL, and every one is named.
     */
    @Test
    void everyTopicThePrincipalMayNotDescribeIsNamedAndTheDescribeIsLogged() {
        CallLog log = new CallLog();
        CheckResult result = CHECK.check(runtime(LocalKafka.RUNTIME_SECRET),
                List.of("no.such.topic.v1", "ingress.traffic.v1", "case.labels.v1"), "", log);

        assertThat(result.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(result.found()).containsExactly("missing ACL: the runtime principal may not use no.such.topic.v1",
                "missing ACL: the runtime principal may not use case.labels.v1");
        assertThat(result.apiCalls()).contains("kafka:DescribeTopics 3 topics");
    }
}
