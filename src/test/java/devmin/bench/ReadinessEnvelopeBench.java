package devmin.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import devmin.evidence.Provenance;
import devmin.live.CheckResult;
import devmin.live.Verdict;
import devmin.live.WindowEcs;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsSettings;
import devmin.live.ecs.WindowHandles;
import devmin.live.readiness.ProbeLanes;
import devmin.live.readiness.Readiness;
import devmin.testing.Fixtures;
import devmin.testing.WindowFixtures;
import stacks.handles.SsmHandles;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;
import stacks.spec.SpecParser;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static devmin.live.AwsWire.json;
import static devmin.live.AwsWire.jsonBody;

/**
 * The readiness envelope as far as it can be measured here: {@code Readiness.check} in-process on the committed
 * config (its 14 services, then its 2 probe lanes, in parallel) against ECS, SSM and CloudWatch Logs answered by
 * WireMock on 127.0.0.1 with a window that is ready and probes that have already exited 0 at their first look. It
 * prints the median wall time of N checks and the API calls of one. What it leaves out is what dominates against AWS:
 * each call's round trip to the region and, above all, the time Fargate takes to provision, pull and run a probe task.
 * Not a test (it asserts nothing about time); run it with the test classpath:
 * {@code mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt} then
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) devmin.bench.ReadinessEnvelopeBench 9}
 */
public final class ReadinessEnvelopeBench {

    static final String ECS = "AmazonEC2ContainerServiceV20141113.";

