package devmin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import devmin.live.AwsWire;
import devmin.live.AwsWorld;
import devmin.live.WindowEcs;
import devmin.live.WindowWorld;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code devmin readiness} with a probe lane ({@code seed-pack} declared {@code probe: true}) against ECS, SSM and
 * CloudWatch Logs on WireMock (ECS API reference shapes: RunTask, DescribeTasks with {@code stopCode},
 * {@code stoppedReason} and the container's {@code exitCode}; Logs GetLogEvents): the probe runs once the services
 * are ready, its failure fails readiness naming it, with its stop reason and a log tail from which the values of the
 * handles it reads are redacted, and it is never run (nor passed) while a service is not ready.
 */
class ReadinessProbeLanesTest {

    static final String CANARY_SECRET = "canary-probe-secret-5b4a3c2d";
    static final String SECRET_PATH = "/devmin/dev_min/confluent/lanes/seed-pack/api_secret";
    static final String ECS = "AmazonEC2ContainerServiceV20141113.";

    static WireMockServer server;
    static AwsTestEndpoint endpoint;

    @TempDir
    Path dir;
    Path project;
    Path outputs;

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
        project = WindowFixtures.projectWithProbe(Files.createDirectory(dir.resolve("project")), "seed-pack");
        outputs = WindowFixtures.stackOutputs(dir.resolve("outputs.json"), WindowFixtures.handles());
        WindowWorld.answer(new AwsWorld(server, "devmin-dev-min-evidence-123456789012").reachEverything(), "b",
                WindowFixtures.spec().image().digest(), LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1),
                Map.of(SECRET_PATH, CANARY_SECRET));
    }

    /** ig has no failed task: the services are ready, so the probes run. */
    static void igReady() {
        server.stubFor(AwsWire.json(ECS + "ListTasks").atPriority(1).withRequestBody(containing("STOPPED"))
                .willReturn(AwsWire.jsonBody("{\"taskArns\":[]}")));
    }

    /** The probe's task ends with {@code exit}, its stop reason and last log line carrying the canary secret. */
    static void probeEnds(int exit) {
        String digest = WindowFixtures.spec().image().digest();
        server.stubFor(AwsWire.json(ECS + "DescribeTasks").atPriority(1)
                .withRequestBody(containing(WindowWorld.SEED_PACK_TASK)).willReturn(AwsWire.jsonBody(WindowEcs.tasks(
                        WindowEcs.stopped(WindowWorld.SEED_PACK_TASK, "family:devmin-dev-min-seed-pack", "seed-pack",
                                WindowFixtures.taskDefinition("seed-pack"), "devmin-run", Instant.now(), exit,
                                "EssentialContainerExited", "Essential container in task exited", "", digest)))));
        server.stubFor(AwsWire.json("Logs_20140328.GetLogEvents").atPriority(1).willReturn(AwsWire.jsonBody(
                "{\"events\":[{\"timestamp\":1,\"message\":\"probe: authenticated call to ig refused\"},"
                        + "{\"timestamp\":2,\"message\":\"sasl login with secret " + CANARY_SECRET + " failed\"}],"
                        + "\"nextForwardToken\":\"f/1\",\"nextBackwardToken\":\"b/1\"}")));
    }

    record Result(CliRun run, JsonNode verdict, String evidence) {
        JsonNode check(String name) {
            for (JsonNode check : verdict.path("checks")) {
                if (check.path("name").asText().equals(name)) {
                    return check;
                }
            }
            throw new AssertionError("no check " + name + " in " + verdict.path("checks"));
        }
    }

    Result readiness() throws IOException {
        Path out = Files.createTempDirectory(dir, "runs");
        CliRun run = CliRun.of("readiness", "--stack-outputs", outputs.toString(), "--project-dir",
                project.toString(), "--out", out.toString(), "--probe-poll-interval", "1ms");
        StringBuilder evidence = new StringBuilder();
        Optional<Path> verdict;
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                evidence.append(Files.readString(file));
            }
        }
        try (Stream<Path> files = Files.walk(out)) {
            verdict = files.filter(f -> f.getFileName().toString().equals("readiness_snapshot.json")).findFirst();
        }
        assertThat(verdict).as(run.stdout() + run.stderr()).isPresent();
        return new Result(run, new ObjectMapper().readTree(verdict.get().toFile()), evidence.toString());
    }

    @Test
    void aFailingProbeLaneFailsReadinessNamingItWithItsStopReasonAndARedactedLogTail() throws IOException {
        igReady();
        probeEnds(3);

        Result result = readiness();

        assertThat(result.run().exitCode()).isEqualTo(1);
        assertThat(result.check("service-ig").path("status").asText()).isEqualTo("pass");
        JsonNode probe = result.check("probe-seed-pack");
        assertThat(probe.path("status").asText()).isEqualTo("blocker");
        assertThat(probe.path("message").asText()).contains("probe seed-pack failed")
                .contains("Essential container in task exited").contains("exit 3");
        assertThat(result.verdict().path("blockers").toString()).contains("probe-seed-pack");
        assertThat(result.verdict().at("/probes/seed-pack/log_tail").toString())
                .contains("[redacted:SSM_CONFLUENT_API_SECRET_PATH]");
        assertThat(result.evidence() + result.run().stdout() + result.run().stderr()).doesNotContain(CANARY_SECRET);
        server.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(ECS + "RunTask")));
    }

    @Test
    void aProbeThatExitsZeroFromThePinnedImagePassesWithTheServices() throws IOException {
        igReady();
        probeEnds(0);

        Result result = readiness();

        assertThat(result.run().exitCode()).as(result.run().stderr()).isZero();
        assertThat(result.check("probe-seed-pack").path("status").asText()).isEqualTo("pass");
        assertThat(result.verdict().path("overall_pass").asBoolean()).isTrue();
    }

    @Test
    void noProbeRunsWhileAServiceIsNotReadyAndItIsUnverifiedNeverPassed() throws IOException {
        probeEnds(0);

        Result result = readiness();

        assertThat(result.check("service-ig").path("status").asText()).isEqualTo("blocker");
        JsonNode probe = result.check("probe-seed-pack");
        assertThat(probe.path("status").asText()).isEqualTo("unverified");
        assertThat(probe.path("message").asText()).contains("not run").contains("service-ig");
        server.verify(0, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(ECS + "RunTask")));
    }
}
