package devmin.testing;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * An in-process single-node KRaft Kafka broker on 127.0.0.1 with a SASL_PLAINTEXT PLAIN listener and ACLs enforced:
 * user {@code admin} is a super user, {@code runtime} gets only the ACLs a test grants. No Docker.
 */
public final class LocalKafka implements AutoCloseable {

    public static final String ADMIN = "admin";
    public static final String ADMIN_SECRET = "admin-secret";
    public static final String RUNTIME = "runtime";
    public static final String RUNTIME_SECRET = "runtime-secret";

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDir;

    public LocalKafka() throws Exception {
        this.port = freePort();
        int controllerPort = freePort();
        this.logDir = Files.createTempDirectory("devmin-kafka");
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        props.put("sasl.enabled.mechanisms", "PLAIN");
        props.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        props.put("listener.name.sasl_plaintext.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                        + "\" password=\"" + ADMIN_SECRET + "\" user_" + ADMIN + "=\"" + ADMIN_SECRET + "\" user_"
                        + RUNTIME + "=\"" + RUNTIME_SECRET + "\";");
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
        props.put("allow.everyone.if.no.acl.found", "false");
        props.put("log.dirs", logDir.toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("num.partitions", "1");
        new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setClusterId(Uuid.randomUuid().toString()).setNodeId(1)
                .setDirectories(List.of(logDir.toString())).setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName("CONTROLLER").setReleaseVersion(MetadataVersion.latestProduction()).run();
        this.server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
        server.startup();
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    public Properties clientProperties(String user, String secret) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        props.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        props.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"" + user + "\" password=\"" + secret + "\";");
        return props;
    }

    /** Creates topics (as admin) and lets the runtime user do {@code operations} on each of {@code granted}. */
    public void topics(List<String> topics, Set<String> granted, List<AclOperation> operations) throws Exception {
        try (Admin admin = Admin.create(clientProperties(ADMIN, ADMIN_SECRET))) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, 1, (short) 1)).toList()).all().get();
            List<AclBinding> acls = new ArrayList<>();
            for (String topic : granted) {
                for (AclOperation operation : operations) {
                    acls.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                            new AccessControlEntry("User:" + RUNTIME, "*", operation, AclPermissionType.ALLOW)));
                }
            }
            if (!acls.isEmpty()) {
                admin.createAcls(acls).all().get();
            }
        }
        if (operations.contains(AclOperation.DESCRIBE) && !granted.isEmpty()) {
            awaitVisibleToRuntime(granted);
        }
    }

    /**
     * The broker's authorizer applies new ACLs from its metadata log a moment after they are acknowledged: wait until
     * the runtime user can really describe what it was granted, so a test never races the broker.
     */
    private void awaitVisibleToRuntime(Set<String> granted) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        try (Admin runtime = Admin.create(clientProperties(RUNTIME, RUNTIME_SECRET))) {
            while (true) {
                try {
                    runtime.describeTopics(granted).allTopicNames().get(10, java.util.concurrent.TimeUnit.SECONDS);
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
        server.awaitShutdown();
        try (var files = Files.walk(logDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
