package devmin.live.moto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import devmin.cli.CliRun;
import devmin.live.WindowWorld;
import devmin.testing.Moto;
import devmin.testing.WindowFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.budgets.BudgetsClient;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import stacks.spec.EnvironmentSpec;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static devmin.live.AwsWire.json;
import static devmin.live.AwsWire.jsonBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window commands against moto (an AWS the project did not write), seeded through the AWS SDK as {@code pulumi up}
 * and the window would leave an account: ECS cluster, task definitions and services, SSM handles, the budget, Cost
 * Explorer's month, and published verdicts in the evidence bucket. What moto 5.2.5 cannot do is said where it matters.
 */
class MotoWindowIT {

    static Moto moto;
    static EnvironmentSpec spec;
    MotoAccount account;
    Path project;
    String cluster;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        moto = Moto.server();
        spec = WindowFixtures.spec();
        System.setProperty("aws.endpointUrl", moto.endpoint().toString());
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "moto");
    }

    @BeforeEach
    void openWindow() throws IOException {
        System.setProperty("aws.endpointUrl", moto.endpoint().toString());
        moto.reset();
        account = new MotoAccount(moto.endpoint(), MotoAccount.REGION);
        account.evidenceBucket();
        devmin.testing.CommittedHandles.allPaths().forEach(path -> account.handle(path, "value-of-" + path));
        project = WindowFixtures.project(Files.createDirectory(dir.resolve("project")));
        cluster = account.cluster("devmin-dev-min", MotoAccount.DEMO);
    }

    @AfterEach
    void close() {
        account.close();
    }

    /** Registers the lane's task definition as the program does: awsvpc, Fargate, pinned image, awslogs. */
    String taskDefinition(String lane) {
        return taskDefinition(lane, NetworkMode.AWSVPC, null);
    }

    String taskDefinition(String lane, NetworkMode mode, Integer containerMemory) {
        return account.ecs.registerTaskDefinition(b -> b.family("devmin-dev-min-" + lane)
                .networkMode(mode).requiresCompatibilitiesWithStrings(mode == NetworkMode.AWSVPC ? List.of("FARGATE")
                        : List.of()).cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name(lane).essential(true).memory(containerMemory)
                        .image(WindowWorld.REPOSITORY + "@" + spec.image().digest())
                        .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(Map.of(
                                "awslogs-group", "/devmin/dev_min/" + lane, "awslogs-region", MotoAccount.REGION,
                                "awslogs-stream-prefix", lane))).build()))
                .taskDefinition().taskDefinitionArn();
    }

    void service(String lane, String taskDefinition, int desired) {
        MotoAccount.Network network = account.network();
        account.ecs.createService(b -> b.cluster(cluster).serviceName(lane).taskDefinition(taskDefinition)
                .desiredCount(desired).launchType(LaunchType.FARGATE).networkConfiguration(n -> n
                        .awsvpcConfiguration(v -> v.subnets(network.subnetA()).securityGroups(network.securityGroup()))));
    }

    Path outputs(Map<String, String> taskDefinitions) throws IOException {
        MotoAccount.Network network = account.network();
        Map<String, String> handles = new LinkedHashMap<>();
        handles.put("ECS_CLUSTER_ARN", cluster);
        handles.put("ECS_SUBNET_IDS", network.subnetA() + "," + network.subnetB());
        handles.put("ECS_SECURITY_GROUP_ID", network.securityGroup());
        taskDefinitions.forEach((lane, arn) -> handles.put("TASK_DEFINITION_"
                + lane.toUpperCase(Locale.ROOT).replace('-', '_'),
                arn));
        return WindowFixtures.stackOutputs(dir.resolve("outputs-" + System.nanoTime() + ".json"), handles);
    }

    record Run(int exitCode, String stdout, JsonNode verdict) {
        JsonNode check(String name) {
            for (JsonNode check : verdict.path("checks")) {
                if (check.path("name").asText().equals(name)) {
                    return check;
                }
            }
            throw new AssertionError("no check " + name + " in " + verdict);
        }
    }

    Run run(String file, String... args) throws IOException {
        Path out = Files.createTempDirectory(dir, "runs");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--project-dir", project.toString(), "--out", out.toString()));
        CliRun cli = CliRun.of(all.toArray(String[]::new));
        try (Stream<Path> files = Files.walk(out)) {
            Path verdict = files.filter(p -> p.getFileName().toString().equals(file)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + file + ": " + cli.stdout() + cli.stderr()));
            return new Run(cli.exitCode(), cli.stdout(), new ObjectMapper().readTree(verdict.toFile()));
        }
    }

    @Test
    void aServiceOnItsDeclaredRevisionIsReadyAndTheProviderCannotHideARollback() throws IOException {
        String first = taskDefinition("ig");
        String second = taskDefinition("ig");
        service("ig", first, 0);

        Run onFirst = run("readiness_snapshot.json", "readiness", "--stack-outputs", outputs(Map.of("ig", first))
                .toString());
        Run declaredSecond = run("readiness_snapshot.json", "readiness", "--stack-outputs", outputs(Map.of("ig",
                second)).toString());

        assertThat(onFirst.exitCode()).as(onFirst.stdout()).isZero();
        assertThat(declaredSecond.exitCode()).isEqualTo(1);
        assertThat(declaredSecond.check("service-ig").path("message").asText())
                .contains("ECS runs devmin-dev-min-ig:1 but the stack declares devmin-dev-min-ig:2");
    }

    @Test
    void mocksServicesNeverRunTheirTasksSoADesiredTaskIsNeverReady() throws IOException {
        String ig = taskDefinition("ig");
        service("ig", ig, 1);

        Run run = run("readiness_snapshot.json", "readiness", "--stack-outputs", outputs(Map.of("ig", ig)).toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.check("service-ig").path("found").toString()).contains("running 0 of 1 desired tasks")
                .contains("rollout IN_PROGRESS");
    }

    @Test
    void aServiceTheClusterDoesNotHaveIsNamed() throws IOException {
        Run run = run("readiness_snapshot.json", "readiness", "--stack-outputs",
                outputs(Map.of("ig", taskDefinition("ig"))).toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.check("service-ig").path("found").get(0).asText())
                .isEqualTo("service ig is not in cluster devmin-dev-min (MISSING)");
    }

    Run runSeedPack(String taskDefinition) throws IOException {
        WindowFixtures.SEED_PACK_READS.forEach(h -> account.handle(stacks.handles.SsmHandles.pathFor("dev_min", false,
                "seed-pack", h), "value-of-" + h));
        return run("job_run_seed-pack.json", "run", "seed-pack", "--stack-outputs",
                outputs(Map.of("seed-pack", taskDefinition)).toString(), "--poll-interval", "1ms", "--deadline", "20s");
    }

    @Test
    void motoCannotStartTheProgramsFargateTaskSoTheRunIsUnverified() throws IOException {
        Run run = runSeedPack(taskDefinition("seed-pack"));

        assertThat(run.check("job-started").path("status").asText()).isEqualTo("unverified");
        assertThat(run.check("job-started").path("message").asText()).contains("ecs:RunTask")
                .contains("HTTP 500");
        assertThat(run.exitCode()).isEqualTo(2);
    }

    /**
     * Moto fails a Fargate RunTask twice over: its ENI lacks {@code private_dns_name}, and it adds up container-level
     * memory that a Fargate task need not have. A bridge task definition with container memory (never what the
     * program declares) lets it start a task, so the rest of a run meets moto.
     */
    @Test
    void aJobMotoCanStartIsWaitedForToItsEndButWhatRanCannotBeNamed() throws IOException {
        Run run = runSeedPack(taskDefinition("seed-pack", NetworkMode.BRIDGE, 512));

        assertThat(run.check("job-started").path("status").asText()).isEqualTo("pass");
        assertThat(run.check("job-finished").path("status").asText()).isEqualTo("pass");
        assertThat(run.check("job-finished").path("api_calls").toString()).contains("ecs:DescribeTasks");
        assertThat(run.check("job-exit").path("message").asText()).isEqualTo("job seed-pack exited 0");
        assertThat(run.check("log-tail").path("message").asText()).isEqualTo("no log lines (the container wrote none)");
        assertThat(run.check("job-image").path("status").asText()).as("moto's tasks carry no image digest")
                .isEqualTo("unverified");
        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void theBudgetAndCostExplorersMonthFromMotoWithTheForecastMotoLacksFromWireMock() throws Exception {
        LocalDate first = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        try (BudgetsClient budgets = BudgetsClient.builder().region(Region.US_EAST_1).endpointOverride(moto.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE",
                        "moto"))).build()) {
            budgets.createBudget(b -> b.accountId(WindowFixtures.ACCOUNT).budget(x -> x
                    .budgetName("devmin-dev-min-monthly").budgetType("COST").timeUnit("MONTHLY")
                    .budgetLimit(s -> s.amount(new BigDecimal("30")).unit("USD"))
                    .calculatedSpend(c -> c.actualSpend(s -> s.amount(new BigDecimal("21.50")).unit("USD"))
                            .forecastedSpend(s -> s.amount(new BigDecimal("24.00")).unit("USD")))));
        }
        queueCostAndUsage("{\"results\":[{\"ResultsByTime\":[{\"TimePeriod\":{\"Start\":\"" + first + "\",\"End\":\""
                + first.plusMonths(1) + "\"},\"Total\":{\"UnblendedCost\":{\"Amount\":\"20.75\",\"Unit\":\"USD\"}},"
                + "\"Groups\":[],\"Estimated\":true}],\"DimensionValueAttributes\":[]}]}");
        WireMockServer front = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.1"));
        front.start();
        try {
            front.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                    com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).atPriority(10)
                    .willReturn(aResponse().proxiedFrom(moto.endpoint().toString())));
            front.stubFor(json("AWSInsightsIndexService.GetCostForecast").atPriority(1).willReturn(jsonBody(
                    "{\"Total\":{\"Amount\":\"4.10\",\"Unit\":\"USD\"},\"ForecastResultsByTime\":[]}")));
            System.setProperty("aws.endpointUrl", front.baseUrl());

            Run run = run("budget_posture_snapshot.json", "budget-posture");

            assertThat(run.exitCode()).as(run.stdout()).isZero();
            assertThat(run.check("threshold-ladder").path("message").asText()).isEqualTo("actual 21.50, forecast 24.85"
                    + " USD; actual crossed 10, 20; forecast crossed 10, 20; not above the last threshold 28");
        } finally {
            front.stop();
        }
    }

    void queueCostAndUsage(String results) throws IOException {
        HttpURLConnection post = (HttpURLConnection) moto.endpoint().resolve("/moto-api/static/ce/cost-and-usage-results")
                .toURL().openConnection();
        post.setRequestMethod("POST");
        post.setDoOutput(true);
        post.setRequestProperty("Content-Type", "application/json");
        post.getOutputStream().write(results.getBytes(StandardCharsets.UTF_8));
        assertThat(post.getResponseCode()).isEqualTo(201);
    }

    @Test
    void aWindowIsCertifiedFromTheVerdictsPublishedToTheBucketAndItsCertificateIsPublishedOnce() throws IOException {
        String digest = spec.image().digest();
        for (String file : WindowWorld.PHASE_FILES) {
            String key = "evidence/dev_min/dev-min/" + file.replace("/", "/" + WindowWorld.STAMP + "/");
            account.s3.putObject(b -> b.bucket(MotoAccount.BUCKET).key(key),
                    RequestBody.fromString(WindowWorld.passingVerdict(file, digest)));
        }
        account.s3.putObject(b -> b.bucket(MotoAccount.BUCKET).key("evidence/dev_min/dev-min/teardown/20261201T000000Z/"
                + "teardown_proof.json"), RequestBody.fromString(WindowWorld.passingVerdict("teardown_proof.json",
                "sha256:" + "e".repeat(64))));

        Run certified = run("certification_window.json", "certify", "--from-bucket", "--publish", "--since",
                "20261130T000000Z");

        assertThat(certified.exitCode()).as(certified.stdout()).isEqualTo(1);
        assertThat(certified.check("teardown").path("message").asText()).contains("teardown_proof.json")
                .contains("was made for image sha256:eeee");
        assertThat(certified.check("readiness").path("found").get(0).asText()).isEqualTo("s3://"
                + MotoAccount.BUCKET + "/evidence/dev_min/dev-min/readiness/" + WindowWorld.STAMP
                + "/readiness_snapshot.json");
        assertThat(certified.verdict().path("publication").path("uri").asText()).startsWith("s3://"
                + MotoAccount.BUCKET + "/evidence/dev_min/dev-min/certify/");
        String published = certified.verdict().path("publication").path("uri").asText()
                .substring(("s3://" + MotoAccount.BUCKET + "/").length());
        assertThat(account.s3.getObjectAsBytes(b -> b.bucket(MotoAccount.BUCKET).key(published)).asUtf8String())
                .contains("\"overall_pass\" : false");
    }
}
