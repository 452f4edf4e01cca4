package devmin.live.preflight;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import devmin.evidence.Provenance;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsSettings;
import devmin.testing.LocalKafka;
import org.apache.kafka.common.acl.AclOperation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import devmin.testing.CommittedHandles;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.Placeholders;
import stacks.spec.SpecParser;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static devmin.live.AwsWire.*;
import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole preflight envelope: AWS answers from WireMock, Kafka from an in-process SASL broker. */
class PreflightTest {

    static WireMockServer server;
    static LocalKafka kafka;
    static EnvironmentSpec spec;
    AwsClients aws;

    @BeforeAll
    static void start() throws Exception {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        spec = SpecParser.parse(ConfigSource.of(committedConfig().values()), "devmin", "dev-min");
        kafka = new LocalKafka();
        List<String> topics = new ArrayList<>(Preflight.catalogTopics(spec));
        topics.add(spec.confluent().readinessTopic());
        kafka.topics(topics, Set.copyOf(topics), List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE));
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        kafka.close();
    }

    @BeforeEach
    void ready() {
        server.resetAll();
        server.stubFor(query("GetCallerIdentity", "2011-06-15").atPriority(10).willReturn(xml(
                "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                        + "<Arn>arn:aws:sts::123456789012:assumed-role/devmin-dev-min-gha-window/ci</Arn>"
                        + "<UserId>AROAEXAMPLE:ci</UserId><Account>123456789012</Account></GetCallerIdentityResult>"
                        + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>")));
        server.stubFor(json("AmazonEC2ContainerRegistry_V20150921.DescribeImages").atPriority(10).willReturn(jsonBody(
                "{\"imageDetails\":[{\"repositoryName\":\"fraud-platform\",\"imageDigest\":\"" + spec.image().digest()
                        + "\",\"imageTags\":[\"" + spec.image().tag() + "\"]}]}")));
        server.stubFor(json("AmazonSSM.DescribeParameters").atPriority(10).willReturn(jsonBody(
                CommittedHandles.describeParametersBody())));
        server.stubFor(json("AmazonSSM.GetParameters").atPriority(10)
                .withRequestBody(matchingJsonPath("$.Names[?(@ == '" + CommittedHandles.PREFLIGHT_KEY + "')]"))
                .willReturn(jsonBody("{\"Parameters\":["
                + "{\"Name\":\"" + CommittedHandles.BOOTSTRAP + "\",\"Type\":\"SecureString\",\"Value\":\"SASL_SSL://"
                + kafka.bootstrap() + "\"},"
                + "{\"Name\":\"" + CommittedHandles.PREFLIGHT_KEY + "\",\"Type\":\"SecureString\",\"Value\":\""
                + LocalKafka.RUNTIME + "\"},{\"Name\":\"" + CommittedHandles.PREFLIGHT_SECRET
                + "\",\"Type\":\"SecureString\",\"Value\":\"" + LocalKafka.RUNTIME_SECRET
                + "\"}],\"InvalidParameters\":[]}")));
        server.stubFor(head(urlPathEqualTo("/devmin-dev-min-evidence-123456789012")).atPriority(10)
                .willReturn(bucketHead()));
        aws = new AwsClients(new AwsSettings(Optional.of(URI.create(server.baseUrl())), 3, Duration.ofMillis(10),
                Duration.ofSeconds(10)));
    }

    @AfterEach
    void noUnmatched() {
        aws.close();
        assertThat(server.findAllUnmatchedRequests()).isEmpty();
    }

    Verdict preflight() {
        return preflight(Placeholders.in(devmin.testing.Fixtures.filledIn(committedConfig()).source()));
    }

    /** The AWS answers are for the committed spec; the placeholder check judges the config's example values. */
    Verdict preflight(List<Placeholders.Placeholder> placeholders) {
        return new Preflight(aws, spec, placeholders).run(new KafkaUsability(Duration.ofSeconds(20)), "SASL_PLAINTEXT", 5, 60_000,
                Provenance.start(Path.of("."), "dev-min", spec.image().tag(), spec.image().digest()));
    }

    static CheckResult check(Verdict verdict, String name) {
        return verdict.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everythingReadyPasses() {
        Verdict verdict = preflight();

        assertThat(verdict.blockers()).isEmpty();
        assertThat(verdict.checks()).extracting(CheckResult::name)
                .containsExactly("placeholders", "caller-identity", "image", "handles", "evidence-bucket", "kafka");
        assertThat(check(verdict, "placeholders").status()).isEqualTo(CheckStatus.PASS);
        assertThat(check(verdict, "placeholders").apiCalls()).isEmpty();
        assertThat(check(verdict, "caller-identity").message()).isEqualTo("caller is in account 123456789012");
        assertThat(check(verdict, "image").apiCalls()).containsExactly("ecr:DescribeImages");
        assertThat(verdict.toJson().toString()).doesNotContain(LocalKafka.RUNTIME_SECRET);
        server.verify(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerRegistry_V20150921.DescribeImages"))
                .withRequestBody(matchingJsonPath("$.repositoryName", equalTo("fraud-platform")))
                .withRequestBody(matchingJsonPath("$.imageIds[0].imageTag", equalTo(spec.image().tag()))));
    }

    @Test
    void theCommittedFilesExampleValuesAreABlockerNamingEachKeyValueAndLine() {
        Verdict verdict = preflight(Placeholders.in(committedConfig().source()));

        CheckResult placeholders = check(verdict, "placeholders");
        assertThat(placeholders.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(placeholders.found()).hasSize(5).allSatisfy(found -> assertThat(found)
                .matches("Pulumi\\.dev-min\\.yaml:\\d+: devmin:\\S+ is still the example value '.+' \\(.+\\)"));
        assertThat(placeholders.message()).contains("devmin:awsAccountId is still the example value '123456789012'")
                .contains("devmin:budget.recipients[0] is still the example value 'platform-alerts@example.com'")
                .contains("devmin:ci.repository", "devmin:ci.githubOwnerId", "devmin:ci.githubRepoId");
        assertThat(verdict.blockers()).isNotEmpty();
        assertThat(verdict.checks()).filteredOn(c -> !c.name().equals("placeholders"))
                .extracting(CheckResult::status).containsOnly(CheckStatus.PASS);
    }

    @Test
    void aMissingHandleIsABlockerNamingIt() {
        List<String> withoutIngressKey = new ArrayList<>(CommittedHandles.allPaths());
        withoutIngressKey.remove("/devmin/dev_min/ig/api_key");
        server.stubFor(json("AmazonSSM.DescribeParameters").atPriority(1).willReturn(jsonBody(
                CommittedHandles.describeParametersBody(withoutIngressKey))));

        CheckResult handles = check(preflight(), "handles");

        assertThat(handles.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(handles.found()).containsExactly("missing /devmin/dev_min/ig/api_key");
    }

    @Test
    void anUnreachableBucketIsUnverified() {
        server.stubFor(head(urlPathEqualTo("/devmin-dev-min-evidence-123456789012")).atPriority(1)
                .willReturn(aResponse().withStatus(403)));

        CheckResult bucket = check(preflight(), "evidence-bucket");

        assertThat(bucket.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(bucket.message()).startsWith("s3:HeadBucket: access denied");
    }

    @Test
    void anEmptyImageAnswerIsNotAMissingTagButUnverified() {
        server.stubFor(json("AmazonEC2ContainerRegistry_V20150921.DescribeImages").atPriority(1)
                .willReturn(jsonBody("{}")));

        CheckResult image = check(preflight(), "image");

        assertThat(image.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(image.message()).contains("ecr:DescribeImages").contains("imageDetails");
    }

    @Test
    void aTagPointingAtAnotherDigestIsABlocker() {
        String other = "sha256:" + "0".repeat(64);
        server.stubFor(json("AmazonEC2ContainerRegistry_V20150921.DescribeImages").atPriority(1).willReturn(jsonBody(
                "{\"imageDetails\":[{\"imageDigest\":\"" + other + "\",\"imageTags\":[\"" + spec.image().tag() + "\"]}]}")));

        Verdict verdict = preflight();

        CheckResult image = verdict.checks().stream().filter(c -> c.name().equals("image")).findFirst().orElseThrow();
        assertThat(image.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(image.message()).contains(other).contains(spec.image().digest());
        assertThat(verdict.exitCode()).isEqualTo(1);
    }

    @Test
    void theWrongAccountIsABlocker() {
        server.stubFor(query("GetCallerIdentity", "2011-06-15").atPriority(1).willReturn(xml(
                "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                        + "<Arn>arn:aws:iam::999999999999:user/x</Arn><UserId>AIDA</UserId><Account>999999999999</Account>"
                        + "</GetCallerIdentityResult></GetCallerIdentityResponse>")));

        CheckResult identity = check(preflight(), "caller-identity");

        assertThat(identity.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(identity.found()).containsExactly("credentials are for account 999999999999, the stack is"
                + " 123456789012");
    }

    @Test
    void aMissingImageTagIsABlocker() {
        server.stubFor(json("AmazonEC2ContainerRegistry_V20150921.DescribeImages").atPriority(1)
                .willReturn(jsonError(400, "ImageNotFoundException")));

        CheckResult image = check(preflight(), "image");

        assertThat(image.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(image.found()).containsExactly("tag " + spec.image().tag() + " is not in fraud-platform");
    }

    /** ECR API reference, DescribeImages: RepositoryNotFoundException when the repository does not exist. */
    @Test
    void aMissingRepositoryIsABlockerNamingIt() {
        server.stubFor(json("AmazonEC2ContainerRegistry_V20150921.DescribeImages").atPriority(1)
                .willReturn(jsonError(400, "RepositoryNotFoundException")));

        CheckResult image = check(preflight(), "image");

        assertThat(image.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(image.found()).containsExactly("repository fraud-platform does not exist (deploy the core layer"
                + " first)");
    }
}
