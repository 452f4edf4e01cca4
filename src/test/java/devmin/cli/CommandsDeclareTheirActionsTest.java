package devmin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import devmin.live.AwsWorld;
import devmin.live.WireOperations;
import devmin.live.aws.IamActionNames;
import devmin.live.iam.IamSimulator;
import devmin.testing.AwsTestEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every devmin command declares the AWS actions it calls, and the declaration is exact: each live command runs
 * in-process, with every option that calls more ({@code --publish}, {@code --access-analyzer},
 * {@code --all-enabled-regions}), against a WireMock account where every call is reached and answered; every action
 * its call log records and every request that reached the wire must be declared, and every declared action must have
 * been called. A new AWS call without a declaration fails here, naming the command and the action.
 */
class CommandsDeclareTheirActionsTest {

    static final String BUCKET = "devmin-dev-min-evidence-123456789012";
    static final ObjectMapper JSON = new ObjectMapper();

    static final IamSimulator simulator = new IamSimulator();
    static AwsTestEndpoint endpoint;
    static WireMockServer server;
    static EnvironmentSpec spec;

    /** Each live command as a workflow writes it, with the options that make it call everything it can. */
    static final Map<String, List<String>> LIVE = new java.util.LinkedHashMap<>(Map.of(
            "preflight", List.of("preflight", "--kafka-security-protocol", "SASL_PLAINTEXT"),
            "verify-iam", List.of("verify-iam", "--access-analyzer"),
            // the newest snapshot in the bucket holds one resource of every kind read by id (see run)
            "verify-teardown", List.of("verify-teardown", "--all-enabled-regions")));

    static final String NO_SNAPSHOT = "(no snapshot in the bucket)";

