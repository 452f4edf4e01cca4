package devmin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import devmin.live.AwsWorld;
import devmin.live.aws.IamActionNames;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each window command declares the AWS actions it calls, in IAM form ({@code AWS_ACTIONS}), exactly: run through the
 * CLI with {@code --publish} against a WireMock account where every call it can make is answered, every action its
 * call log records is declared, and every declared action was called (or is implied by one: {@code iam:PassRole} by
 * {@code ecs:RunTask} for the task's roles).
 */
class WindowCommandsDeclareTheirActionsTest {

    static final String BUCKET = "devmin-dev-min-evidence-123456789012";
    static final Map<String, Set<String>> IMPLIED = Map.of("ecs:RunTask", Set.of("iam:PassRole"));

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
        project = WindowFixtures.project(Files.createDirectory(dir.resolve("project")));
        outputs = WindowFixtures.stackOutputs(dir.resolve("outputs.json"), WindowFixtures.handles());
    }

    /** The IAM actions of every call one run made: its call log, and the evidence it published. */
    Set<String> called(String... command) throws IOException {
        return called(() -> { }, command);
    }

    /** As {@link #called(String...)}, with {@code adjust} changing the account's answers first. */
    Set<String> called(Runnable adjust, String... command) throws IOException {
        server.resetAll();
        String digest = WindowFixtures.spec().image().digest();
        AwsWorld world = new AwsWorld(server, BUCKET).reachEverything();
        WindowWorld.answer(world, BUCKET, digest, LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1),
                Map.of("/devmin/dev_min/confluent/lanes/seed-pack/api_key", "k"));
        server.stubFor(put(urlPathMatching("/" + BUCKET + "/evidence/.*")).atPriority(1).willReturn(aResponse()
                .withStatus(200).withHeader("ETag", "\"p1\"")));
        adjust.run();
        Path out = Files.createTempDirectory(dir, "runs");
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--project-dir", project.toString(), "--out", out.toString(), "--publish"));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isIn(0, 1);

        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path verdict : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                for (JsonNode check : new ObjectMapper().readTree(verdict.toFile()).path("checks")) {
                    check.path("api_calls").forEach(call -> IamActionNames.of(call.asText()).ifPresent(actions::add));
                }
            }
        }
        if (!server.findAll(putRequestedFor(urlPathMatching("/" + BUCKET + "/evidence/.*"))).isEmpty()) {
            actions.add("s3:PutObject");
        }
        return actions;
    }

    static void assertExact(Set<String> declared, Set<String> called) {
        Set<String> reachable = new TreeSet<>(called);
        called.forEach(a -> reachable.addAll(IMPLIED.getOrDefault(a, Set.of())));
        assertThat(called).as("called but not declared").isSubsetOf(declared);
        assertThat(declared).as("declared but never called").isSubsetOf(reachable);
    }

    @Test
    void readinessDeclaresExactlyWhatItCallsIncludingItsProbeLanes() throws IOException {
        Set<String> called = new TreeSet<>(called("readiness", "--stack-outputs", outputs.toString()));
        // ig ready, so the probes run: seed-pack ends at once, checker is still running at the deadline and stopped
        withProbe("seed-pack");
        called.addAll(called(this::igReady, "readiness", "--stack-outputs", outputs.toString(),
                "--probe-poll-interval", "1ms"));
        withProbe("checker");
        called.addAll(called(this::igReady, "readiness", "--stack-outputs", outputs.toString(), "--deadline", "2500ms",
                "--probe-poll-interval", "100ms"));

        assertThat(called).contains("ecs:RunTask", "ecs:StopTask", "ssm:GetParameters");
        assertExact(ReadinessCommand.AWS_ACTIONS, called);
    }

    void withProbe(String lane) throws IOException {
        Path probeProject = dir.resolve("project-probe-" + lane);
        project = WindowFixtures.projectWithProbe(Files.createDirectory(probeProject), lane);
    }

    /** ig has no stopped task, so it is ready and the probes run. */
    void igReady() {
        server.stubFor(devmin.live.AwsWire.json("AmazonEC2ContainerServiceV20141113.ListTasks").atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("STOPPED"))
                .willReturn(devmin.live.AwsWire.jsonBody("{\"taskArns\":[]}")));
    }

    @Test
    void runDeclaresExactlyWhatItCallsIncludingStoppingATaskAtItsDeadline() throws IOException {
        Set<String> called = new TreeSet<>(called("run", "seed-pack", "--stack-outputs", outputs.toString(),
                "--poll-interval", "1ms"));
        called.addAll(called("run", "checker", "--stack-outputs", outputs.toString(), "--deadline", "0ms"));

        assertThat(called).contains("ecs:StopTask", "logs:GetLogEvents", "ssm:GetParameters");
        assertExact(RunCommand.AWS_ACTIONS, called);
    }

    @Test
    void budgetPostureDeclaresExactlyWhatItCalls() throws IOException {
        assertExact(BudgetPostureCommand.AWS_ACTIONS, called("budget-posture"));
    }

    @Test
    void certifyDeclaresExactlyWhatItCallsFromTheBucket() throws IOException {
        assertExact(CertifyCommand.AWS_ACTIONS, called("certify", "--from-bucket"));
    }
}
