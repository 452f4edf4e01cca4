package stacks.confluent;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Confluent Cloud reports a cluster's bootstrap endpoint with its protocol ({@code SASL_SSL://pkc-….confluent.cloud:9092});
 * Kafka clients take {@code bootstrap.servers} as a plain {@code host:port} list, and not every client strips the
 * scheme, so lanes are given the list without it.
 */
public final class BootstrapServers {

    private BootstrapServers() {
    }

    /** {@code SASL_SSL://a:9092,SASL_SSL://b:9092} becomes {@code a:9092,b:9092}; a plain list stays as it is. */
    public static String hostPorts(String endpoint) {
        return Arrays.stream(endpoint.split(","))
                .map(String::trim)
                .filter(part -> !part.isEmpty())
                .map(part -> part.contains("://") ? part.substring(part.indexOf("://") + 3) : part)
                .collect(Collectors.joining(","));
    }
}
