package devmin.live.preflight;

import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the lanes could use Kafka right now, with the runtime credentials: every catalog topic the lanes use is
 * described, and a probe record is produced to and consumed from the readiness topic. Every client timeout is the
 * check's own, so a dead endpoint fails at the check's timeout, not the client's 60 s default. Credentials are never
 * printed; failures are named by cause (authentication, missing topic, missing ACL, no answer).
 */
public final class KafkaUsability {

    /** The runtime connection: bootstrap, key and secret as read from the SSM handles. */
    public record Connection(String bootstrap, String key, String secret, String securityProtocol) {
        @Override
        public String toString() {
            return "Connection[" + bootstrap + ", " + securityProtocol + "]";
        }
    }

    /** Why Kafka is not usable; {@link Kind#NO_ANSWER} leaves the check unverified, the others are blockers. */
    record Problem(Kind kind, String text) {
        enum Kind { AUTHENTICATION, MISSING_TOPIC, MISSING_ACL, NO_ANSWER, OTHER }
    }

    private final Duration timeout;

    public KafkaUsability(Duration timeout) {
        this.timeout = timeout;
    }

    public CheckResult check(Connection connection, List<String> topics, String readinessTopic, CallLog log) {
        Properties props = properties(connection);
        List<Problem> found = new ArrayList<>();
        try (Admin admin = Admin.create(props)) {
            log.note("kafka:DescribeTopics " + topics.size() + " topics");
            var described = admin.describeTopics(topics).topicNameValues();
            for (String topic : topics) {
                try {
                    described.get(topic).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    found.add(cause(topic, e.getCause()));
                }
            }
            var authentication = found.stream().filter(f -> f.kind() == Problem.Kind.AUTHENTICATION).findFirst();
            if (authentication.isPresent()) {
                return blocker(List.of(authentication.get()), log);
            }
            if (!readinessTopic.isEmpty() && found.isEmpty()) {
                probe(props, readinessTopic, log).ifPresent(found::add);
            }
        } catch (TimeoutException e) {
            return new CheckResult("kafka", "kafka", CheckStatus.UNVERIFIED, "no answer from " + connection.bootstrap()
                    + " within " + timeout.toMillis() + " ms (endpoint unreachable?)", log.calls(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CheckResult("kafka", "kafka", CheckStatus.UNVERIFIED, "interrupted", log.calls(), List.of());
        }
        List<String> texts = found.stream().map(Problem::text).toList();
        if (found.stream().anyMatch(f -> f.kind() == Problem.Kind.NO_ANSWER)) {
            return new CheckResult("kafka", "kafka", CheckStatus.UNVERIFIED, String.join("; ", texts), log.calls(),
                    texts);
        }
        return texts.isEmpty() ? log.pass("kafka", "kafka", topics.size() + " topics described"
                + (readinessTopic.isEmpty() ? "" : "; probe produced and consumed on " + readinessTopic))
                : blocker(found, log);
    }

    private java.util.Optional<Problem> probe(Properties props, String topic, CallLog log)
            throws InterruptedException, TimeoutException {
        String marker = "devmin-preflight-" + UUID.randomUUID();
        RecordMetadata written;
        Properties producerProps = new Properties();
        producerProps.putAll(props);
        producerProps.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        producerProps.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            log.note("kafka:Produce " + topic);
            written = producer.send(new ProducerRecord<>(topic, "devmin-preflight", marker))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return java.util.Optional.of(cause(topic, e.getCause()));
        } catch (org.apache.kafka.common.KafkaException e) {
            return java.util.Optional.of(cause(topic, e));
        }
        Properties consumerProps = new Properties();
        consumerProps.putAll(props);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            log.note("kafka:Fetch " + topic);
            TopicPartition partition = new TopicPartition(topic, written.partition());
            consumer.assign(List.of(partition));
            consumer.seek(partition, written.offset());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (marker.equals(record.value())) {
                        return java.util.Optional.empty();
                    }
                }
            }
            return java.util.Optional.of(new Problem(Problem.Kind.NO_ANSWER, "no answer: the probe record was not"
                    + " read back from " + topic + " within " + timeout.toMillis() + " ms"));
        } catch (org.apache.kafka.common.KafkaException e) {
            return java.util.Optional.of(cause(topic, e));
        }
    }

    private Properties properties(Connection connection) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrap().replaceFirst("^[A-Z_]+://", ""));
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, connection.securityProtocol());
        props.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        props.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"" + jaas(connection.key()) + "\" password=\"" + jaas(connection.secret()) + "\";");
        int millis = (int) timeout.toMillis();
        props.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis);
        props.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.RETRIES_CONFIG, 1);
        props.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (long) Math.min(millis, 5_000));
        props.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (long) millis);
        props.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000L);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, "devmin-preflight");
        return props;
    }

    private static String jaas(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static Problem cause(String topic, Throwable e) {
        if (e instanceof SaslAuthenticationException) {
            return new Problem(Problem.Kind.AUTHENTICATION,
                    "authentication failed: the runtime API key or secret was rejected");
        }
        if (e instanceof UnknownTopicOrPartitionException) {
            return new Problem(Problem.Kind.MISSING_TOPIC, "topic missing: " + topic);
        }
        if (e instanceof TopicAuthorizationException || e instanceof AuthorizationException) {
            return new Problem(Problem.Kind.MISSING_ACL, "missing ACL: the runtime principal may not use " + topic);
        }
        if (e instanceof org.apache.kafka.common.errors.TimeoutException) {
            return new Problem(Problem.Kind.NO_ANSWER, "no answer about " + topic + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        return new Problem(Problem.Kind.OTHER, topic + ": " + e.getClass().getSimpleName());
    }

    private static CheckResult blocker(List<Problem> found, CallLog log) {
        List<String> texts = found.stream().map(Problem::text).toList();
        return new CheckResult("kafka", "kafka", CheckStatus.BLOCKER, String.join("; ", texts), log.calls(), texts);
    }

}
