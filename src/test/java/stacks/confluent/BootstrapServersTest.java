package stacks.confluent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Lanes get {@code bootstrap.servers} as Kafka clients take it: host:port, no protocol. */
class BootstrapServersTest {

    @Test
    void theProtocolConfluentReportsIsStripped() {
        assertThat(BootstrapServers.hostPorts("SASL_SSL://pkc-abc12.eu-west-2.aws.confluent.cloud:9092"))
                .isEqualTo("pkc-abc12.eu-west-2.aws.confluent.cloud:9092");
    }

    @Test
    void everyEntryOfAListIsStrippedAndBlanksDropped() {
        assertThat(BootstrapServers.hostPorts("SASL_SSL://a:9092, SASL_SSL://b:9092,"))
                .isEqualTo("a:9092,b:9092");
    }

    @Test
    void aPlainHostPortIsKept() {
        assertThat(BootstrapServers.hostPorts("broker.internal:9092")).isEqualTo("broker.internal:9092");
    }

    /** split(",") keeps empty entries between commas (only trailing ones go), so those must be dropped too. */
    @Test
    void anEmptyEntryBetweenCommasIsDropped() {
        assertThat(BootstrapServers.hostPorts("SASL_SSL://a:9092,, ,SASL_SSL://b:9092")).isEqualTo("a:9092,b:9092");
    }
}
