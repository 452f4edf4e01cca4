package devmin.live.moto;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.live.preflight.Preflight;
import devmin.testing.CommittedHandles;
import devmin.testing.LocalKafka;
import devmin.testing.Moto;
import org.apache.kafka.common.acl.AclOperation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code preflight} against moto for AWS and the in-process SASL broker for Kafka. */
class MotoPreflightIT {

    static Moto moto;
    static LocalKafka kafka;
    static EnvironmentSpec spec;
    /**
     * The committed project with its example values filled in, all but the account id: moto answers as account
     * 123456789012, AWS's documented example id, so a stack pointed at moto still holds that one placeholder, and
     * every preflight here also shows the placeholder check blocking on exactly it.
     */
    static Path project;
    MotoAccount account;

    @BeforeAll
    static void start() throws Exception {
        moto = Moto.server();
        project = Files.createTempDirectory("devmin-moto-preflight");
        Files.copy(Path.of("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Files.writeString(project.resolve("Pulumi.dev-min.yaml"), devmin.testing.Fixtures.filledInFile(
                Files.readString(Path.of("Pulumi.dev-min.yaml"))).replace("\"210987654321\"", "\"123456789012\""));
        spec = SpecParser.parse(ConfigSource.of(committedConfig().values()), "devmin", "dev-min");
        kafka = new LocalKafka();
        List<String> topics = new ArrayList<>(Preflight.catalogTopics(spec));
        topics.add(spec.confluent().readinessTopic());
        kafka.topics(topics, Set.copyOf(topics), List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE));
        System.setProperty("aws.endpointUrl", moto.endpoint().toString());
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "moto");
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
    }

    @BeforeEach
    void readyAccount() {
        moto.reset();
        account = new MotoAccount(moto.endpoint(), MotoAccount.REGION);
        account.evidenceBucket().repositoryWithImage(spec.image().tag(), spec.image().digest());
        CommittedHandles.allPaths().forEach(path -> account.handle(path, "value-of-" + path));
        account.handle(CommittedHandles.BOOTSTRAP, "SASL_SSL://" + kafka.bootstrap())
                .handle(CommittedHandles.PREFLIGHT_KEY, LocalKafka.RUNTIME)
                .handle(CommittedHandles.PREFLIGHT_SECRET, LocalKafka.RUNTIME_SECRET)
                .handle("/devmin/dev_min/ig/api_key", "ig-key-canary-7d1f");
    }

    @AfterEach
    void close() {
        account.close();
    }

    MotoTeardownIT.Run preflight(Path out) throws IOException {
        return MotoTeardownIT.run(out, "preflight_snapshot.json", "preflight", "--project-dir", project.toString(),
                "--kafka-security-protocol", "SASL_PLAINTEXT", "--kafka-timeout", "5000");
    }

    @Test
    void aReadyAccountPassesEveryLiveCheckAndNoSecretIsWritten(@TempDir Path out) throws IOException {
        MotoTeardownIT.Run run = preflight(out);

        assertThat(run.nonPassing()).as(run.stdout() + run.stderr()).containsExactly("placeholders");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.verdict().get("checks")).extracting(c -> c.get("name").asText())
                .containsExactly("placeholders", "caller-identity", "image", "handles", "evidence-bucket", "kafka");
        assertThat(run.verdict().get("checks").get(0).get("found")).extracting(JsonNode::asText).singleElement()
                .asString().contains("devmin:awsAccountId is still the example value '123456789012'");
        String everything = run.stdout() + run.stderr() + run.verdict();
        try (var files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                everything += Files.readString(file);
            }
        }
        assertThat(everything).doesNotContain(LocalKafka.RUNTIME_SECRET).doesNotContain("ig-key-canary-7d1f");
    }

    @Test
    void aTagThatPointsAtAnotherDigestIsABlocker(@TempDir Path out) throws IOException {
        account.ecr.deleteRepository(b -> b.repositoryName(MotoAccount.REPOSITORY).force(true));
        String other = "sha256:" + "0".repeat(64);
        account.repositoryWithImage(spec.image().tag(), other);

        MotoTeardownIT.Run run = preflight(out);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.nonPassing()).containsExactly("placeholders", "image");
        assertThat(run.check("image").get("message").asText()).contains(other).contains(spec.image().digest());
    }

    @Test
    void aMissingTagIsABlocker(@TempDir Path out) throws IOException {
        account.ecr.deleteRepository(b -> b.repositoryName(MotoAccount.REPOSITORY).force(true));
        account.ecr.createRepository(b -> b.repositoryName(MotoAccount.REPOSITORY));

        MotoTeardownIT.Run run = preflight(out);

        assertThat(run.nonPassing()).containsExactly("placeholders", "image");
        assertThat(run.check("image").get("found")).extracting(JsonNode::asText)
                .containsExactly("tag " + spec.image().tag() + " is not in fraud-platform");
    }

    @Test
    void aMissingHandleIsABlockerNamingIt(@TempDir Path out) throws IOException {
        account.ssm.deleteParameter(b -> b.name("/devmin/dev_min/ig/api_key"));

        MotoTeardownIT.Run run = preflight(out);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.nonPassing()).containsExactly("placeholders", "handles");
        assertThat(run.check("handles").get("found")).extracting(JsonNode::asText)
                .containsExactly("missing /devmin/dev_min/ig/api_key");
    }

    @Test
    void aMissingProbeCredentialIsAKafkaBlocker(@TempDir Path out) throws IOException {
        account.ssm.deleteParameter(b -> b.name(CommittedHandles.PREFLIGHT_SECRET));

        MotoTeardownIT.Run run = preflight(out);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.check("kafka").get("found")).extracting(JsonNode::asText)
                .containsExactly("missing " + CommittedHandles.PREFLIGHT_SECRET);
    }
}
