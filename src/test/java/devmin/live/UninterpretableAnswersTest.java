package devmin.live;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import devmin.evidence.Provenance;
import devmin.certify.BucketEvidence;
import devmin.certify.CertifyPhase;
import devmin.certify.Certification;
import devmin.live.aws.AwsClients;
import devmin.live.budget.BudgetPosture;
import devmin.live.ecs.WindowHandles;
import devmin.live.readiness.Readiness;
import devmin.live.run.JobRequest;
import devmin.live.run.JobRun;
import devmin.testing.WindowFixtures;
import devmin.live.aws.AwsSettings;
import devmin.live.iam.IamSimulator;
import devmin.live.iam.VerifyIam;
import devmin.live.preflight.KafkaUsability;
import devmin.live.preflight.Preflight;
import devmin.live.teardown.TeardownProof;
import devmin.live.teardown.TeardownTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import stacks.demo.DemoNames;
import stacks.handles.HandleName;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interpret or refuse, for every call of every live command: each operation the checks call is answered, one at a
 * time, with an HTTP 200 that is not its result (an empty body, a proxy's HTML page, a body without the result
 * member), and every check that made the call must end UNVERIFIED, naming it. The operations are those the checks
 * call in {@link AwsWorld#reachEverything()}, so a check that starts calling something new is covered as soon as the
 * world answers it.
 */
class UninterpretableAnswersTest {

    static final IamSimulator simulator = new IamSimulator();
    static WireMockServer server;
    static EnvironmentSpec spec;
    static Map<String, String> roles;
    static AwsWorld world;
    /** Which command calls each operation, from the run in the reachable world. */
    static final Map<String, Set<String>> callers = new TreeMap<>();

    static final Map<String, Function<List<String>, List<CheckResult>>> COMMANDS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(simulator));
        server.start();
        spec = SpecParser.parse(ConfigSource.of(devmin.testing.Fixtures.committedConfig().values()), "devmin",
                "dev-min");
        DemoNames names = DemoNames.of(spec);
        roles = new LinkedHashMap<>();
        roles.put(HandleName.ROLE_ECS_TASK_EXECUTION, names.roleArn(names.executionRoleName()));
        spec.lanes().forEach(l -> roles.put(HandleName.laneRole(l.name()), names.roleArn(names.laneRoleName(l.name()))));
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "test");
        world = reachable();
        Provenance provenance = Provenance.start(Path.of("."), "dev-min", spec.image().tag(), spec.image().digest());
        COMMANDS.put("verify-teardown", ignored -> withClients(aws -> TeardownProof.prove(aws,
                TeardownTarget.of(spec), List.of("eu-west-2"), 8, 30_000, provenance).checks()));
        COMMANDS.put("verify-teardown --snapshot", ignored -> withClients(aws -> TeardownProof.prove(aws,
                TeardownTarget.of(spec), List.of("eu-west-2"), devmin.live.teardown.ProofInventory.of(
                        devmin.live.teardown.InventoryKinds.oneOfEachReadableKind("eu-west-2"), "test", List.of()),
                8, 30_000, provenance).checks()));
        COMMANDS.put("preflight", ignored -> withClients(aws -> new Preflight(aws, spec).run(
                new KafkaUsability(Duration.ofSeconds(1)), "SASL_PLAINTEXT", 5, 30_000, provenance).checks()));
        COMMANDS.put("verify-iam", ignored -> withClients(aws -> VerifyIam.verify(aws, spec, roles, true,
                aws.accessAnalyzer("eu-west-2"), 8, 30_000, provenance).checks()));
        EnvironmentSpec window = WindowFixtures.spec();
        WindowHandles handles = WindowHandles.of(WindowFixtures.handles(), window.lanes(), true);
        COMMANDS.put("readiness", ignored -> withClients(aws -> Readiness.check(aws, window, handles,
                Readiness.DEFAULT_CRASH_WINDOW, 8, 30_000, provenance).checks()));
        COMMANDS.put("run seed-pack", ignored -> withClients(aws -> JobRun.run(aws, window, job(window, handles,
                "seed-pack"), 30_000, pause -> { }, provenance).checks()));
        COMMANDS.put("run checker (deadline)", ignored -> withClients(aws -> JobRun.run(aws, window, job(window,
                handles, "checker"), 0, pause -> { }, provenance).checks()));
        COMMANDS.put("budget-posture", ignored -> withClients(aws -> BudgetPosture.check(aws, window, MONTH, 8,
                30_000, provenance).checks()));
        COMMANDS.put("certify --from-bucket", ignored -> withClients(aws -> Certification.certify(List.of(
                new BucketEvidence(aws.s3("eu-west-2"), BUCKET, "dev_min", "dev-min")), window,
                new Certification.Request(CertifyPhase.WINDOW, Set.of("seed-pack"), ""), 8, 30_000, provenance)
                .checks()));
        COMMANDS.forEach((command, run) -> run.apply(List.of()).forEach(check -> check.apiCalls()
                .forEach(call -> callers.computeIfAbsent(operation(call), c -> new TreeSet<>()).add(command))));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static final String BUCKET = "devmin-dev-min-evidence-123456789012";
    static final LocalDate MONTH = LocalDate.of(2026, 11, 1);

    static AwsWorld reachable() {
        server.resetAll();
        AwsWorld world = new AwsWorld(server, BUCKET).reachEverything()
                .preflight(spec.image().tag(), spec.image().digest()).iam();
        return WindowWorld.answer(world, BUCKET, spec.image().digest(), MONTH, Map.of(
                "/devmin/dev_min/confluent/lanes/seed-pack/api_secret", "not-a-real-secret"));
    }

    static JobRequest job(EnvironmentSpec window, WindowHandles handles, String lane) {
        return new JobRequest(window.lane(lane).orElseThrow(), handles.taskDefinition(lane), handles.clusterArn(),
                handles.subnets(), handles.securityGroup(), List.of(), Duration.ofMillis(1), 20);
    }

    static List<CheckResult> withClients(Function<AwsClients, List<CheckResult>> run) {
        try (AwsClients aws = new AwsClients(new AwsSettings(Optional.of(URI.create(server.baseUrl())), 1,
                Duration.ofMillis(10), Duration.ofSeconds(10)))) {
            return run.apply(aws);
        }
    }

    /** {@code ec2:DescribeNatGateways (page 2)} is a call of {@code ec2:DescribeNatGateways}. */
    static String operation(String call) {
        int space = call.indexOf(' ');
        return space < 0 ? call : call.substring(0, space);
    }

    @Test
    void inTheReachableWorldEveryCallIsAnsweredAndEveryCheckConcludes() {
        List<CheckResult> all = new ArrayList<>();
        COMMANDS.values().forEach(run -> all.addAll(run.apply(List.of())));

        assertThat(all).filteredOn(c -> c.status() == CheckStatus.UNVERIFIED).isEmpty();
        assertThat(callers.keySet()).containsExactlyInAnyOrderElementsOf(world.operations().keySet());
        assertThat(callers).as("every describe devmin has is reached").containsKeys("ec2:DescribeVpcs",
                "ec2:DescribeNetworkInterfaces", "ecs:DescribeTasks", "ecs:DescribeTaskDefinition",
                "elasticloadbalancingv2:DescribeTargetGroups", "rds:DescribeDBSubnetGroups", "logs:DescribeLogGroups",
                "iam:GetRole", "iam:GetRolePolicy", "iam:ListRoles", "iam:ListRoleTags",
                "servicediscovery:ListNamespaces");
    }

    /** A 200 that is not the operation's result. */
    record Body(String name, Function<AwsWorld.Operation, ResponseDefinitionBuilder> response) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Body> BODIES = List.of(
            new Body("an empty body", op -> aResponse().withStatus(200).withHeader("Content-Type", contentType(op))),
            new Body("a proxy's HTML page", op -> aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                    .withBody("<!DOCTYPE html><html><head><title>Sign in</title></head><body><p>Corporate proxy"
                            + "</p></body></html>")),
            new Body("a body without the result member", op -> aResponse().withStatus(200)
                    .withHeader("Content-Type", contentType(op)).withBody(withoutResult(op))));

    static String contentType(AwsWorld.Operation op) {
        return switch (op.protocol()) {
            case QUERY -> "text/xml";
            case JSON -> "application/x-amz-json-1.1";
            case REST_JSON, REST_HEAD -> "application/json";
            case REST_XML -> "application/xml";
            case REST_BYTES -> "application/octet-stream";
        };
    }

    static String withoutResult(AwsWorld.Operation op) {
        return switch (op.protocol()) {
            case QUERY -> "<" + op.action() + "Response xmlns=\"" + op.namespace() + "\"><ResponseMetadata><RequestId>r"
                    + "</RequestId></ResponseMetadata></" + op.action() + "Response>";
            case JSON, REST_JSON -> "{\"unrelated\":true}";
            case REST_HEAD -> "";
            case REST_XML -> "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>b</Name>"
                    + "</ListBucketResult>";
            case REST_BYTES -> "{\"overall_pass\":true}";
        };
    }

    @TestFactory
    Stream<DynamicTest> aTwoHundredThatIsNotTheResultMakesEveryCheckThatCalledItUnverified() {
        return callers.keySet().stream().flatMap(api -> BODIES.stream().map(body -> DynamicTest.dynamicTest(
                api + " answered with " + body, () -> {
                    AwsWorld.Operation op = reachable().operation(api);
                    server.stubFor(op.request().atPriority(1).willReturn(body.response().apply(op)));
                    List<CheckResult> callingIt = new ArrayList<>();
                    callers.get(api).forEach(command -> COMMANDS.get(command).apply(List.of()).stream()
                            .filter(c -> c.apiCalls().stream().anyMatch(call -> operation(call).equals(api)))
                            .forEach(callingIt::add));

                    assertThat(callingIt).as(api).isNotEmpty().allSatisfy(check -> {
                        assertThat(check.status()).as(check.name() + ": " + check.message())
                                .isEqualTo(CheckStatus.UNVERIFIED);
                        assertThat(check.message()).contains(api);
                    });
                })));
    }
}
