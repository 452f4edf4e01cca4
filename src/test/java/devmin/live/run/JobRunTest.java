package devmin.live.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import devmin.cli.CliRun;
import devmin.live.WindowEcs;
import devmin.testing.AwsTestEndpoint;
import devmin.testing.WindowFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static devmin.live.AwsWire.json;
import static devmin.live.AwsWire.jsonBody;
import static devmin.live.AwsWire.jsonError;
import static devmin.testing.WindowFixtures.taskDefinition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code devmin run seed-pack} against ECS, SSM and CloudWatch Logs on WireMock (API reference shapes): how a run is
 * started, waited for and reported, every failure layer, the bound on the wait, and that no secret the lane reads is
 * ever shown.
 */
class JobRunTest {

    static final String TASK = WindowFixtures.ECS + "task/devmin-dev-min/5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e";
    static final String DIGEST = WindowFixtures.spec().image().digest();
    static final String CANARY_SECRET = "canary-secret-9f8e7d6c5b4a";
    static final String CANARY_KEY = "CANARYKEY7Q2W";
    static final String BOOTSTRAP = "pkc-canary.eu-west-2.aws.confluent.cloud:9092";
    static final String ECS_API = "AmazonEC2ContainerServiceV20141113.";

    static WireMockServer server;
    static AwsTestEndpoint endpoint;

    @TempDir
    Path dir;
    Path project;
    Path outputs;
    Path out;

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        endpoint = AwsTestEndpoint.pointAt(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        endpoint.close();
        server.stop();
    }

    @BeforeEach
    void window() throws IOException {
        server.resetAll();
        project = WindowFixtures.project(Files.createDirectory(dir.resolve("project")));
        outputs = WindowFixtures.stackOutputs(dir.resolve("outputs.json"), WindowFixtures.handles());
        out = dir.resolve("runs");
        server.stubFor(json(ECS_API + "DescribeTaskDefinition").willReturn(jsonBody(WindowEcs.taskDefinition(
                "seed-pack", "123456789012.dkr.ecr.eu-west-2.amazonaws.com/fraud-platform@" + DIGEST))));
        server.stubFor(json(ECS_API + "RunTask").willReturn(jsonBody("{\"tasks\":[{\"taskArn\":\"" + TASK + "\","
                + "\"lastStatus\":\"PROVISIONING\"}],\"failures\":[]}")));
        server.stubFor(json("AmazonSSM.GetParameters").willReturn(jsonBody("{\"Parameters\":["
                + parameter("/devmin/dev_min/confluent/bootstrap", BOOTSTRAP) + ","
                + parameter("/devmin/dev_min/confluent/lanes/seed-pack/api_key", CANARY_KEY) + ","
                + parameter("/devmin/dev_min/confluent/lanes/seed-pack/api_secret", CANARY_SECRET)
                + "],\"InvalidParameters\":[]}")));
        stopsWith(0, "EssentialContainerExited", "Essential container in task exited");
        logs("loading oracle/input/day1.parquet", "wrote 1200 rows to oracle/packs/");
    }

    static String parameter(String name, String value) {
        return "{\"Name\":\"" + name + "\",\"Type\":\"SecureString\",\"Value\":\"" + value + "\",\"Version\":3}";
    }

    /** The task is PROVISIONING at the first look, then stopped as given. */
    static void stopsWith(int exit, String stopCode, String reason) {
        server.stubFor(json(ECS_API + "DescribeTasks").inScenario("task").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("stopped").willReturn(jsonBody(WindowEcs.tasks(WindowEcs.running(TASK, "seed-pack",
                        taskDefinition("seed-pack"), "devmin-run", Instant.now(), "")
                        .replace("\"RUNNING\",\"desiredStatus\"", "\"PROVISIONING\",\"desiredStatus\"")))));
        server.stubFor(json(ECS_API + "DescribeTasks").inScenario("task").whenScenarioStateIs("stopped")
                .willReturn(jsonBody(WindowEcs.tasks(WindowEcs.stopped(TASK, "family:devmin-dev-min-seed-pack",
                        "seed-pack", taskDefinition("seed-pack"), "devmin-run", Instant.now(), exit, stopCode, reason,
                        "", DIGEST)))));
    }

