package devmin.cli;

import org.mockito.ArgumentMatchers;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.engine.StackConfig;
import devmin.evidence.Provenance;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import stacks.core.CoreNames;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What every live command does around its checks: inputs, exit codes, the summary and the published evidence. */
class LiveRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant STARTED = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path root;

    /** Buffered like the CLI's own writers: what a command does not flush, the terminal does not show. */
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintWriter out = new PrintWriter(new OutputStreamWriter(outBytes, StandardCharsets.UTF_8));
    private final PrintWriter err = new PrintWriter(new OutputStreamWriter(errBytes, StandardCharsets.UTF_8));
    private final Stream outText = new Stream(outBytes, null);
    private final Stream errText = new Stream(errBytes, err);

    /** What was written to a stream; for stderr (which finish does not flush) after flushing it. */
    private record Stream(ByteArrayOutputStream bytes, PrintWriter flushFirst) {
        @Override
        public String toString() {
            if (flushFirst != null) {
                flushFirst.flush();
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static EnvironmentSpec spec() {
        StackConfig config = Fixtures.committedConfig();
        return SpecParser.parse(ConfigSource.of(config.values(), config.secretKeys()), config.project(), config.stack());
    }

    private LiveOptions options(boolean publish) {
        LiveOptions options = new LiveOptions();
        options.stack = "dev-min";
        options.projectDir = Path.of(".");
        options.out = root;
        options.publish = publish;
        return options;
    }

    private static Verdict verdict(CheckResult... checks) {
        return new Verdict("devmin.test.v1", List.of(checks), JsonNodeFactory.instance.objectNode(),
                new Provenance("1.2.3", "unknown", "dev-min", "tag", "sha256:x", STARTED, STARTED.plusSeconds(1)));
    }

    private static CheckResult check(String name, CheckStatus status, String... calls) {
        return new CheckResult(name, "eu-west-2", status, name + " says " + status, List.of(calls), List.of());
    }

    private Path evidence(String phase, String file) {
        return root.resolve("dev_min").resolve(phase).resolve("20261206T120000Z").resolve(file);
    }

    @Test
    void everyLiveCommandMayPublishSoItsActionsIncludePutObject() {
        assertThat(LiveRun.awsActions("iam:GetRole", "ecs:ListClusters"))
                .containsExactly("ecs:ListClusters", "iam:GetRole", "s3:PutObject");
        assertThat(LiveRun.awsActions()).containsExactly("s3:PutObject");
        assertThatThrownBy(() -> LiveRun.awsActions("x:Y").add("z:W")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void inputsAreTheSpecAndTheDefaultOrGivenDeadline() {
        LiveOptions options = options(false);

        assertThat(LiveRun.inputs(options, 120_000, "verify-iam", err)).hasValueSatisfying(inputs -> {
            assertThat(inputs.spec()).isEqualTo(spec());
            assertThat(inputs.deadlineMillis()).isEqualTo(120_000);
        });
        options.deadline = "30s";
        assertThat(LiveRun.inputs(options, 120_000, "verify-iam", err)).get()
                .extracting(LiveRun.Inputs::deadlineMillis).isEqualTo(30_000L);
        assertThat(errText.toString()).isEmpty();
    }

    @Test
    void aBadDeadlineIsToldWithTheCommandAndGivesNoInputs() {
        LiveOptions options = options(false);
        options.deadline = "soon";

        assertThat(LiveRun.inputs(options, 120_000, "verify-iam", err)).isEmpty();
        assertThat(errText.toString())
                .isEqualTo("devmin verify-iam: --deadline: got 'soon', expected a duration like 500ms, 30s, 2m or 1h"
                        + System.lineSeparator());
    }

    @Test
    void missingStackFilesAreToldWithTheCommandAndGiveNoInputs(@TempDir Path empty) {
        LiveOptions options = options(false);
        options.projectDir = empty;

        assertThat(LiveRun.inputs(options, 1, "verify-teardown", err)).isEmpty();
        assertThat(errText.toString()).startsWith("devmin verify-teardown: ").contains(empty.toString());
    }

    @Test
    void anInvalidConfigBecomesAReadableIllegalArgument(@TempDir Path project) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Files.writeString(project.resolve("Pulumi.dev-min.yaml"), "config:\n  devmin:owner: fraud-platform-team\n");
        LiveOptions options = options(false);
        options.projectDir = project;

        assertThatThrownBy(() -> LiveRun.spec(options)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("problem(s) in the stack configuration")
                .hasMessageContaining("devmin:awsAccountId: got <missing>");
    }

    /** The committed stack file still holds its example values: each is handed to preflight with key and line. */
    @Test
    void theCommittedStacksExampleValuesAreFoundWithTheirKeysAndLines() {
        List<String> found = LiveRun.placeholders(options(false)).stream().map(p -> p.key() + "@" + p.position())
                .toList();

        assertThat(found).isNotEmpty().anyMatch(f -> f.startsWith("devmin:awsAccountId@"))
                .allMatch(f -> f.matches("devmin:[^@]+@.*Pulumi\\.dev-min\\.yaml:\\d+"));
    }

    @Test
    void provenanceNamesTheStackAndThePinnedImage() {
        EnvironmentSpec spec = spec();

        Provenance provenance = LiveRun.provenance(options(false), spec);

        assertThat(provenance.stack()).isEqualTo("dev-min");
        assertThat(provenance.imageTag()).isEqualTo(spec.image().tag());
        assertThat(provenance.imageDigest()).isEqualTo(spec.image().digest());
    }

    @Test
    void aPassingVerdictExitsZeroAndIsWrittenAndSummarised() throws Exception {
        int code = LiveRun.finish(options(false), spec(), null,
                verdict(check("a", CheckStatus.PASS, "iam:GetRole", "iam:ListRoles"), check("b", CheckStatus.PASS)),
                "iam", "verify-iam", "IAM", out, err);

        assertThat(code).isZero();
        JsonNode written = JSON.readTree(evidence("iam", "verify-iam.json").toFile());
        assertThat(written.path("overall_pass").asBoolean()).isTrue();
        assertThat(written.has("publication")).isFalse();
        assertThat(Files.readString(evidence("iam", "verify-iam.md"))).startsWith("## IAM: PASS");
        assertThat(outText.toString().lines()).containsExactly("IAM: PASS — 2 checks, 2 API calls",
                "evidence: " + evidence("iam", "verify-iam.json"));
    }

    @Test
    void aBlockerExitsOneAndIsListed() throws Exception {
        int code = LiveRun.finish(options(false), spec(), null,
                verdict(check("a", CheckStatus.PASS), check("b", CheckStatus.BLOCKER, "ecs:ListServices")),
                "teardown", "verify-teardown", "Teardown", out, err);

        assertThat(code).isEqualTo(1);
        assertThat(outText.toString().lines()).containsExactly("Teardown: FAIL — 2 checks, 1 API calls",
                "  blocker: b [eu-west-2]: b says BLOCKER", "evidence: " + evidence("teardown", "verify-teardown.json"));
    }

    @Test
    void anUnverifiedCheckExitsTwoAndWarningsAreListed() throws Exception {
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        context.putArray("warnings").addObject().put("name", "forecast").put("source", "budgets").put("reason", "none yet");
        Verdict verdict = verdict(check("a", CheckStatus.UNVERIFIED)).with(context);

        int code = LiveRun.finish(options(false), spec(), null, verdict, "budget", "budget-posture", "Budget", out, err);

        assertThat(code).isEqualTo(2);
        assertThat(outText.toString().lines()).containsExactly("Budget: UNVERIFIED — 1 checks, 0 API calls",
                "  blocker: UNVERIFIED a [eu-west-2]: a says UNVERIFIED", "  warning: forecast [budgets]: none yet",
                "evidence: " + evidence("budget", "budget-posture.json"));
    }

    @Test
    void publishingPutsTheMarkdownThenTheJsonNeverOverwritingAndRecordsWhere() throws Exception {
        List<PutObjectRequest> puts = new ArrayList<>();
        AwsClients aws = awsAnswering(puts, null);
        EnvironmentSpec spec = spec();
        String prefix = "evidence/dev_min/dev-min/iam/20261206T120000Z/";
        String uri = "s3://" + CoreNames.of(spec).bucketName() + "/" + prefix + "verify-iam.json";

        int code = LiveRun.finish(options(true), spec, aws, verdict(check("a", CheckStatus.PASS)), "iam", "verify-iam",
                "IAM", out, err);

        assertThat(code).isZero();
        assertThat(puts).extracting(PutObjectRequest::key).containsExactly(prefix + "verify-iam.md", prefix + "verify-iam.json");
        assertThat(puts).extracting(PutObjectRequest::bucket).containsOnly(CoreNames.of(spec).bucketName());
        assertThat(puts).extracting(PutObjectRequest::ifNoneMatch).containsOnly("*");
        assertThat(puts).extracting(PutObjectRequest::contentType).containsExactly("text/markdown", "application/json");
        JsonNode written = JSON.readTree(evidence("iam", "verify-iam.json").toFile());
        assertThat(written.at("/publication/published").asBoolean()).isTrue();
        assertThat(written.at("/publication/uri").asText()).isEqualTo(uri);
        assertThat(outText.toString()).startsWith("published: " + uri + System.lineSeparator());
        assertThat(errText.toString()).isEmpty();
    }

    /** S3 conditional writes: If-None-Match: * on an existing key answers 412 Precondition Failed (S3 User Guide). */
    @Test
    void evidenceThatExistsAlreadyMakesTheVerdictUnverifiedWithAnEvidencePublishedCheck() throws Exception {
        AwsClients aws = awsAnswering(new ArrayList<>(), AwsServiceException.builder().statusCode(412)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("PreconditionFailed").build()).build());
        EnvironmentSpec spec = spec();
        String bucket = CoreNames.of(spec).bucketName();
        String markdown = "s3://" + bucket + "/evidence/dev_min/dev-min/iam/20261206T120000Z/verify-iam.md";

        int code = LiveRun.finish(options(true), spec, aws, verdict(check("a", CheckStatus.PASS)), "iam", "verify-iam",
                "IAM", out, err);

        assertThat(code).isEqualTo(2);
        String failure = markdown + " already exists; evidence is never overwritten";
        JsonNode written = JSON.readTree(evidence("iam", "verify-iam.json").toFile());
        assertThat(written.path("overall_pass").asBoolean()).isFalse();
        assertThat(written.at("/publication/published").asBoolean()).isFalse();
        assertThat(written.at("/publication/error").asText()).isEqualTo(failure);
        assertThat(written.at("/checks/1/name").asText()).isEqualTo("evidence-published");
        assertThat(written.at("/checks/1/status").asText()).isEqualTo("unverified");
        assertThat(written.at("/checks/1/region").asText()).isEqualTo(spec.awsRegion());
        assertThat(written.at("/checks/1/message").asText()).isEqualTo("the verdict was not published: " + failure);
        assertThat(written.at("/checks/1/api_calls").toString()).isEqualTo("[\"s3:PutObject\"]");
        assertThat(errText.toString()).isEqualTo("devmin: " + failure + System.lineSeparator());
        assertThat(outText.toString().lines()).noneMatch(line -> line.startsWith("published: "))
                .first().isEqualTo("IAM: UNVERIFIED — 2 checks, 1 API calls");
    }

    @Test
    void anS3FailureIsDescribedWithTheJsonKeyItWasPublishingTo() throws Exception {
        AwsClients aws = awsAnswering(new ArrayList<>(), AwsServiceException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").build()).build());
        EnvironmentSpec spec = spec();
        String json = "s3://" + CoreNames.of(spec).bucketName() + "/evidence/dev_min/dev-min/iam/20261206T120000Z/verify-iam.json";

        int code = LiveRun.finish(options(true), spec, aws, verdict(check("a", CheckStatus.PASS)), "iam", "verify-iam",
                "IAM", out, err);

        assertThat(code).isEqualTo(2);
        assertThat(errText.toString()).isEqualTo("devmin: publishing to " + json
                + " failed: access denied (AccessDenied, HTTP 403)" + System.lineSeparator());
        assertThat(JSON.readTree(evidence("iam", "verify-iam.json").toFile()).at("/checks/1/name").asText())
                .isEqualTo("evidence-published");
    }

    @Test
    void anAnswerWithoutETagIsNotAPublication() throws Exception {
        S3Client s3 = mock(S3Client.class);
        when(s3.putObject(ArgumentMatchers.<Consumer<PutObjectRequest.Builder>>any(), any(RequestBody.class)))
                .thenReturn(PutObjectResponse.builder().build());
        AwsClients aws = mock(AwsClients.class);
        when(aws.s3(any())).thenReturn(s3);

        int code = LiveRun.finish(options(true), spec(), aws, verdict(check("a", CheckStatus.PASS)), "iam", "verify-iam",
                "IAM", out, err);

        assertThat(code).isEqualTo(2);
        assertThat(errText.toString()).startsWith("devmin: s3://").contains("verify-iam.md: the answer has no ETag");
    }

    @Test
    void withoutCredentialsTheCommandSaysSoInOneLineAndClosesTheClients() {
        AwsClients aws = mock(AwsClients.class);
        when(aws.missingCredentials(Map.of("AWS_PROFILE", "dev"))).thenReturn(Optional.of("no usable AWS credentials"));

        assertThat(LiveRun.clients("verify-iam", err, aws, Map.of("AWS_PROFILE", "dev"))).isEmpty();

        verify(aws).close();
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).as("flushed by clients itself")
                .isEqualTo("devmin verify-iam: no usable AWS credentials" + System.lineSeparator());
    }

    @Test
    void withCredentialsTheClientsAreReturnedOpen() {
        AwsClients aws = mock(AwsClients.class);
        when(aws.missingCredentials(Map.of())).thenReturn(Optional.empty());

        assertThat(LiveRun.clients("verify-iam", err, aws, Map.of())).containsSame(aws);

        verify(aws, never()).close();
        assertThat(errText.toString()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static AwsClients awsAnswering(List<PutObjectRequest> puts, AwsServiceException failure) {
        S3Client s3 = mock(S3Client.class);
        when(s3.putObject(any(Consumer.class), any(RequestBody.class))).thenAnswer(invocation -> {
            PutObjectRequest.Builder request = PutObjectRequest.builder();
            ((Consumer<PutObjectRequest.Builder>) invocation.getArgument(0)).accept(request);
            puts.add(request.build());
            if (failure != null) {
                throw failure;
            }
            return PutObjectResponse.builder().eTag("\"0123456789abcdef\"").build();
        });
        AwsClients aws = mock(AwsClients.class);
        when(aws.s3("eu-west-2")).thenReturn(s3);
        return aws;
    }
}