    /**
     * Further runs of a command whose calls depend on what it finds: without any snapshot in the bucket,
     * verify-teardown reads the tags of each role of the stack's prefix instead of trusting the state's list.
     */
    static final Map<String, List<String>> ALSO = Map.of("verify-teardown", List.of("verify-teardown",
            "--region", "eu-west-2", NO_SNAPSHOT));


    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(simulator));
        server.start();
        spec = SpecParser.parse(ConfigSource.of(devmin.testing.Fixtures.committedConfig().values()), "devmin",
                "dev-min");
        endpoint = AwsTestEndpoint.pointAt(server.baseUrl());
        try {
            Path state = Files.createTempFile("devmin-state", ".json");
            Files.writeString(state, devmin.live.teardown.InventoryKinds.export("eu-west-2"));
            LIVE.put("snapshot pre-destroy", List.of("snapshot", "pre-destroy", "--state", state.toString()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The newest pre-destroy snapshot of the stack in the bucket, whose inventory verify-teardown reads by id. */
    static void publishedSnapshot() {
        String folder = "evidence/dev_min/dev-min/snapshot/";
        String key = folder + "20261206T120000Z/pre_destroy_snapshot.json";
        server.stubFor(get(urlPathEqualTo("/" + BUCKET)).withQueryParam("list-type", equalTo("2")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/"
                                + "doc/2006-03-01/\"><Name>" + BUCKET + "</Name><Prefix>" + folder + "</Prefix><KeyCount>1"
                                + "</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated><Contents><Key>"
                                + key + "</Key><Size>2</Size></Contents></ListBucketResult>")));
        server.stubFor(get(urlPathEqualTo("/" + BUCKET + "/" + key)).atPriority(1).willReturn(aResponse()
                .withStatus(200).withHeader("ETag", "\"e\"").withHeader("Content-Type", "application/json")
                .withBody(devmin.live.teardown.InventoryKinds.snapshot("eu-west-2"))));
    }

    @AfterAll
    static void stop() {
        endpoint.close();
        server.stop();
    }

    /** What one run called: by its call log, and on the wire. */
    record Observed(Set<String> callLog, Set<String> wire, List<String> unnamed, CliRun run) {
        Set<String> all() {
            Set<String> all = new TreeSet<>(callLog);
            all.addAll(wire);
            return all;
        }
    }

    static Observed run(List<String> command) throws IOException {
        server.resetAll();
        new AwsWorld(server, BUCKET).reachEverything().preflight(spec.image().tag(), spec.image().digest()).iam()
                .publishing().enabledRegions("eu-west-2", "eu-west-1");
        Path out = Files.createTempDirectory("devmin-actions");
        if (!command.contains(NO_SNAPSHOT)) {
            publishedSnapshot();
        }
        List<String> args = new ArrayList<>(command);
        args.remove(NO_SNAPSHOT);
        args.addAll(List.of("--publish", "--out", out.toString(), "--deadline", "60s"));
        CliRun run = CliRun.of(args.toArray(String[]::new));

        Set<String> callLog = new TreeSet<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path verdict : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                for (JsonNode check : JSON.readTree(verdict.toFile()).path("checks")) {
                    check.path("api_calls").forEach(call -> IamActionNames.of(call.asText()).ifPresent(callLog::add));
                }
            }
        }
        Set<String> wire = new TreeSet<>();
        List<String> unnamed = new ArrayList<>();
        server.getAllServeEvents().forEach(event -> WireOperations.iamAction(event.getRequest())
                .ifPresentOrElse(wire::add, () -> unnamed.add(event.getRequest().getMethod() + " "
                        + event.getRequest().getUrl())));
        return new Observed(callLog, wire, unnamed, run);
    }

    @TestFactory
    Stream<DynamicTest> everyActionALiveCommandCallsIsDeclaredAndEveryDeclaredActionIsCalled() {
        return LIVE.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            Set<String> declared = CommandActions.of(entry.getKey()).orElseThrow();
            Observed observed = run(entry.getValue());
            Set<String> calledInAnyRun = new TreeSet<>(observed.all());
            if (ALSO.containsKey(entry.getKey())) {
                Observed also = run(ALSO.get(entry.getKey()));
                assertThat(also.run().exitCode()).as(also.run().stdout() + also.run().stderr()).isIn(0, 1);
                assertThat(also.all()).as("%s: actions it does not declare", entry.getKey()).isSubsetOf(declared);
                calledInAnyRun.addAll(also.all());
            }

            assertThat(observed.run().exitCode()).as("every call answered and interpreted: "
                    + observed.run().stdout() + observed.run().stderr()).isIn(0, 1);
            assertThat(observed.unnamed()).as("requests the test cannot name").isEmpty();
            assertThat(observed.callLog()).as("%s: actions in its call log that it does not declare",
                    entry.getKey()).isSubsetOf(declared);
            assertThat(observed.wire()).as("%s: actions on the wire that it does not declare", entry.getKey())
                    .isSubsetOf(declared);
            assertThat(declared).as("%s: declared but never called", entry.getKey())
                    .isSubsetOf(calledInAnyRun);
        }));
    }

    @Test
    void theCallLogAndTheWireAgreeOnWhatPreflightCalled() throws IOException {
        Observed observed = run(LIVE.get("preflight"));

        assertThat(observed.callLog()).isEqualTo(new TreeSet<>(Set.of("sts:GetCallerIdentity", "ecr:DescribeImages",
                "ssm:DescribeParameters", "ssm:GetParameters", "s3:ListBucket")));
        assertThat(observed.wire()).containsAll(observed.callLog()).contains("s3:PutObject");
    }

    @Test
    void everyCommandOfTheCliIsInTheRegistry() {
        List<String> leaves = new ArrayList<>();
        collect(DevminCommand.commandLine(), "", leaves);

        assertThat(leaves).isNotEmpty().allSatisfy(command -> assertThat(CommandActions.of(command))
                .as("devmin %s declares its AWS actions in CommandActions", command).isPresent());
    }

    private static void collect(CommandLine command, String prefix, List<String> leaves) {
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            String full = (prefix + " " + name).trim();
            if (sub.getSubcommands().isEmpty()) {
                leaves.add(full);
            } else {
                collect(sub, full, leaves);
            }
        });
    }
}
