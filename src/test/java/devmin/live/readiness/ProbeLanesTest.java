package devmin.live.readiness;

import devmin.testing.AwsTestEndpoint;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import devmin.evidence.Provenance;
import devmin.live.AwsWire;
import devmin.live.AwsWorld;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.Verdict;
import devmin.live.WindowEcs;
import devmin.live.WindowWorld;
import devmin.live.aws.AwsClients;
import devmin.live.ecs.WindowHandles;
import devmin.engine.StackConfig;
import devmin.testing.WindowFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;
import stacks.spec.SpecParser;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe lanes of {@link Readiness} called directly (the CLI-level test is {@code devmin.cli.ReadinessProbeLanesTest}):
 * which lanes are probes, that they run only once every service is ready, that each probe's result is returned as a
 * check {@code probe-<lane>} and its report kept, and that a probe's own wait ends {@link ProbeLanes#STOP_MARGIN_MILLIS}
 * before readiness's deadline. ECS, SSM and Logs answer from WireMock ({@link WindowWorld}).
 */
class ProbeLanesTest {

    static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final String DIGEST = WindowFixtures.spec().image().digest();

    static WireMockServer server;

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void window() {
        server.resetAll();
        WindowWorld.answer(new AwsWorld(server, "devmin-dev-min-evidence-123456789012").reachEverything(), "b",
                DIGEST, LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1), Map.of());
    }

    static EnvironmentSpec withProbe(String lane) {
        StackConfig config = WindowFixtures.configWithProbe(lane);
        return SpecParser.parse(ConfigSource.of(config.values(), config.secretKeys()), "devmin", "dev-min");
    }

    /** ig has no failed task: the services are ready. */
    static void igReady() {
        server.stubFor(AwsWire.json(ECS + "ListTasks").atPriority(1).withRequestBody(containing("STOPPED"))
                .willReturn(AwsWire.jsonBody("{\"taskArns\":[]}")));
    }

    static Verdict readiness(EnvironmentSpec spec, long deadlineMillis, ProbeLanes.Settings settings) {
        List<LaneSpec> lanes = new ArrayList<>(Readiness.services(spec));
        lanes.addAll(Readiness.probes(spec));
        WindowHandles handles = WindowHandles.of(WindowFixtures.handles(), lanes, !Readiness.probes(spec).isEmpty());
        try (AwsClients aws = AwsTestEndpoint.clients(server.baseUrl(), 1, Duration.ofMillis(10))) {
            return Readiness.check(aws, spec, handles, Duration.ofMinutes(15), 4, deadlineMillis,
                    new Provenance("test", "c0ffee", "dev-min", spec.image().tag(), DIGEST, NOW, NOW), settings);
        }
    }

    static ProbeLanes.Settings noWait() {
        return new ProbeLanes.Settings(Duration.ofMillis(1), 20, pause -> { });
    }

    static CheckResult check(Verdict verdict, String name) {
        return verdict.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + verdict.checks()));
    }

    static int runTasks() {
        return server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo(ECS + "RunTask"))).size();
    }

    @Test
    void onlyTheLanesDeclaredProbeAreProbes() {
        assertThat(Readiness.probes(withProbe("seed-pack"))).extracting(LaneSpec::name).containsExactly("seed-pack");
        assertThat(Readiness.probes(WindowFixtures.spec())).isEmpty();
        assertThat(Readiness.services(withProbe("seed-pack"))).extracting(LaneSpec::name).containsExactly("ig");
    }

    @Test
    void withEveryServiceReadyEachProbeRunsOnceAndItsResultAndReportAreReturned() {
        igReady();

        Verdict verdict = readiness(withProbe("seed-pack"), 60_000, noWait());

        assertThat(verdict.checks()).extracting(CheckResult::name).containsExactly("service-ig", "probe-seed-pack");
        CheckResult probe = check(verdict, "probe-seed-pack");
        assertThat(probe.status()).as(probe.message()).isEqualTo(CheckStatus.PASS);
        assertThat(probe.message()).isEqualTo("probe seed-pack exited 0 from the pinned image");
        assertThat(probe.apiCalls()).contains("ecs:RunTask", "ecs:DescribeTasks");
        assertThat(verdict.overallPass()).isTrue();
        assertThat(runTasks()).isEqualTo(1);
        assertThat(verdict.toJson().path("probes").path("seed-pack").path("task").asText())
                .isEqualTo(WindowWorld.SEED_PACK_TASK);
    }

    @Test
    void whileAServiceIsNotReadyNoProbeRunsAndEachIsUnverifiedNamingTheService() {
        // WindowWorld's ig has a task that crashed a minute ago: a crash loop, so ig is not ready

        Verdict verdict = readiness(withProbe("seed-pack"), 60_000, noWait());

        assertThat(check(verdict, "service-ig").status()).isEqualTo(CheckStatus.BLOCKER);
        CheckResult probe = check(verdict, "probe-seed-pack");
        assertThat(probe.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(probe.message()).isEqualTo("probe seed-pack not run: the services are not ready (service-ig), and"
                + " a probe of services that are not ready proves nothing");
        assertThat(runTasks()).isZero();
        assertThat(verdict.toJson().path("probes").path("seed-pack").isMissingNode()).isTrue();
    }

    @Test
    void aWindowWithoutProbeLanesRunsNoTaskAndReportsNoProbes() {
        igReady();

        Verdict verdict = readiness(WindowFixtures.spec(), 60_000, noWait());

        assertThat(verdict.checks()).extracting(CheckResult::name).containsExactly("service-ig");
        assertThat(verdict.toJson().has("probes")).isFalse();
        assertThat(runTasks()).isZero();
    }

    @Test
    void aWindowWithAProbeReportsItUnderProbes() {
        igReady();

        Verdict verdict = readiness(withProbe("seed-pack"), 60_000, noWait());

        assertThat(verdict.toJson().path("probes").isObject()).isTrue();
        assertThat(verdict.toJson().path("probes").fieldNames()).toIterable().containsExactly("seed-pack");
    }

    /** The probe's task ends with {@code exit}. */
    static void probeEnds(int exit) {
        server.stubFor(AwsWire.json(ECS + "DescribeTasks").atPriority(1)
                .withRequestBody(containing(WindowWorld.SEED_PACK_TASK)).willReturn(AwsWire.jsonBody(WindowEcs.tasks(
                        WindowEcs.stopped(WindowWorld.SEED_PACK_TASK, "family:devmin-dev-min-seed-pack", "seed-pack",
                                WindowFixtures.taskDefinition("seed-pack"), "devmin-run", Instant.now(), exit,
                                "EssentialContainerExited", "Essential container in task exited", "", DIGEST)))));
    }

    @Test
    void aProbeThatExitsNonZeroIsABlockerNamingTheFailedStepWithItsLogTail() {
        igReady();
        probeEnds(3);

        Verdict verdict = readiness(withProbe("seed-pack"), 60_000, noWait());

        CheckResult probe = check(verdict, "probe-seed-pack");
        assertThat(probe.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(probe.message()).startsWith("probe seed-pack failed at job-exit: job seed-pack failed: exit 3,"
                + " EssentialContainerExited: Essential container in task exited;").doesNotContain("(stopped:");
        assertThat(probe.found()).containsExactly(WindowWorld.SEED_PACK_TASK,
                "log: Traceback (most recent call last):", "log: ValueError: row 7 has no amount");
        assertThat(verdict.overallPass()).isFalse();
        assertThat(verdict.blockers()).anyMatch(b -> b.contains("probe-seed-pack"));
    }

    @Test
    void aProbeWhoseSecretsCannotBeReadIsUnverifiedNamingThatStepAndHowItsTaskStopped() {
        igReady();
        server.stubFor(AwsWire.json("AmazonSSM.GetParameters").atPriority(1).willReturn(
                AwsWire.jsonError(400, "AccessDeniedException")));

        Verdict verdict = readiness(withProbe("seed-pack"), 60_000, noWait());

        CheckResult probe = check(verdict, "probe-seed-pack");
        assertThat(probe.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(probe.message()).startsWith("probe seed-pack failed at secrets-known: ssm:GetParameters")
                .endsWith(" (stopped: exit 0, EssentialContainerExited: Essential container in task exited)");
        assertThat(probe.found()).isEmpty();
    }

    /** A probe run that recorded no step at all (nothing was run) is never taken for a pass. */
    @Test
    void aProbeRunWithNoStepIsUnverifiedNeverAPass() {
        LaneSpec lane = Readiness.probes(withProbe("seed-pack")).get(0);
        Verdict empty = new Verdict("devmin.job-run/v1", List.of(), com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode(), new Provenance("test", "c0ffee", "dev-min", "t", DIGEST, NOW, NOW));

        CheckResult probe = ProbeLanes.fold(lane, empty, "eu-west-2");

        assertThat(probe.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(probe.message()).isEqualTo("probe seed-pack: nothing was run");
    }

    /**
     * The probe's task is still running at its first look; the probe's wait (the pause TaskWatch asks for, with a
     * poll interval longer than any deadline) must end no later than {@code STOP_MARGIN_MILLIS} before readiness's
     * deadline, and not before readiness's deadline less that margin as counted from before readiness started.
     */
    @Test
    void aProbesOwnWaitEndsTheStopMarginBeforeReadinessGivesUp() {
        igReady();
        String running = WindowEcs.tasks(WindowEcs.running(WindowWorld.SEED_PACK_TASK, "seed-pack",
                WindowFixtures.taskDefinition("seed-pack"), "devmin-run", Instant.now(), DIGEST));
        String stopped = WindowEcs.tasks(WindowEcs.stopped(WindowWorld.SEED_PACK_TASK,
                "family:devmin-dev-min-seed-pack", "seed-pack", WindowFixtures.taskDefinition("seed-pack"),
                "devmin-run", Instant.now(), 0, "EssentialContainerExited", "Essential container in task exited", "",
                DIGEST));
        server.stubFor(AwsWire.json(ECS + "DescribeTasks").atPriority(1).inScenario("probe")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("stopped")
                .withRequestBody(containing(WindowWorld.SEED_PACK_TASK)).willReturn(AwsWire.jsonBody(running)));
        server.stubFor(AwsWire.json(ECS + "DescribeTasks").atPriority(1).inScenario("probe")
                .whenScenarioStateIs("stopped")
                .withRequestBody(containing(WindowWorld.SEED_PACK_TASK)).willReturn(AwsWire.jsonBody(stopped)));
        long deadlineMillis = 60_000;
        List<long[]> pauses = new ArrayList<>();
        ProbeLanes.Settings settings = new ProbeLanes.Settings(Duration.ofHours(1), 20,
                pause -> pauses.add(new long[]{System.nanoTime(), pause.toNanos()}));

        long before = System.nanoTime();
        Verdict verdict = readiness(withProbe("seed-pack"), deadlineMillis, settings);

        assertThat(check(verdict, "probe-seed-pack").status()).isEqualTo(CheckStatus.PASS);
        assertThat(pauses).hasSize(1);
        long asked = pauses.get(0)[0];
        long waitEnds = asked + pauses.get(0)[1];
        long margin = ProbeLanes.STOP_MARGIN_MILLIS * 1_000_000L;
        long deadline = deadlineMillis * 1_000_000L;
        assertThat(waitEnds).as("the probe's wait ends at least the stop margin before readiness's deadline")
                .isLessThanOrEqualTo(asked + deadline - margin);
        assertThat(waitEnds).as("the probe is given readiness's deadline less the margin, not less")
                .isGreaterThanOrEqualTo(before + deadline - margin - 1_000_000L);
    }
}
