package devmin.live.moto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import devmin.cli.CliRun;
import devmin.testing.AwsTestEndpoint;
import devmin.testing.Moto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static devmin.live.moto.MotoAccount.DEMO;
import static devmin.live.moto.MotoAccount.OTHER_STACK;
import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verify-teardown} and {@code snapshot pre-destroy} against moto, seeded through the AWS SDK: a clean account
 * passes, each leftover alone is a blocker naming it, each missing core item is an over-destroy.
 */
class MotoTeardownIT {

    static final List<String> HANDLES = devmin.testing.CommittedHandles.allPaths();

    static Moto moto;
    static AwsTestEndpoint endpoint;
    static EnvironmentSpec spec;
    MotoAccount account;

    @BeforeAll
    static void start() {
        moto = Moto.server();
        spec = SpecParser.parse(ConfigSource.of(committedConfig().values()), "devmin", "dev-min");
        endpoint = AwsTestEndpoint.pointAt(moto.endpoint().toString());
    }

    /** The SDK's endpoint and credentials as they were before this class. */
    @AfterAll
    static void stop() {
        endpoint.close();
    }

    @BeforeEach
    void intactCore() {
        moto.reset();
        account = new MotoAccount(moto.endpoint(), MotoAccount.REGION);
        account.evidenceBucket().repositoryWithImage(spec.image().tag(), spec.image().digest())
                .laneLogGroups(devmin.testing.CommittedHandles.LANES);
        HANDLES.forEach(path -> account.handle(path, "value-of-" + path));
    }

    @AfterEach
    void close() {
        account.close();
    }

    record Run(int exitCode, String stdout, String stderr, JsonNode verdict) {
        JsonNode check(String name) {
            for (JsonNode check : verdict.get("checks")) {
                if (check.get("name").asText().equals(name)) {
                    return check;
                }
            }
            throw new AssertionError("no check " + name + " in " + verdict);
        }

        List<String> nonPassing() {
            List<String> names = new ArrayList<>();
            verdict.get("checks").forEach(c -> {
                if (!c.get("status").asText().equals("pass")) {
                    names.add(c.get("name").asText());
                }
            });
            return names;
        }
    }

