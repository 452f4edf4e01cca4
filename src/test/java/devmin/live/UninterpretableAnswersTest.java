package devmin.live;

import devmin.testing.AwsTestEndpoint;
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
import devmin.live.iam.IamSimulator;
import devmin.live.iam.VerifyIam;
import devmin.live.preflight.KafkaUsability;
import devmin.live.preflight.Preflight;
import devmin.live.teardown.TeardownProof;
import devmin.live.teardown.TeardownTarget;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import stacks.demo.DemoNames;
import stacks.handles.HandleName;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interpret or refuse, for every call of every live command: each operation the checks call is answered, one at a
 * time, with an HTTP 200 that is not its result (an empty body, a proxy's HTML page, a body without the result
 * member), and every check that made the call must end UNVERIFIED, naming it. The operations are those the checks
 * call in {@link AwsWorld#reachEverything()}, so a check that starts calling something new is covered as soon as the
 * world answers it.
 *
 * <p>One factory per command, and no class set-up: the mutation gate (PIT) runs each test method on its own, with a
 * class's {@code @BeforeAll} again for each, and reruns only the methods that reach a mutated line. So each command's
 * factory first runs its command in the reachable world to learn what it calls, and the server is started once per
 * JVM ({@link Server}), not per class.
 */
class UninterpretableAnswersTest {

    /** The WireMock server, started on first use and stopped when the JVM exits. */
    private static final class Server {
        static final WireMockServer INSTANCE = start();

        private static WireMockServer start() {
            WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                    .bindAddress("127.0.0.1").extensions(new IamSimulator()));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
            System.setProperty("aws.secretAccessKey", "test");
            return server;
        }
    }

    static final WireMockServer server = Server.INSTANCE;
    static final EnvironmentSpec spec = SpecParser.parse(ConfigSource.of(devmin.testing.Fixtures.committedConfig()
            .values()), "devmin", "dev-min");
    static final EnvironmentSpec window = WindowFixtures.spec();
    static final Provenance provenance = Provenance.start(Path.of("."), "dev-min", spec.image().tag(),
            spec.image().digest());

    static Map<String, String> roles() {
        DemoNames names = DemoNames.of(spec);
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put(HandleName.ROLE_ECS_TASK_EXECUTION, names.roleArn(names.executionRoleName()));
        spec.lanes().forEach(l -> roles.put(HandleName.laneRole(l.name()), names.roleArn(names.laneRoleName(l.name()))));
        return roles;
    }

    /** Built per use, never kept: {@link WindowHandles} is code under test, and PIT swaps in each mutant of it. */
    static WindowHandles handles() {
        return WindowHandles.of(WindowFixtures.handles(), window.lanes(), true);
    }

    /** Every live command, by the name a failure message gives it, as a run against the WireMock server. */
    static final Map<String, Supplier<List<CheckResult>>> COMMANDS = commands();

    static Map<String, Supplier<List<CheckResult>>> commands() {
        Map<String, Supplier<List<CheckResult>>> commands = new LinkedHashMap<>();
        commands.put("verify-teardown", () -> withClients(aws -> TeardownProof.prove(aws,
                TeardownTarget.of(spec), List.of("eu-west-2"), 8, 30_000, provenance).checks()));
        commands.put("verify-teardown --snapshot", () -> withClients(aws -> TeardownProof.prove(aws,
                TeardownTarget.of(spec), List.of("eu-west-2"), devmin.live.teardown.ProofInventory.of(
                        devmin.live.teardown.InventoryKinds.oneOfEachReadableKind("eu-west-2"), "test", List.of()),
                8, 30_000, provenance).checks()));
        commands.put("preflight", () -> withClients(aws -> new Preflight(aws, spec).run(
                new KafkaUsability(Duration.ofSeconds(1)), "SASL_PLAINTEXT", 5, 30_000, provenance).checks()));
        commands.put("verify-iam", () -> withClients(aws -> VerifyIam.verify(aws, spec, roles(), true,
                aws.accessAnalyzer("eu-west-2"), 8, 30_000, provenance).checks()));
        commands.put("readiness", () -> withClients(aws -> Readiness.check(aws, window, handles(),
                Readiness.DEFAULT_CRASH_WINDOW, 8, 30_000, provenance).checks()));
        commands.put("run seed-pack", () -> withClients(aws -> JobRun.run(aws, window, job("seed-pack"), 30_000,
                pause -> { }, provenance).checks()));
        commands.put("run checker (deadline)", () -> withClients(aws -> JobRun.run(aws, window, job("checker"), 0,
                pause -> { }, provenance).checks()));
        commands.put("budget-posture", () -> withClients(aws -> BudgetPosture.check(aws, window, MONTH, 8,
                30_000, provenance).checks()));
        commands.put("certify --from-bucket", () -> withClients(aws -> Certification.certify(List.of(
                new BucketEvidence(aws.s3("eu-west-2"), BUCKET, "dev_min", "dev-min")), window,
                new Certification.Request(CertifyPhase.WINDOW, Set.of("seed-pack"), ""), 8, 30_000, provenance)
                .checks()));
        return commands;
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

    static JobRequest job(String lane) {
        WindowHandles handles = handles();
        return new JobRequest(window.lane(lane).orElseThrow(), handles.taskDefinition(lane), handles.clusterArn(),
                handles.subnets(), handles.securityGroup(), List.of(), Duration.ofMillis(1), 20);
    }

    static List<CheckResult> withClients(Function<AwsClients, List<CheckResult>> run) {
        try (AwsClients aws = AwsTestEndpoint.clients(server.baseUrl(), 1, Duration.ofMillis(10))) {
            return run.apply(aws);
        }
    }

    /** {@code ec2:DescribeNatGateways (page 2)} is a call of {@code ec2:DescribeNatGateways}. */
    static String operation(String call) {
        int space = call.indexOf(' ');
        return space < 0 ? call : call.substring(0, space);
    }

    /** The operations a command calls in the reachable world. */
    static Set<String> operationsCalledBy(String command) {
        reachable();
        Set<String> operations = new TreeSet<>();
        COMMANDS.get(command).get().forEach(check -> check.apiCalls().forEach(call -> operations.add(operation(call))));
        return operations;
    }

    @Test
    void inTheReachableWorldEveryCallIsAnsweredAndEveryCheckConcludes() {
        AwsWorld world = reachable();
        List<CheckResult> all = new ArrayList<>();
        Set<String> called = new TreeSet<>();
        COMMANDS.values().forEach(run -> run.get().forEach(check -> {
            all.add(check);
            check.apiCalls().forEach(call -> called.add(operation(call)));
        }));

        assertThat(all).filteredOn(c -> c.status() == CheckStatus.UNVERIFIED).isEmpty();
        assertThat(called).containsExactlyInAnyOrderElementsOf(world.operations().keySet());
        assertThat(called).as("every describe devmin has is reached").contains("ec2:DescribeVpcs",
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

    /**
     * Each operation the command calls, answered with each {@link #BODIES body} in turn: every check of the command
     * that made the call ends UNVERIFIED and names it.
     */
    static Stream<DynamicTest> everyUninterpretableAnswerTo(String command) {
        Set<String> operations = operationsCalledBy(command);
        assertThat(operations).as(command + " calls AWS in the reachable world").isNotEmpty();
        return operations.stream().flatMap(api -> BODIES.stream().map(body -> DynamicTest.dynamicTest(
                command + ": " + api + " answered with " + body, () -> {
                    AwsWorld.Operation op = reachable().operation(api);
                    server.stubFor(op.request().atPriority(1).willReturn(body.response().apply(op)));
                    List<CheckResult> callingIt = COMMANDS.get(command).get().stream()
                            .filter(c -> c.apiCalls().stream().anyMatch(call -> operation(call).equals(api)))
                            .toList();

                    assertThat(callingIt).as(api).isNotEmpty().allSatisfy(check -> {
                        assertThat(check.status()).as(check.name() + ": " + check.message())
                                .isEqualTo(CheckStatus.UNVERIFIED);
                        assertThat(check.message()).contains(api);
                    });
                })));
    }

    @TestFactory
    Stream<DynamicTest> verifyTeardown() {
        return everyUninterpretableAnswerTo("verify-teardown");
    }

    @TestFactory
    Stream<DynamicTest> verifyTeardownFromASnapshot() {
        return everyUninterpretableAnswerTo("verify-teardown --snapshot");
    }

    @TestFactory
    Stream<DynamicTest> preflight() {
        return everyUninterpretableAnswerTo("preflight");
    }

    @TestFactory
    Stream<DynamicTest> verifyIam() {
        return everyUninterpretableAnswerTo("verify-iam");
    }

    @TestFactory
    Stream<DynamicTest> readiness() {
        return everyUninterpretableAnswerTo("readiness");
    }

    @TestFactory
    Stream<DynamicTest> runAJob() {
        return everyUninterpretableAnswerTo("run seed-pack");
    }

    @TestFactory
    Stream<DynamicTest> runAJobPastItsDeadline() {
        return everyUninterpretableAnswerTo("run checker (deadline)");
    }

    @TestFactory
    Stream<DynamicTest> budgetPosture() {
        return everyUninterpretableAnswerTo("budget-posture");
    }

    @TestFactory
    Stream<DynamicTest> certifyFromTheBucket() {
        return everyUninterpretableAnswerTo("certify --from-bucket");
    }

    @Test
    void everyCommandHasItsOwnFactory() {
        long factories = Arrays.stream(UninterpretableAnswersTest.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(TestFactory.class)).count();

        assertThat(factories).as("one @TestFactory per command of COMMANDS").isEqualTo(COMMANDS.size());
    }
}