    static void logs(String... lines) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            events.append(i == 0 ? "" : ",").append("{\"timestamp\":").append(i + 1).append(",\"message\":\"")
                    .append(lines[i].replace("\"", "\\\"")).append("\"}");
        }
        server.stubFor(json("Logs_20140328.GetLogEvents").willReturn(jsonBody("{\"events\":[" + events + "],"
                + "\"nextForwardToken\":\"f/1\",\"nextBackwardToken\":\"b/1\"}")));
    }

    CliRun run(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--project-dir", project.toString(), "--stack-outputs",
                outputs.toString(), "--out", out.toString()));
        if (!List.of(extra).contains("--poll-interval")) {
            args.addAll(List.of("--poll-interval", "1ms"));
        }
        args.addAll(List.of(extra));
        if (!args.contains("seed-pack") && !args.contains("ig")) {
            args.add("seed-pack");
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    JsonNode verdict() throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            Path file = files.filter(f -> f.getFileName().toString().equals("job_run_seed-pack.json")).findFirst()
                    .orElseThrow();
            return new ObjectMapper().readTree(file.toFile());
        }
    }

    String everythingWritten() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(f));
            }
        }
        return all.toString();
    }

    @Test
    void aJobRunsOnFargateInTheStacksSubnetsWithAPublicIpAndItsExitIsReported() throws IOException {
        CliRun run = run();

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        server.verify(postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(ECS_API + "RunTask"))
                .withRequestBody(equalToJson("{\"cluster\":\"" + WindowFixtures.CLUSTER + "\",\"taskDefinition\":\""
                        + taskDefinition("seed-pack") + "\",\"launchType\":\"FARGATE\",\"count\":1,\"startedBy\":"
                        + "\"devmin-run\",\"networkConfiguration\":{\"awsvpcConfiguration\":{\"subnets\":[\""
                        + WindowFixtures.SUBNET_A + "\",\"" + WindowFixtures.SUBNET_B + "\"],\"securityGroups\":[\""
                        + WindowFixtures.SECURITY_GROUP + "\"],\"assignPublicIp\":\"ENABLED\"}}}", false, true)));
        server.verify(postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("Logs_20140328.GetLogEvents")).withRequestBody(equalToJson("{\"logGroupName\":"
                + "\"/devmin/dev_min/seed-pack\",\"logStreamName\":\"seed-pack/seed-pack/"
                + "5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e\",\"limit\":50,\"startFromHead\":false}")));
        assertThat(run.stdout()).contains("task: " + TASK).contains("stopped: exit 0, EssentialContainerExited")
                .contains("  | wrote 1200 rows to oracle/packs/");
        JsonNode verdict = verdict();
        assertThat(verdict.path("overall_pass").asBoolean()).isTrue();
        assertThat(verdict.path("exit_code").asInt()).isZero();
        assertThat(verdict.path("checks").findValuesAsText("name")).containsExactly("secrets-known",
                "task-definition", "job-started", "job-finished", "log-tail", "job-exit", "job-image");
    }

    @Test
    void noValueOfAHandleTheLaneReadsIsEverShownOrWritten() throws IOException {
        stopsWith(1, "EssentialContainerExited", "Essential container in task exited");
        logs("connecting with key " + CANARY_KEY + " to " + BOOTSTRAP,
                "sasl.password=" + CANARY_SECRET + " rejected: SaslAuthenticationException: Authentication failed");

        CliRun run = run("seed-pack", "--", "python", "-m", "fraud_platform.oracle.seed_pack", "--key=" + CANARY_KEY);

        assertThat(run.exitCode()).isEqualTo(1);
        String everything = run.stdout() + run.stderr() + everythingWritten();
        assertThat(everything).doesNotContain(CANARY_SECRET).doesNotContain(CANARY_KEY).doesNotContain(BOOTSTRAP)
                .contains("sasl.password=[redacted:SSM_CONFLUENT_API_SECRET_PATH] rejected")
                .contains("connecting with key [redacted:SSM_CONFLUENT_API_KEY_PATH] to"
                        + " [redacted:SSM_CONFLUENT_BOOTSTRAP_PATH]")
                .contains("--key=[redacted:SSM_CONFLUENT_API_KEY_PATH]");
        assertThat(run.stdout()).contains("failure layer: identity (Kafka authentication)");
        server.verify(postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("AmazonSSM.GetParameters")).withRequestBody(equalToJson("{\"Names\":["
                + "\"/devmin/dev_min/confluent/bootstrap\",\"/devmin/dev_min/confluent/lanes/seed-pack/api_key\","
                + "\"/devmin/dev_min/confluent/lanes/seed-pack/api_secret\"],\"WithDecryption\":true}")));
        server.verify(postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(ECS_API + "RunTask"))
                .withRequestBody(matchingJsonPath("$.overrides.containerOverrides[0].name", equalTo("seed-pack")))
                .withRequestBody(matchingJsonPath("$.overrides.containerOverrides[0].command[3]",
                        equalTo("--key=" + CANARY_KEY))));
    }

    @Test
    void whenTheValuesToRedactCannotBeReadTheLogIsWithheld() throws IOException {
        server.stubFor(json("AmazonSSM.GetParameters").willReturn(jsonError(400, "AccessDeniedException")));
        logs("sasl.password=" + CANARY_SECRET);

        CliRun run = run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout() + everythingWritten()).doesNotContain(CANARY_SECRET).contains("the log tail is"
                + " withheld");
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("Logs_20140328.GetLogEvents")))).isEmpty();
        assertThat(verdict().path("exit_code").asInt()).as("the run itself is still judged").isZero();
    }

    @Test
    void aJobThatCannotStartForCapacityIsNamedCapacity() throws IOException {
        server.stubFor(json(ECS_API + "RunTask").willReturn(jsonBody("{\"tasks\":[],\"failures\":[{\"reason\":"
                + "\"Capacity is unavailable at this time. Please try again later or in a different availability"
                + " zone\"}]}")));

        CliRun run = run();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(verdict().path("failure_layer").asText()).isEqualTo("capacity");
        assertThat(run.stdout()).contains("ECS started no task: Capacity is unavailable at this time");
    }

    @Test
    void aJobDeniedItsS3PathIsNamedIdentityWithThePath() throws IOException {
        stopsWith(1, "EssentialContainerExited", "Essential container in task exited");
        logs("botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation:"
                + " User: arn:aws:sts::123456789012:assumed-role/devmin-dev-min-lane-seed-pack/t is not authorized to"
                + " perform: s3:GetObject on resource: \"arn:aws:s3:::devmin-dev-min-evidence-123456789012/oracle/"
                + "input/day1.parquet\" because no identity-based policy allows the s3:GetObject action");

        CliRun run = run();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(verdict().path("classification").asText()).isEqualTo("identity (AccessDenied on"
                + " arn:aws:s3:::devmin-dev-min-evidence-123456789012/oracle/input/day1.parquet)");
    }

    @Test
    void aJobWhoseImageCannotBePulledIsNamedArtifactAndHasNoLog() throws IOException {
        stopsWith(-1, "TaskFailedToStart", "CannotPullContainerError: failed to resolve ref: not found");
        server.stubFor(json("Logs_20140328.GetLogEvents").willReturn(jsonError(400, "ResourceNotFoundException")));

        CliRun run = run();

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode verdict = verdict();
        assertThat(verdict.path("failure_layer").asText()).isEqualTo("artifact");
        assertThat(verdict.path("log_tail")).isEmpty();
        assertThat(verdict.path("stop").asText()).isEqualTo("no exit code, TaskFailedToStart: CannotPullContainerError:"
                + " failed to resolve ref: not found");
    }

    @Test
    void aJobThatCannotReachItsBrokerIsNamedWiring() throws IOException {
        stopsWith(1, "EssentialContainerExited", "Essential container in task exited");
        logs("Connect to localhost:9092 failed: Connection refused");

        run();

        assertThat(verdict().path("classification").asText()).isEqualTo("wiring (connection refused on"
                + " localhost:9092)");
    }

    @Test
    void aJobStillRunningAtTheDeadlineIsStoppedSoTheWaitIsBounded() throws IOException {
        server.stubFor(json(ECS_API + "DescribeTasks").willReturn(jsonBody(WindowEcs.tasks(WindowEcs.running(TASK,
                "seed-pack", taskDefinition("seed-pack"), "devmin-run", Instant.now(), DIGEST)))));
        server.stubFor(json(ECS_API + "StopTask").willReturn(jsonBody("{\"task\":{\"taskArn\":\"" + TASK + "\","
                + "\"lastStatus\":\"RUNNING\",\"desiredStatus\":\"STOPPED\"}}")));

        CliRun run = run("--deadline", "300ms", "--poll-interval", "20ms");

        assertThat(run.exitCode()).isEqualTo(1);
        server.verify(1, postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(ECS_API + "StopTask"))
                .withRequestBody(matchingJsonPath("$.task", equalTo(TASK)))
                .withRequestBody(matchingJsonPath("$.reason", containing("did not finish within 300 ms"))));
        assertThat(run.stdout()).contains("was still RUNNING after 300 ms; devmin stopped it");
    }

    @Test
    void aTaskDefinitionNotPinnedToTheDigestIsNeverRun() throws IOException {
        server.stubFor(json(ECS_API + "DescribeTaskDefinition").willReturn(jsonBody(WindowEcs.taskDefinition(
                "seed-pack", "123456789012.dkr.ecr.eu-west-2.amazonaws.com/fraud-platform:latest"))));

        CliRun run = run();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("not run: container seed-pack has image").contains(":latest");
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                equalTo(ECS_API + "RunTask")))).isEmpty();
    }

    @Test
    void aServiceLaneIsNotAJobAndNothingIsCalled() {
        CliRun run = run("ig");

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.stderr()).contains("JOB_LANE: got 'ig', expected a lane of kind job: seed-pack, checker");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void stackOutputsWithoutTheLanesTaskDefinitionAreRefusedBeforeAnyCall() throws IOException {
        Map<String, String> handles = new java.util.LinkedHashMap<>(WindowFixtures.handles());
        handles.remove("TASK_DEFINITION_SEED_PACK");
        handles.put("ECS_SUBNET_IDS", "subnet-0a1b2c3d,not-a-subnet");
        WindowFixtures.stackOutputs(outputs, handles);

        CliRun run = run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("TASK_DEFINITION_SEED_PACK: missing")
                .contains("ECS_SUBNET_IDS: got 'not-a-subnet', expected subnet ids");
        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(out).doesNotExist();
    }

    /** The task stops after one look, its container as given (ECS's {@code Container} shape). */
    static void stopsWithContainer(String container) {
        server.stubFor(json(ECS_API + "DescribeTasks").willReturn(jsonBody("{\"tasks\":[{\"taskArn\":\"" + TASK
                + "\",\"clusterArn\":\"" + WindowFixtures.CLUSTER + "\",\"taskDefinitionArn\":\""
                + taskDefinition("seed-pack") + "\",\"group\":\"family:devmin-dev-min-seed-pack\",\"startedBy\":"
                + "\"devmin-run\",\"lastStatus\":\"STOPPED\",\"desiredStatus\":\"STOPPED\",\"stopCode\":"
                + "\"EssentialContainerExited\",\"stoppedReason\":\"Essential container in task exited\","
                + "\"containers\":[" + container + "]}],\"failures\":[]}")));
    }

    JsonNode check(String name) throws IOException {
        for (JsonNode c : verdict().path("checks")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + verdict());
    }

    @Test
    void aJobThatRanAnotherImageThanThePinnedDigestIsABlocker() throws IOException {
        String other = "sha256:" + "b".repeat(64);
        stopsWithContainer("{\"name\":\"seed-pack\",\"lastStatus\":\"STOPPED\",\"exitCode\":0,"
                + "\"imageDigest\":\"" + other + "\"}");

        CliRun run = run();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(check("job-exit").path("status").asText()).isEqualTo("pass");
        assertThat(check("job-image").path("status").asText()).isEqualTo("blocker");
        assertThat(check("job-image").path("message").asText()).isEqualTo("not the pinned image " + DIGEST
                + ": seed-pack ran " + other);
    }

    @Test
    void aContainerThatExitedWithoutAnImageDigestLeavesTheRunUnverified() throws IOException {
        stopsWithContainer("{\"name\":\"seed-pack\",\"lastStatus\":\"STOPPED\",\"exitCode\":0}");

        CliRun run = run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(check("job-image").path("status").asText()).isEqualTo("unverified");
        assertThat(check("job-image").path("message").asText()).startsWith("container(s) seed-pack ran but report no"
                + " image digest");
        assertThat(verdict().path("overall_pass").asBoolean()).isFalse();
    }

    @Test
    void aFailedJobRecordsItsExitCodeAndTheRunsDurationsAreMeasuredInMilliseconds() throws IOException {
        stopsWith(3, "EssentialContainerExited", "Essential container in task exited");
        long before = System.currentTimeMillis();

        CliRun run = run();

        long wall = System.currentTimeMillis() - before;
        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode verdict = verdict();
        assertThat(verdict.has("exit_code")).isTrue();
        assertThat(verdict.path("exit_code").asInt()).isEqualTo(3);
        assertThat(verdict.path("stop").asText()).isEqualTo("exit 3, EssentialContainerExited: Essential container in"
                + " task exited");
        for (JsonNode c : verdict.path("checks")) {
            assertThat(c.path("duration_ms").asLong()).as(c.path("name").asText()).isBetween(0L, wall);
        }
    }

    @Test
    void aRunTaskFailureCarriesItsDetail() throws IOException {
        server.stubFor(json(ECS_API + "RunTask").willReturn(jsonBody("{\"tasks\":[],\"failures\":[{\"arn\":\""
                + WindowFixtures.CLUSTER + "\",\"reason\":\"MISSING\",\"detail\":\"subnet-0a1b2c3d is"
                + " gone\"}]}")));

        CliRun run = run();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(check("job-started").path("message").asText()).startsWith("ECS started no task: MISSING"
                + " (subnet-0a1b2c3d is gone); ");
    }

    @Test
    void aTaskDefinitionWithoutAContainerIsNeverRun() throws IOException {
        server.stubFor(json(ECS_API + "DescribeTaskDefinition").willReturn(jsonBody("{\"taskDefinition\":{"
                + "\"taskDefinitionArn\":\"" + taskDefinition("seed-pack") + "\",\"family\":"
                + "\"devmin-dev-min-seed-pack\",\"status\":\"ACTIVE\",\"containerDefinitions\":[]}}")));

        CliRun run = run();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(check("task-definition").path("message").asText()).isEqualTo("not run: " + taskDefinition(
                "seed-pack") + " has no container");
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                equalTo(ECS_API + "RunTask")))).isEmpty();
    }

    @Test
    void aContainerThatDoesNotLogToAwslogsHasNoTailAndIsNotAskedFor() throws IOException {
        server.stubFor(json(ECS_API + "DescribeTaskDefinition").willReturn(jsonBody(WindowEcs.taskDefinition(
                "seed-pack", "123456789012.dkr.ecr.eu-west-2.amazonaws.com/fraud-platform@" + DIGEST)
                .replace("\"logDriver\":\"awslogs\"", "\"logDriver\":\"json-file\""))));

        CliRun run = run();

        assertThat(run.exitCode()).isZero();
        assertThat(check("log-tail").path("message").asText()).isEqualTo("container seed-pack does not log to"
                + " awslogs");
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("Logs_20140328.GetLogEvents")))).isEmpty();
    }

    @Test
    void anEmptyLogStreamIsSaidToHaveNoLines() throws IOException {
        logs();

        CliRun run = run();

        assertThat(run.exitCode()).isZero();
        assertThat(check("log-tail").path("message").asText()).isEqualTo("no log lines (the container wrote none)");
    }

    @Test
    void aLogTailIsCountedAndRedacted() throws IOException {
        CliRun run = run();

        assertThat(run.exitCode()).isZero();
        assertThat(check("log-tail").path("message").asText()).isEqualTo("2 last log lines, secrets redacted");
    }

    @Test
    void aJobThatRanThePinnedImageSaysItDid() throws IOException {
        run();

        assertThat(check("job-image").path("status").asText()).isEqualTo("pass");
        assertThat(check("job-image").path("message").asText()).isEqualTo("ran the pinned image " + DIGEST);
    }

    @Test
    void aTaskWhoseContainerNeverStartedRanNoOtherImage() throws IOException {
        stopsWithContainer("{\"name\":\"seed-pack\",\"lastStatus\":\"STOPPED\"}");

        run();

        assertThat(check("job-image").path("status").asText()).isEqualTo("pass");
        assertThat(check("job-image").path("message").asText()).isEqualTo("no container started, so no other image"
                + " ran");
    }

    /** A parameter in the answer that the lane does not read, or one without a value, is no secret of the lane. */
    @Test
    void onlyValuesOfTheHandlesTheLaneReadsAreCountedAsItsSecrets() throws IOException {
        server.stubFor(json("AmazonSSM.GetParameters").willReturn(jsonBody("{\"Parameters\":["
                + parameter("/devmin/dev_min/confluent/bootstrap", BOOTSTRAP) + ","
                + parameter("/devmin/dev_min/confluent/lanes/seed-pack/api_key", CANARY_KEY) + ","
                + parameter("/devmin/dev_min/other/api_secret", "not-this-lanes") + ","
                + "{\"Name\":\"/devmin/dev_min/confluent/lanes/seed-pack/api_secret\",\"Type\":\"SecureString\","
                + "\"Version\":3}],\"InvalidParameters\":[]}")));

        run();

        assertThat(check("secrets-known").path("message").asText()).isEqualTo("2 of 3 values of the lane's handles"
                + " are known and will be redacted");
    }
}
