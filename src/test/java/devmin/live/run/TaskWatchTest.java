package devmin.live.run;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import devmin.live.CallLog;
import devmin.live.CheckStatus;
import devmin.live.WindowEcs;
import devmin.live.aws.AwsClients;
import devmin.testing.AwsTestEndpoint;
import devmin.testing.WindowFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static devmin.live.AwsWire.json;
import static devmin.live.AwsWire.jsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Watching one task over ECS's wire (WireMock): it waits one poll interval between looks, and whenever it loses sight
 * of the task (an answer about another task, an interrupt) it asks ECS to stop it, so no wait leaves compute running.
 */
class TaskWatchTest {

    static final String ECS_API = "AmazonEC2ContainerServiceV20141113.";
    static final String TASK = WindowFixtures.ECS + "task/devmin-dev-min/7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a";
    static final String OTHER = WindowFixtures.ECS + "task/devmin-dev-min/0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b";
    static WireMockServer server;
    static AwsClients aws;
    static EcsClient ecs;

    final List<Duration> sleeps = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        aws = AwsTestEndpoint.clients(server.baseUrl(), 1, Duration.ofMillis(5));
        ecs = aws.ecs("eu-west-2");
    }

    @AfterAll
    static void stop() {
        aws.close();
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        server.stubFor(json(ECS_API + "StopTask").willReturn(jsonBody("{\"task\":{\"taskArn\":\"" + TASK + "\","
                + "\"lastStatus\":\"RUNNING\",\"desiredStatus\":\"STOPPED\"}}")));
    }

    static String running(String arn) {
        return WindowEcs.running(arn, "seed-pack", WindowFixtures.ECS + "task-definition/devmin-dev-min-seed-pack:3",
                "devmin-run", Instant.parse("2026-11-30T12:00:00Z"), "");
    }

    static String stopped(String arn) {
        return running(arn).replace("\"lastStatus\":\"RUNNING\",\"desiredStatus\":\"RUNNING\"",
                "\"lastStatus\":\"STOPPED\",\"desiredStatus\":\"STOPPED\"");
    }

    TaskWatch watch(JobRun.Sleeper sleeper) {
        return new TaskWatch(ecs, WindowFixtures.CLUSTER, Duration.ofMillis(50), sleeper);
    }

    long inAMinute() {
        return System.nanoTime() + Duration.ofMinutes(1).toNanos();
    }

    int stopTaskCalls() {
        return server.countRequestsMatching(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(ECS_API + "StopTask")).build()).getCount();
    }

    @Test
    void itLooksAgainAfterOnePollIntervalUntilTheTaskStops() {
        server.stubFor(json(ECS_API + "DescribeTasks").inScenario("task").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(jsonBody(WindowEcs.tasks(running(TASK)))).willSetStateTo("stopped"));
        server.stubFor(json(ECS_API + "DescribeTasks").inScenario("task").whenScenarioStateIs("stopped")
                .willReturn(jsonBody(WindowEcs.tasks(stopped(TASK)))));

        var done = watch(sleeps::add).until(TASK, inAMinute(), 60_000, new CallLog());

        assertThat(done.status()).isEqualTo(CheckStatus.PASS);
        assertThat(sleeps).containsExactly(Duration.ofMillis(50));
        assertThat(stopTaskCalls()).isZero();
    }

    @Test
    void anAnswerAboutAnotherTaskIsUnverifiedAndTheTaskIsStopped() {
        server.stubFor(json(ECS_API + "DescribeTasks").willReturn(jsonBody(
                "{\"tasks\":[" + stopped(OTHER) + "],\"failures\":[{\"arn\":\"" + TASK + "\",\"reason\":\"MISSING\"}]}")));

        assertThatThrownBy(() -> watch(sleeps::add).until(TASK, inAMinute(), 60_000, new CallLog()))
                .isInstanceOf(CallLog.Unverified.class).hasMessageContaining("does not describe task " + TASK)
                .hasMessageContaining("(MISSING)");
        assertThat(stopTaskCalls()).isEqualTo(1);
    }

    @Test
    void anInterruptedWaitStopsTheTaskAndKeepsTheInterrupt() {
        server.stubFor(json(ECS_API + "DescribeTasks").willReturn(jsonBody(WindowEcs.tasks(running(TASK)))));
        try {
            var done = watch(d -> {
                throw new InterruptedException();
            }).until(TASK, inAMinute(), 60_000, new CallLog());

            assertThat(done.status()).isEqualTo(CheckStatus.UNVERIFIED);
            assertThat(done.message()).contains("interrupted while waiting for task " + TASK);
            assertThat(done.found()).containsExactly(TASK);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(stopTaskCalls()).isEqualTo(1);
    }
}
