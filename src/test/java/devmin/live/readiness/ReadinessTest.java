package devmin.live.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import devmin.evidence.Provenance;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.Verdict;
import devmin.live.WindowEcs;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsSettings;
import devmin.live.ecs.WindowHandles;
import devmin.testing.WindowFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import stacks.spec.EnvironmentSpec;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static devmin.live.AwsWire.json;
import static devmin.live.AwsWire.jsonBody;
import static devmin.testing.WindowFixtures.taskDefinition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness of the window's service lane ig, as ECS describes it (ECS API reference shapes; stop codes and reasons
 * from the ECS Developer Guide, "Amazon ECS stopped task error messages"): what is ready, and every way it is not.
 */
class ReadinessTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final String DIGEST = WindowFixtures.spec().image().digest();
    static final String TASK = WindowFixtures.ECS + "task/devmin-dev-min/aaaabbbbccccddddeeeeffff00001111";
    static final String CRASHED = WindowFixtures.ECS + "task/devmin-dev-min/9999888877776666555544443333aaaa";
    static final String DEPLOYMENT = "ecs-svc/7777777777777777777";
    static final List<String> IG_PATHS = List.of("/devmin/dev_min/confluent/bootstrap",
            "/devmin/dev_min/confluent/lanes/ig/api_key", "/devmin/dev_min/confluent/lanes/ig/api_secret",
            "/devmin/dev_min/ig/api_key");

    static WireMockServer server;
    static EnvironmentSpec spec;
    static WindowHandles handles;

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        spec = WindowFixtures.spec();
        handles = WindowHandles.of(WindowFixtures.handles(), Readiness.services(spec), false);
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void steadyWindow() {
        server.resetAll();
        services(WindowEcs.deployment(DEPLOYMENT, "PRIMARY", taskDefinition("ig"), "COMPLETED", ""));
        running(WindowEcs.running(TASK, "ig", taskDefinition("ig"), DEPLOYMENT, NOW.minusSeconds(600), DIGEST));
        stopped();
        parametersWritten(NOW.minusSeconds(3600), "");
        server.stubFor(json("AmazonEC2ContainerServiceV20141113.DescribeTaskDefinition").willReturn(jsonBody(
                WindowEcs.taskDefinition("ig", "repo@" + DIGEST))));
        logs("Traceback (most recent call last):", "ValueError: row 7 has no amount");
    }

    static void services(String... deployments) {
        serviceAnswer("{\"services\":[" + WindowEcs.service("ig", 1, 1, deployments) + "],\"failures\":[]}");
    }

    static void serviceAnswer(String body) {
        server.stubFor(json("AmazonEC2ContainerServiceV20141113.DescribeServices").willReturn(jsonBody(body)));
    }

    static void running(String... tasks) {
        server.stubFor(json("AmazonEC2ContainerServiceV20141113.ListTasks").withRequestBody(containing("RUNNING"))
                .willReturn(jsonBody("{\"taskArns\":[" + arns(tasks) + "]}")));
        server.stubFor(json("AmazonEC2ContainerServiceV20141113.DescribeTasks").withRequestBody(containing(TASK))
                .willReturn(jsonBody(WindowEcs.tasks(tasks))));
    }

    static void stopped(String... tasks) {
        server.stubFor(json("AmazonEC2ContainerServiceV20141113.ListTasks").withRequestBody(containing("STOPPED"))
                .willReturn(jsonBody("{\"taskArns\":[" + arns(tasks) + "]}")));
        server.stubFor(json("AmazonEC2ContainerServiceV20141113.DescribeTasks").withRequestBody(containing(CRASHED))
                .willReturn(jsonBody(WindowEcs.tasks(tasks))));
    }

    static String arns(String... tasks) {
        return String.join(",", java.util.Arrays.stream(tasks).map(t -> t.substring(t.indexOf("\"taskArn\":\"") + 10,
                t.indexOf("\",", t.indexOf("\"taskArn\":\"")) + 1)).toList());
    }

    /** Every parameter ig reads, last written at {@code at}; {@code rotated} (if any) written at NOW - 5 min. */
    static void parametersWritten(Instant at, String rotated) {
        String body = "{\"Parameters\":[" + String.join(",", IG_PATHS.stream().map(p -> "{\"Name\":\"" + p
                + "\",\"Type\":\"SecureString\",\"Version\":2,\"LastModifiedDate\":"
                + (p.equals(rotated) ? NOW.minusSeconds(300) : at).getEpochSecond() + "}").toList()) + "]}";
        server.stubFor(json("AmazonSSM.DescribeParameters").willReturn(jsonBody(body)));
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

    static String crashed(Instant at, int exit, String stopCode, String reason, String containerReason) {
        return WindowEcs.stopped(CRASHED, "service:ig", "ig", taskDefinition("ig"), DEPLOYMENT, at, exit, stopCode,
                reason, containerReason, DIGEST);
    }

    static Verdict check() {
        try (AwsClients aws = new AwsClients(new AwsSettings(Optional.of(URI.create(server.baseUrl())), 1,
                Duration.ofMillis(10), Duration.ofSeconds(10)))) {
            return Readiness.check(aws, spec, handles, Duration.ofMinutes(15), 4, 30_000,
                    new Provenance("test", "c0ffee", "dev-min", spec.image().tag(), DIGEST, NOW, NOW));
        }
    }

    static CheckResult ig(Verdict verdict) {
        return verdict.checks().stream().filter(c -> c.name().equals("service-ig")).findFirst().orElseThrow();
    }

    @Test
    void aServiceOnItsDeclaredRevisionSteadilyFromThePinnedImageWithCurrentCredentialsIsReady() {
        Verdict verdict = check();

        assertThat(verdict.overallPass()).as(verdict.blockers().toString()).isTrue();
        assertThat(verdict.checks()).extracting(CheckResult::name).containsExactly("service-ig");
        assertThat(ig(verdict).apiCalls()).containsExactly("ecs:DescribeServices", "ecs:ListTasks",
                "ecs:DescribeTasks", "ssm:DescribeParameters", "ecs:ListTasks");
        JsonNode report = verdict.toJson().path("services").path("ig");
        assertThat(report.path("primary_task_definition").asText()).isEqualTo(taskDefinition("ig"));
        assertThat(report.path("running_tasks").get(0).path("image_digest").asText()).isEqualTo(DIGEST);
        server.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(equalToJson("{\"cluster\":\""
                + WindowFixtures.CLUSTER + "\",\"serviceName\":\"ig\",\"desiredStatus\":\"RUNNING\"}")));
    }

    @Test
    void anUpdateEcsRolledBackIsNotReadyThoughTheProviderReportedSuccess() {
        String previous = WindowFixtures.ECS + "task-definition/devmin-dev-min-ig:6";
        services(WindowEcs.deployment("ecs-svc/6", "PRIMARY", previous, "COMPLETED", ""),
                WindowEcs.deployment(DEPLOYMENT, "ACTIVE", taskDefinition("ig"), "FAILED",
                        "ECS deployment circuit breaker: tasks failed to start."));
        running(WindowEcs.running(TASK, "ig", previous, "ecs-svc/6", NOW.minusSeconds(600), DIGEST));

        CheckResult ig = ig(check());

        assertThat(ig.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(ig.message()).contains("ECS runs devmin-dev-min-ig:6 but the stack declares devmin-dev-min-ig:7")
                .contains("tasks failed to start").contains("rolled back")
                .contains("task aaaabbbbccccddddeeeeffff00001111 runs devmin-dev-min-ig:6");
    }

    @Test
    void aRolloutInProgressWithTooFewTasksIsNotReady() {
        serviceAnswer("{\"services\":[" + WindowEcs.service("ig", 2, 1, WindowEcs.deployment(DEPLOYMENT, "PRIMARY",
                taskDefinition("ig"), "IN_PROGRESS", "ECS deployment " + DEPLOYMENT + " in progress.")) + "]}");

        CheckResult ig = ig(check());

        assertThat(ig.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(ig.found()).contains("running 1 of 2 desired tasks",
                "rollout IN_PROGRESS: ECS deployment " + DEPLOYMENT + " in progress.");
    }

    @Test
    void aServiceTheClusterDoesNotHaveIsNotReady() {
        serviceAnswer("{\"services\":[],\"failures\":[{\"arn\":\"" + WindowFixtures.ECS
                + "service/devmin-dev-min/ig\",\"reason\":\"MISSING\"}]}");

        CheckResult ig = ig(check());

        assertThat(ig.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(ig.found()).containsExactly("service ig is not in cluster devmin-dev-min (MISSING)");
    }

    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = '|', textBlock = """
            -1 | TaskFailedToStart | CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref repo@sha256:0: not found | | artifact (CannotPullContainerError)
            1 | EssentialContainerExited | Essential container in task exited | ModuleNotFoundError: No module named 'pyarrow' | artifact (missing dependency on pyarrow)
            1 | EssentialContainerExited | Essential container in task exited | botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::123456789012:assumed-role/devmin-dev-min-lane-ig/x is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::devmin-dev-min-evidence-123456789012/oracle/input/day1.parquet | identity (AccessDenied on arn:aws:s3:::devmin-dev-min-evidence-123456789012/oracle/input/day1.parquet)
            -1 | TaskFailedToStart | ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post https://api.ecr.eu-west-2.amazonaws.com/: dial tcp 52.94.48.1:443: i/o timeout | | wiring (network timeout on 52.94.48.1:443)
            1 | EssentialContainerExited | Essential container in task exited | kafka.errors.NoBrokersAvailable: Connect to localhost:9092 failed: Connection refused | wiring (connection refused on localhost:9092)
            143 | SpotInterruption | Your Spot Task was interrupted. | | capacity (Spot interruption)
            137 | EssentialContainerExited | OutOfMemoryError: Container killed due to memory usage | | capacity (out of memory)
            """)
    void aCrashLoopIsNamedWithItsLayer(int exit, String stopCode, String reason, String logLine, String layer) {
        stopped(crashed(NOW.minusSeconds(120), exit, stopCode, reason, ""));
        logs("starting ig", logLine == null ? "bye" : logLine);

        CheckResult ig = ig(check());

        assertThat(ig.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(ig.message()).contains("crash loop: 1 task(s) of the current deployment failed in the last 15 min")
                .contains("newest 9999888877776666555544443333aaaa").contains(stopCode).endsWith(": " + layer);
    }

    @Test
    void aCrashWhoseStopReasonSaysNothingIsClassifiedFromTheTasksOwnLogStream() {
        stopped(crashed(NOW.minusSeconds(120), 1, "EssentialContainerExited", "Essential container in task exited",
                ""));
        logs("ModuleNotFoundError: No module named 'fraud_platform.ingress'");

        assertThat(ig(check()).message()).endsWith("artifact (missing dependency on fraud_platform.ingress)");
        server.verify(postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("Logs_20140328.GetLogEvents")).withRequestBody(matchingJsonPath("$.logGroupName",
                equalTo("/devmin/dev_min/ig"))).withRequestBody(matchingJsonPath("$.logStreamName",
                equalTo("ig/ig/9999888877776666555544443333aaaa"))));
    }

    @Test
    void stopsOutsideTheWindowOfAnOlderDeploymentOrByScalingInAreNoCrashLoop() {
        String old = WindowFixtures.ECS + "task-definition/devmin-dev-min-ig:5";
        stopped(crashed(NOW.minusSeconds(16 * 60), 1, "EssentialContainerExited", "Essential container in task exited",
                        ""),
                WindowEcs.stopped(CRASHED + "2", "service:ig", "ig", old, "ecs-svc/5", NOW.minusSeconds(60), 1,
                        "EssentialContainerExited", "Essential container in task exited", "", DIGEST),
                WindowEcs.stopped(CRASHED + "3", "service:ig", "ig", taskDefinition("ig"), DEPLOYMENT,
                        NOW.minusSeconds(60), 0, "ServiceSchedulerInitiated", "Scaling activity initiated by"
                                + " (deployment " + DEPLOYMENT + ")", "", DIGEST));

        Verdict verdict = check();

        assertThat(verdict.overallPass()).as(verdict.blockers().toString()).isTrue();
    }

    @Test
    void aTaskRunningAnotherImageThanThePinnedDigestIsNotReady() {
        String other = "sha256:" + "b".repeat(64);
        running(WindowEcs.running(TASK, "ig", taskDefinition("ig"), DEPLOYMENT, NOW.minusSeconds(600), other));

        assertThat(ig(check()).found()).containsExactly("task aaaabbbbccccddddeeeeffff00001111 container ig runs"
                + " image " + other + ", the stack pins " + DIGEST);
    }

    @Test
    void aTaskThatCannotNameItsImageLeavesTheLaneUnverified() {
        running(WindowEcs.running(TASK, "ig", taskDefinition("ig"), DEPLOYMENT, NOW.minusSeconds(600), ""));

        Verdict verdict = check();

        assertThat(ig(verdict).status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(ig(verdict).message()).contains("reports no image digest, so what ran cannot be named");
        assertThat(verdict.exitCode()).isEqualTo(2);
    }

    @Test
    void aTaskStartedBeforeTheLatestWriteOfACredentialItsLaneReadsIsStale() {
        parametersWritten(NOW.minusSeconds(3600), "/devmin/dev_min/confluent/lanes/ig/api_secret");

        CheckResult ig = ig(check());

        assertThat(ig.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(ig.found()).containsExactly("task aaaabbbbccccddddeeeeffff00001111 started 2026-11-30T11:50:00Z,"
                + " before /devmin/dev_min/confluent/lanes/ig/api_secret was written at 2026-11-30T11:55:00Z: it still"
                + " runs the old value (a rotation is complete only when the runtime reloads it)");
        server.verify(postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("AmazonSSM.DescribeParameters")).withRequestBody(matchingJsonPath("$.ParameterFilters[0]"
                + ".Values.length()", equalTo("4"))));
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                matching("AmazonSSM.GetParameter.*")))).as("readiness never reads a value").isEmpty();
    }

    @Test
    void aParameterTheLaneReadsThatDoesNotExistIsABlocker() {
        server.stubFor(json("AmazonSSM.DescribeParameters").willReturn(jsonBody("{\"Parameters\":[]}")));

        assertThat(ig(check()).found()).contains("parameter /devmin/dev_min/ig/api_key that the lane reads does not"
                + " exist");
    }

    @Test
    void aTaskOfAnotherServiceInTheListingIsNotCountedForThisOne() {
        String other = "sha256:" + "c".repeat(64);
        running(WindowEcs.running(TASK, "ig", taskDefinition("ig"), DEPLOYMENT, NOW.minusSeconds(600), DIGEST),
                WindowEcs.running(TASK + "x", "wsp", "arn:other", "ecs-svc/1", NOW.minusSeconds(9000), other));

        Verdict verdict = check();

        assertThat(verdict.overallPass()).as(verdict.blockers().toString()).isTrue();
        assertThat(verdict.toJson().path("services").path("ig").path("running_tasks")).hasSize(1);
    }

    @Test
    void anAnswerDescribingAnotherServiceOrAnotherClustersServiceDoesNotCountAsThisOne() {
        serviceAnswer("{\"services\":[" + WindowEcs.service("wsp", 1, 1, WindowEcs.deployment(DEPLOYMENT, "PRIMARY",
                taskDefinition("ig"), "COMPLETED", "")) + "," + WindowEcs.service("ig", 1, 1, WindowEcs.deployment(
                DEPLOYMENT, "PRIMARY", taskDefinition("ig"), "COMPLETED", "")).replace(WindowFixtures.CLUSTER,
                "arn:aws:ecs:eu-west-2:123456789012:cluster/other") + "],\"failures\":[]}");

        CheckResult ig = ig(check());

        assertThat(ig.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(ig.found()).containsExactly("service ig is not in cluster devmin-dev-min (not listed)");
    }

    @Test
    void withoutAPrimaryDeploymentTheLaneIsNotReady() {
        services(WindowEcs.deployment(DEPLOYMENT, "ACTIVE", taskDefinition("ig"), "COMPLETED", ""));

        CheckResult ig = ig(check());

        assertThat(ig.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(ig.found()).containsExactly("no PRIMARY deployment");
    }

    @Test
    void thePrimaryDeploymentIsJudgedWhereverItIsListed() {
        services(WindowEcs.deployment("ecs-svc/6", "ACTIVE", WindowFixtures.ECS + "task-definition/devmin-dev-min-ig:6",
                "COMPLETED", ""), WindowEcs.deployment(DEPLOYMENT, "PRIMARY", taskDefinition("ig"), "COMPLETED", ""));

        Verdict verdict = check();

        assertThat(verdict.overallPass()).as(verdict.blockers().toString()).isTrue();
        assertThat(verdict.toJson().path("services").path("ig").path("primary_task_definition").asText())
                .isEqualTo(taskDefinition("ig"));
    }

    @Test
    void aDeclaredRevisionThatIsNotPrimaryWithoutAFailedRolloutOfItIsNamedRolledBackOrNeverStarted() {
        String previous = WindowFixtures.ECS + "task-definition/devmin-dev-min-ig:6";
        services(WindowEcs.deployment("ecs-svc/6", "PRIMARY", previous, "COMPLETED", ""),
                WindowEcs.deployment("ecs-svc/5", "ACTIVE", WindowFixtures.ECS + "task-definition/devmin-dev-min-ig:5",
                        "FAILED", "an older failure"),
                WindowEcs.deployment(DEPLOYMENT, "ACTIVE", taskDefinition("ig"), "IN_PROGRESS", ""));
        running(WindowEcs.running(TASK, "ig", previous, "ecs-svc/6", NOW.minusSeconds(600), DIGEST));

        CheckResult ig = ig(check());

        assertThat(ig.found()).contains("ECS runs devmin-dev-min-ig:6 but the stack declares devmin-dev-min-ig:7"
                + " (a rolled-back or never-started deployment)");
    }

    @Test
    void tasksOfThePrimaryDeploymentCrashingOnAnotherRevisionAreACrashLoopToo() {
        String previous = WindowFixtures.ECS + "task-definition/devmin-dev-min-ig:6";
        services(WindowEcs.deployment("ecs-svc/6", "PRIMARY", previous, "COMPLETED", ""));
        running(WindowEcs.running(TASK, "ig", previous, "ecs-svc/6", NOW.minusSeconds(600), DIGEST));
        stopped(WindowEcs.stopped(CRASHED, "service:ig", "ig", previous, "ecs-svc/6", NOW.minusSeconds(120), 137,
                "EssentialContainerExited", "OutOfMemoryError: Container killed due to memory usage", "", DIGEST));

        assertThat(ig(check()).message()).contains("crash loop: 1 task(s) of the current deployment failed");
    }

    @Test
    void ofSeveralCrashesTheNewestIsNamedAndEachIsReported() {
        stopped(crashed(NOW.minusSeconds(300), 1, "EssentialContainerExited", "Essential container in task exited", ""),
                WindowEcs.stopped(CRASHED + "2", "service:ig", "ig", taskDefinition("ig"), DEPLOYMENT,
                        NOW.minusSeconds(60), 137, "EssentialContainerExited",
                        "OutOfMemoryError: Container killed due to memory usage", "", DIGEST));

        Verdict verdict = check();

        assertThat(ig(verdict).message()).contains("crash loop: 2 task(s) of the current deployment failed in the last"
                + " 15 min; newest 9999888877776666555544443333aaaa2 (exit 137,").endsWith(": capacity (out of memory)");
        JsonNode failed = verdict.toJson().path("services").path("ig").path("failed_tasks");
        assertThat(failed).hasSize(2);
        assertThat(failed.get(0).path("task").asText()).isEqualTo(CRASHED + "2");
        assertThat(failed.get(0).path("stopped_at").asText()).isEqualTo("2026-11-30T11:59:00Z");
        assertThat(failed.get(1).path("stop").asText()).isEqualTo("exit 1, EssentialContainerExited: Essential"
                + " container in task exited");
    }

    @Test
    void aTaskNotYetRunningIsNotJudgedAsRunning() {
        running(WindowEcs.running(TASK, "ig", taskDefinition("ig"), DEPLOYMENT, NOW.minusSeconds(600), DIGEST),
                WindowEcs.running(TASK + "p", "ig", taskDefinition("ig"), DEPLOYMENT, NOW.minusSeconds(5), "")
                        .replace("\"lastStatus\":\"RUNNING\",\"desiredStatus\"",
                                "\"lastStatus\":\"PROVISIONING\",\"desiredStatus\""));

        Verdict verdict = check();

        assertThat(verdict.overallPass()).as(verdict.blockers().toString()).isTrue();
        assertThat(verdict.toJson().path("services").path("ig").path("running_tasks")).hasSize(1);
    }

    @Test
    void theReportNamesEachRunningTasksStartAndEachParametersLastWrite() {
        JsonNode report = check().toJson().path("services").path("ig");

        assertThat(report.path("running_tasks").get(0).path("started_at").asText()).isEqualTo("2026-11-30T11:50:00Z");
        JsonNode written = report.path("parameters_last_written");
        assertThat(written.size()).isEqualTo(4);
        IG_PATHS.forEach(p -> assertThat(written.path(p).asText()).as(p).isEqualTo("2026-11-30T11:00:00Z"));
    }

    @Test
    void aTaskDefinitionThatIsNotAnArnIsNamedAsGiven() {
        running(WindowEcs.running(TASK, "ig", "devmin-dev-min-ig", DEPLOYMENT, NOW.minusSeconds(600), DIGEST));

        assertThat(ig(check()).found()).containsExactly("task aaaabbbbccccddddeeeeffff00001111 runs"
                + " devmin-dev-min-ig");
    }
}