    static Run run(Path out, String file, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        CliRun cli = CliRun.of(all.toArray(String[]::new));
        try (var files = Files.walk(out)) {
            Path verdict = files.filter(p -> p.getFileName().toString().equals(file)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + file + ": " + cli.stdout() + cli.stderr()));
            Run run = new Run(cli.exitCode(), cli.stdout(), cli.stderr(), new ObjectMapper().readTree(verdict.toFile()));
            assertCallsAreDeclared(run, args);
            return run;
        }
    }

    /** Against moto too, every call a command's checks record is an action the command declares (CommandActions). */
    static void assertCallsAreDeclared(Run run, String... args) {
        String command = args[0].equals("snapshot") ? args[0] + " " + args[1] : args[0];
        java.util.Set<String> declared = devmin.cli.CommandActions.of(command).orElseThrow();
        run.verdict().get("checks").forEach(check -> check.get("api_calls").forEach(call ->
                devmin.live.aws.IamActionNames.of(call.asText()).ifPresent(action -> assertThat(declared)
                        .as("devmin %s called %s", command, call.asText()).contains(action))));
    }

    @Test
    void aCleanAccountWithOtherStacksResourcesPasses(@TempDir Path out) throws IOException {
        account.applicationLoadBalancer("another-alb", OTHER_STACK);
        String otherCluster = account.cluster("another", OTHER_STACK);
        account.service(otherCluster, "another-svc", 1, OTHER_STACK);
        account.securityGroup("another-sg", OTHER_STACK);
        account.dbInstance("another-db", OTHER_STACK);

        Run run = run(out, "teardown_proof.json", "verify-teardown");

        assertThat(run.verdict().get("blockers")).as(run.stdout()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.verdict().get("retained_core")).extracting(JsonNode::asText)
                .containsExactly("evidence-bucket", "image-repository", "handles", "log-groups");
        assertThat(run.verdict().get("api_calls").asInt()).isGreaterThanOrEqualTo(13);
    }

    @Test
    void aDemoServiceDeletedButStillListedByTheTaggingApiIsConfirmedGone(@TempDir Path out) throws IOException {
        String cluster = account.cluster("another", OTHER_STACK);
        account.service(cluster, "ig", 0, DEMO);
        account.ecs.deleteService(b -> b.cluster(cluster).service("ig").force(true));

        Run run = run(out, "teardown_proof.json", "verify-teardown");

        assertThat(run.exitCode()).as(run.stdout()).isZero();
        assertThat(run.check("tagged-resources-gone").get("message").asText())
                .isEqualTo("1 tagged resource(s) listed, all confirmed gone");
        assertThat(run.check("tagged-resources-gone").get("api_calls").toString())
                .contains("ecs:DescribeServices");
    }

    /** One thing a window left behind, the checks it must fail, and how the proof names it. */
    record Leftover(String what, Function<MotoAccount, String> seed, List<String> failing) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Leftover> leftovers() {
        return Stream.of(
                new Leftover("NAT gateway (untagged)", MotoAccount::natGateway, List.of("nat-gateways")),
                new Leftover("application load balancer", a -> a.applicationLoadBalancer("devmin-alb", DEMO)
                        .replaceAll(".*loadbalancer/app/([^/]+)/.*", "$1"), List.of("load-balancers",
                        "tagged-resources-gone")),
                new Leftover("classic load balancer", a -> {
                    a.classicLoadBalancer("devmin-clb", DEMO);
                    return "devmin-clb";
                }, List.of("load-balancers", "tagged-resources-gone")),
                new Leftover("ECS cluster", a -> {
                    a.cluster("devmin-dev-min", DEMO);
                    return "devmin-dev-min";
                }, List.of("ecs", "tagged-resources-gone")),
                new Leftover("ECS service", a -> {
                    String cluster = a.cluster("devmin-dev-min", DEMO);
                    a.service(cluster, "ig", 1, DEMO);
                    return "service ig";
                }, List.of("ecs", "tagged-resources-gone")),
                new Leftover("running ECS task", a -> {
                    String cluster = a.cluster("devmin-dev-min", DEMO);
                    return a.runningTask(cluster, DEMO).replaceAll(".*/", "");
                }, List.of("ecs", "tagged-resources-gone")),
                new Leftover("RDS instance", a -> a.dbInstance("devmin-dev-min-db", DEMO),
                        List.of("rds", "tagged-resources-gone")),
                new Leftover("EC2 instance", a -> a.instance(DEMO), List.of("ec2", "tagged-resources-gone")),
                // moto's Tagging API does not list Elastic IPs or VPC endpoints (AWS's does): only the ec2 check sees them
                new Leftover("Elastic IP", a -> a.elasticIp(DEMO), List.of("ec2")),
                new Leftover("interface endpoint", a -> a.interfaceEndpoint(DEMO), List.of("ec2")),
                new Leftover("tagged security group", a -> a.securityGroup("devmin-lanes", DEMO),
                        List.of("tagged-resources-gone")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leftovers")
    void eachLeftoverAloneIsANamedBlocker(Leftover leftover, @TempDir Path out) throws IOException {
        String id = leftover.seed().apply(account);

        Run run = run(out, "teardown_proof.json", "verify-teardown");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isEqualTo(1);
        assertThat(run.nonPassing()).as(run.stdout()).containsExactlyInAnyOrderElementsOf(leftover.failing());
        for (String name : leftover.failing()) {
            assertThat(run.check(name).get("status").asText()).as(run.stdout()).isEqualTo("blocker");
            assertThat(run.check(name).get("found").toString()).as(name).contains(id);
        }
    }

    static Stream<Arguments> overDestroys() {
        return Stream.of(
                new Arguments("evidence bucket", a -> a.s3.deleteBucket(b -> b.bucket(MotoAccount.BUCKET)),
                        "core-evidence-bucket", "evidence bucket " + MotoAccount.BUCKET),
                new Arguments("image repository", a -> a.ecr.deleteRepository(b -> b.repositoryName(
                        MotoAccount.REPOSITORY).force(true)), "core-image-repository", "ECR repository fraud-platform"),
                new Arguments("one SSM handle", a -> a.ssm.deleteParameter(b -> b.name("/devmin/dev_min/ig/api_key")),
                        "core-handles", "SSM handle /devmin/dev_min/ig/api_key"));
    }

    /** A core item removed, the check that must see it, and how it is named. */
    record Arguments(String what, java.util.function.Consumer<MotoAccount> remove, String check, String named) {
        @Override
        public String toString() {
            return what;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overDestroys")
    void eachMissingCoreItemIsAnOverDestroy(Arguments missing, @TempDir Path out) throws IOException {
        missing.remove().accept(account);

        Run run = run(out, "teardown_proof.json", "verify-teardown");

        assertThat(run.exitCode()).as(run.stdout()).isEqualTo(1);
        // without the bucket, the newest pre-destroy snapshot cannot be looked for either: that line is unverified
        assertThat(run.nonPassing()).containsExactlyElementsOf(missing.check().equals("core-evidence-bucket")
                ? List.of("inventory", missing.check()) : List.of(missing.check()));
        assertThat(run.check(missing.check()).get("found")).extracting(JsonNode::asText)
                .containsExactly(missing.named());
        assertThat(run.verdict().get("blockers").toString()).contains("over-destroy");
    }

    @Test
    void aPublishedProofIsTheLocalOneAndItsKeyCannotBeWrittenAgain(@TempDir Path out) throws Exception {
        Run run = run(out, "teardown_proof.json", "verify-teardown", "--publish");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        String uri = run.verdict().at("/publication/uri").asText();
        String key = uri.substring(("s3://" + MotoAccount.BUCKET + "/").length());
        String stored = account.s3.getObjectAsBytes(b -> b.bucket(MotoAccount.BUCKET).key(key)).asUtf8String();
        try (var files = Files.walk(out)) {
            Path local = files.filter(p -> p.getFileName().toString().equals("teardown_proof.json")).findFirst()
                    .orElseThrow();
            assertThat(stored).isEqualTo(Files.readString(local));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new devmin.evidence.EvidencePublisher(account.s3,
                MotoAccount.BUCKET).publish(key, "{\"overall_pass\":true}", "application/json"))
                .isInstanceOf(devmin.evidence.EvidencePublisher.EvidenceExistsException.class);
        assertThat(account.s3.getObjectAsBytes(b -> b.bucket(MotoAccount.BUCKET).key(key)).asUtf8String())
                .isEqualTo(stored);
    }

    @Test
    void theShippedJarTakesItsEndpointAndCredentialsFromTheEnvironment(@TempDir Path out) throws Exception {
        Path jar = Path.of("target", "devmin.jar");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(jar), "needs the packaged jar (mvn package)");
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString(), "verify-teardown", "--out",
                out.toString()).redirectErrorStream(true);
        builder.environment().put("AWS_ENDPOINT_URL", moto.endpoint().toString());
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "moto");
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("Teardown proof dev-min: PASS — 14 checks, \\d+ API calls");
    }

    @Test
    void fourRegionsAreEachProvenAndACleanOneStaysClean(@TempDir Path out) throws IOException {
        try (MotoAccount ireland = new MotoAccount(moto.endpoint(), "eu-west-1")) {
            ireland.natGateway();

            Run run = run(out, "teardown_proof.json", "verify-teardown", "--region", "eu-west-2", "--region",
                    "eu-west-1", "--region", "us-east-1", "--region", "eu-central-1");

            assertThat(run.exitCode()).isEqualTo(1);
            // the inventory line and the caller, seven per region, the stray-role sweep, four core checks
            assertThat(run.verdict().get("checks")).hasSize(2 + 7 * 4 + 1 + 4);
            assertThat(run.verdict().get("blockers")).singleElement().extracting(JsonNode::asText).asString()
                    .startsWith("nat-gateways [eu-west-1]");
        }
    }

    @Test
    void thePreDestroySnapshotListsWhatTheDemoLayerHolds(@TempDir Path out) throws IOException {
        String cluster = account.cluster("devmin-dev-min", DEMO);
        account.service(cluster, "ig", 1, DEMO);
        account.applicationLoadBalancer("devmin-alb", DEMO);
        account.dbInstance("devmin-dev-min-db", DEMO);

        Path state = Files.writeString(Files.createTempFile(out, "state", ".json"),
                "{\"version\":3,\"deployment\":{\"resources\":[]}}");
        Run run = run(out, "pre_destroy_snapshot.json", "snapshot", "pre-destroy", "--state", state.toString());

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.verdict().get("schema").asText()).isEqualTo("devmin.pre-destroy-snapshot/v1");
        assertThat(run.check("ecs").get("found")).extracting(JsonNode::asText)
                .containsExactly("cluster devmin-dev-min", "service ig (desired 1, running 0)");
        assertThat(run.check("ecs").get("message").asText()).isEqualTo("2 held");
        assertThat(run.check("load-balancers").get("found").toString()).contains("loadbalancer/app/devmin-alb/");
        assertThat(run.check("rds").get("found")).extracting(JsonNode::asText)
                .containsExactly("db devmin-dev-min-db (available)");
        assertThat(run.check("nat-gateways").get("message").asText()).isEqualTo("0 held");
    }
}