    private ReadinessEnvelopeBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "bench");
        EnvironmentSpec spec = SpecParser.parse(ConfigSource.of(Fixtures.committedConfig().values()), "devmin",
                "dev-min");
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.1").containerThreads(32));
        server.start();
        try {
            Map<String, String> handles = readyWindow(server, spec);
            List<LaneSpec> lanes = new ArrayList<>(Readiness.services(spec));
            lanes.addAll(Readiness.probes(spec));
            WindowHandles window = WindowHandles.of(handles, lanes, true);
            ProbeLanes.Settings settings = new ProbeLanes.Settings(Duration.ofSeconds(5), 20,
                    pause -> Thread.sleep(Math.max(1, pause.toMillis())));
            List<Long> millis = new ArrayList<>();
            Verdict last = null;
            for (int i = 0; i < runs + 1; i++) {
                try (AwsClients aws = new AwsClients(new AwsSettings(Optional.of(URI.create(server.baseUrl())), 3,
                        Duration.ofMillis(50), Duration.ofSeconds(10)))) {
                    Instant now = Instant.now();
                    long started = System.nanoTime();
                    last = Readiness.check(aws, spec, window, Duration.ofMinutes(15), 8, 120_000,
                            new Provenance("bench", "bench", "dev-min", spec.image().tag(), spec.image().digest(), now,
                                    now), settings);
                    if (i > 0) {  // the first run warms the JVM and the SDK
                        millis.add((System.nanoTime() - started) / 1_000_000);
                    }
                }
            }
            Collections.sort(millis);
            int calls = last.checks().stream().mapToInt(c -> c.apiCalls().size()).sum();
            System.out.printf("readiness envelope (in-process, WireMock on 127.0.0.1): %d services + %d probes,"
                            + " median %d ms of %d runs (min %d, max %d), %d API calls, overall_pass=%s%n",
                    Readiness.services(spec).size(), Readiness.probes(spec).size(), millis.get(millis.size() / 2),
                    millis.size(), millis.get(0), millis.get(millis.size() - 1), calls, last.overallPass());
            for (CheckResult check : last.checks()) {
                if (!check.status().name().equals("PASS")) {
                    System.out.println("  not passed: " + check.name() + ": " + check.message());
                }
            }
        } finally {
            server.stop();
        }
    }

    /** Answers for a window whose services all run their declared revision and whose probes exited 0. */
    static Map<String, String> readyWindow(WireMockServer server, EnvironmentSpec spec) {
        String digest = spec.image().digest();
        Instant now = Instant.now();
        Map<String, String> handles = new LinkedHashMap<>(WindowFixtures.handles());
        StringBuilder parameters = new StringBuilder();
        for (LaneSpec lane : spec.lanes()) {
            String definition = WindowFixtures.taskDefinition(lane.name());
            String task = WindowFixtures.ECS + "task/devmin-dev-min/" + String.format("%032x", lane.name().hashCode()
                    & 0xffffffffL);
            handles.put("TASK_DEFINITION_" + lane.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_'), definition);
            server.stubFor(json(ECS + "DescribeTaskDefinition").withRequestBody(containing(definition + "\""))
                    .willReturn(jsonBody(WindowEcs.taskDefinition(lane.name(), WindowFixtures.REPOSITORY + "@"
                            + digest))));
            lane.reads().forEach(h -> parameters.append(parameters.length() == 0 ? "" : ",").append("{\"Name\":\"")
                    .append(SsmHandles.pathFor(spec.environment(), spec.database().enabled(), lane.name(), h))
                    .append("\",\"Type\":\"SecureString\",\"Version\":1,\"LastModifiedDate\":")
                    .append(now.minusSeconds(86_400).getEpochSecond()).append("}"));
            if (lane.isService()) {
                String deployment = "ecs-svc/" + (1_000_000 + Math.abs(lane.name().hashCode() % 1_000_000));
                server.stubFor(json(ECS + "DescribeServices").withRequestBody(containing("\"services\":[\""
                        + lane.name() + "\"]")).willReturn(jsonBody("{\"services\":[" + WindowEcs.service(lane.name(),
                        1, 1, WindowEcs.deployment(deployment, "PRIMARY", definition, "COMPLETED", ""))
                        + "],\"failures\":[]}")));
                server.stubFor(json(ECS + "ListTasks").withRequestBody(containing("\"serviceName\":\"" + lane.name()
                        + "\"")).withRequestBody(containing("RUNNING")).willReturn(jsonBody("{\"taskArns\":[\"" + task
                        + "\"]}")));
                server.stubFor(json(ECS + "ListTasks").withRequestBody(containing("\"serviceName\":\"" + lane.name()
                        + "\"")).withRequestBody(containing("STOPPED")).willReturn(jsonBody("{\"taskArns\":[]}")));
                server.stubFor(json(ECS + "DescribeTasks").withRequestBody(containing(task)).willReturn(jsonBody(
                        WindowEcs.tasks(WindowEcs.running(task, lane.name(), definition, deployment,
                                now.minusSeconds(600), digest)))));
            } else if (lane.probe()) {
                server.stubFor(json(ECS + "RunTask").withRequestBody(containing(definition + "\"")).willReturn(
                        jsonBody("{\"tasks\":[{\"taskArn\":\"" + task + "\",\"lastStatus\":\"PROVISIONING\"}],"
                                + "\"failures\":[]}")));
                server.stubFor(json(ECS + "DescribeTasks").withRequestBody(containing(task)).willReturn(jsonBody(
                        WindowEcs.tasks(WindowEcs.stopped(task, "family:devmin-dev-min-" + lane.name(), lane.name(),
                                definition, "devmin-run", now, 0, "EssentialContainerExited",
                                "Essential container in task exited", "", digest)))));
            }
        }
        server.stubFor(json("AmazonSSM.DescribeParameters").willReturn(jsonBody("{\"Parameters\":[" + parameters
                + "]}")));
        server.stubFor(json("AmazonSSM.GetParameters").willReturn(jsonBody("{\"Parameters\":[],"
                + "\"InvalidParameters\":[]}")));
        server.stubFor(json("Logs_20140328.GetLogEvents").willReturn(jsonBody("{\"events\":[{\"timestamp\":1,"
                + "\"message\":\"probe passed\"}],\"nextForwardToken\":\"f/1\",\"nextBackwardToken\":\"b/1\"}")));
        return handles;
    }
}
