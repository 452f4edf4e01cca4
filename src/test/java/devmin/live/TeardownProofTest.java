package devmin.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import devmin.cli.CliRun;
import devmin.evidence.Provenance;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsSettings;
import devmin.live.teardown.TeardownProof;
import devmin.live.teardown.TeardownTarget;
import devmin.testing.AwsTestEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static devmin.live.AwsWire.*;
import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The teardown proof against real AWS wire responses served by WireMock: every fault ends in a non-pass verdict. */
class TeardownProofTest {

    static final String BUCKET = "devmin-dev-min-evidence-123456789012";
    static WireMockServer server;
    static AwsWire wire;
    static EnvironmentSpec spec;
    static AwsTestEndpoint endpoint;
    AwsClients aws;

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        wire = new AwsWire(server);
        spec = SpecParser.parse(ConfigSource.of(committedConfig().values()), "devmin", "dev-min");
        endpoint = AwsTestEndpoint.credentialsOnly();
    }

    @AfterAll
    static void stop() {
        server.stop();
        endpoint.close();
    }

    @BeforeEach
    void cleanCore() {
        server.resetAll();
        wire.cleanRegionAndIntactCore(BUCKET);
        aws = new AwsClients(new AwsSettings(Optional.of(URI.create(server.baseUrl())), 3, Duration.ofMillis(10),
                Duration.ofSeconds(10)));
    }

    @AfterEach
    void noUnmatchedRequests() {
        aws.close();
        assertThat(server.findAllUnmatchedRequests()).as("unmatched requests").isEmpty();
    }

    Verdict prove() {
        return TeardownProof.prove(aws, TeardownTarget.of(spec), List.of("eu-west-2"), 4, 30_000,
                Provenance.start(Path.of("."), "dev-min", spec.image().tag(), spec.image().digest()));
    }

    static CheckResult check(Verdict verdict, String name) {
        return verdict.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aCleanRegionWithIntactCoreIsProvenClean() {
        Verdict verdict = prove();

        assertThat(verdict.blockers()).isEmpty();
        assertThat(verdict.overallPass()).isTrue();
        assertThat(verdict.exitCode()).isZero();
        // the inventory line and the caller; seven per region; the stray-role sweep; four for the core (bucket,
        // repository, handles, log groups)
        assertThat(verdict.checks()).hasSize(2 + 7 + 1 + 4);
        assertThat(verdict.toJson().get("retained_core")).extracting(n -> n.asText())
                .containsExactly("evidence-bucket", "image-repository", "handles", "log-groups");
    }

    @Test
    void natGatewayPaginationIsFollowedToTheLastPage() {
        server.stubFor(query("DescribeNatGateways", "2016-11-15").atPriority(1)
                .withRequestBody(notContaining("NextToken")).willReturn(xml(natGateways(nat("nat-a", "deleted"), "t2"))));
        server.stubFor(query("DescribeNatGateways", "2016-11-15").atPriority(1)
                .withRequestBody(containing("NextToken=t2")).willReturn(xml(natGateways(nat("nat-b", "deleted"), "t3"))));
        server.stubFor(query("DescribeNatGateways", "2016-11-15").atPriority(1)
                .withRequestBody(containing("NextToken=t3")).willReturn(xml(natGateways(nat("nat-c", "available"), ""))));

        CheckResult nat = check(prove(), "nat-gateways");

        assertThat(nat.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(nat.found()).containsExactly("nat-c (available)");
        assertThat(nat.apiCalls()).containsExactly("ec2:DescribeNatGateways", "ec2:DescribeNatGateways (page 2)",
                "ec2:DescribeNatGateways (page 3)");
    }

    @Test
    void aNatGatewayListingThatRepeatsItsTokenIsUnverifiedAtOnceNotAtTheDeadline() {
        server.stubFor(query("DescribeNatGateways", "2016-11-15").atPriority(1)
                .willReturn(xml(natGateways(nat("nat-a", "deleted"), "t2"))));

        CheckResult nat = check(prove(), "nat-gateways");

        assertThat(nat.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(nat.message()).isEqualTo("ec2:DescribeNatGateways (page 2): the answer repeats the pagination token"
                + " 't2' it gave before, so the listing would never end");
        server.verify(2, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeNatGateways")));
    }

    @Test
    void aNatGatewayListingAnsweredByAProxyPageIsUnverifiedNotEmpty() {
        server.stubFor(query("DescribeNatGateways", "2016-11-15").atPriority(1).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/html").withBody("<html><body>proxy</body></html>")));

        Verdict verdict = prove();

        assertThat(check(verdict, "nat-gateways").status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(check(verdict, "nat-gateways").message()).isEqualTo("ec2:DescribeNatGateways: the answer has no"
                + " NatGateways (HTTP 200 without the operation's result)");
        assertThat(verdict.overallPass()).isFalse();
        assertThat(verdict.exitCode()).isEqualTo(2);
    }

    @Test
    void aPendingNatGatewayIsABlockerWhateverItsTags() {
        server.stubFor(query("DescribeNatGateways", "2016-11-15").atPriority(1)
                .willReturn(xml(natGateways(nat("nat-0pending", "pending"), ""))));

        Verdict verdict = prove();

        assertThat(check(verdict, "nat-gateways").found()).containsExactly("nat-0pending (pending)");
        assertThat(verdict.exitCode()).isEqualTo(1);
    }

    @Test
    void throttlingThenSuccessPasses() {
        server.stubFor(query("DescribeNatGateways", "2016-11-15").atPriority(1).inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(ec2Error(503, "RequestLimitExceeded"))
                .willSetStateTo("recovered"));
        server.stubFor(query("DescribeNatGateways", "2016-11-15").atPriority(1).inScenario("throttle")
                .whenScenarioStateIs("recovered").willReturn(xml(natGateways("", ""))));

        Verdict verdict = prove();

        assertThat(check(verdict, "nat-gateways").status()).isEqualTo(CheckStatus.PASS);
        assertThat(verdict.overallPass()).isTrue();
        server.verify(2, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeNatGateways")));
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsUnverified() {
        server.stubFor(query("DescribeNatGateways", "2016-11-15").atPriority(1)
                .willReturn(ec2Error(503, "RequestLimitExceeded")));

        Verdict verdict = prove();

        CheckResult nat = check(verdict, "nat-gateways");
        assertThat(nat.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(nat.message()).contains("throttled past the retries");
        assertThat(verdict.overallPass()).isFalse();
        assertThat(verdict.exitCode()).isEqualTo(2);
        server.verify(3, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeNatGateways")));
    }

    @Test
    void accessDeniedIsUnverifiedNeverAPass() {
        server.stubFor(json("AmazonEC2ContainerServiceV20141113.ListClusters").atPriority(1)
                .willReturn(jsonError(400, "AccessDeniedException")));

        Verdict verdict = prove();

        assertThat(check(verdict, "ecs").status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(check(verdict, "ecs").message()).contains("access denied");
        assertThat(verdict.exitCode()).isEqualTo(2);
    }

    @Test
    void a500IsUnverified() {
        server.stubFor(query("DescribeDBInstances", "2014-10-31").atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("<ErrorResponse><Error><Code>InternalFailure</Code>"
                        + "<Message>boom</Message></Error></ErrorResponse>")));

        Verdict verdict = prove();

        assertThat(check(verdict, "rds").status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(verdict.overallPass()).isFalse();
    }

    @Test
    void aTaggedResourceAlreadyGoneIsFine() {
        String arn = "arn:aws:ecs:eu-west-2:123456789012:cluster/devmin-dev-min";
        server.stubFor(json("ResourceGroupsTaggingAPI_20170126.GetResources").atPriority(1).willReturn(jsonBody(
                "{\"ResourceTagMappingList\":[{\"ResourceARN\":\"" + arn + "\",\"Tags\":[{\"Key\":\"devmin:layer\","
                        + "\"Value\":\"demo\"},{\"Key\":\"devmin:stack\",\"Value\":\"dev-min\"}]}],"
                        + "\"PaginationToken\":\"\"}")));
        server.stubFor(json("AmazonEC2ContainerServiceV20141113.DescribeClusters").atPriority(1).willReturn(jsonBody(
                "{\"clusters\":[{\"clusterArn\":\"" + arn + "\",\"clusterName\":\"devmin-dev-min\",\"status\":\"INACTIVE\"}],"
                        + "\"failures\":[]}")));

        CheckResult tagged = check(prove(), "tagged-resources-gone");

        assertThat(tagged.status()).isEqualTo(CheckStatus.PASS);
        assertThat(tagged.apiCalls()).contains("tag:GetResources", "ecs:DescribeClusters");
    }

    @Test
    void aLeftoverEcsServiceIsABlocker() {
        String cluster = "arn:aws:ecs:eu-west-2:123456789012:cluster/devmin-dev-min";
        server.stubFor(json("AmazonEC2ContainerServiceV20141113.ListClusters").atPriority(1)
                .willReturn(jsonBody("{\"clusterArns\":[\"" + cluster + "\"]}")));
        server.stubFor(json("AmazonEC2ContainerServiceV20141113.DescribeClusters").atPriority(1).willReturn(jsonBody(
                "{\"clusters\":[{\"clusterArn\":\"" + cluster + "\",\"clusterName\":\"devmin-dev-min\",\"status\":\"ACTIVE\","
                        + "\"tags\":[{\"key\":\"devmin:stack\",\"value\":\"dev-min\"},{\"key\":\"devmin:layer\","
                        + "\"value\":\"demo\"}]}],\"failures\":[]}")));
        server.stubFor(json("AmazonEC2ContainerServiceV20141113.ListServices").atPriority(1).willReturn(jsonBody(
                "{\"serviceArns\":[\"arn:aws:ecs:eu-west-2:123456789012:service/devmin-dev-min/ig\"]}")));
        server.stubFor(json("AmazonEC2ContainerServiceV20141113.DescribeServices").atPriority(1).willReturn(jsonBody(
                "{\"services\":[{\"serviceName\":\"ig\",\"status\":\"ACTIVE\",\"desiredCount\":1,\"runningCount\":1}],"
                        + "\"failures\":[]}")));
        server.stubFor(json("AmazonEC2ContainerServiceV20141113.ListTasks").atPriority(1)
                .willReturn(jsonBody("{\"taskArns\":[]}")));

        Verdict verdict = prove();

        assertThat(check(verdict, "ecs").found()).containsExactly("cluster devmin-dev-min",
                "service ig (desired 1, running 1)");
        assertThat(verdict.exitCode()).isEqualTo(1);
    }

    @Test
    void aDeletedEvidenceBucketIsAnOverDestroy() {
        server.stubFor(head(urlPathEqualTo("/" + BUCKET)).atPriority(1).willReturn(aResponse().withStatus(404)));

        Verdict verdict = prove();

        assertThat(check(verdict, "core-evidence-bucket").status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(verdict.blockers()).anySatisfy(b -> assertThat(b).contains("over-destroy").contains(BUCKET));
        assertThat(verdict.exitCode()).isEqualTo(1);
    }

    @Test
    void allEnabledRegionsAreEachProven(@TempDir Path out) throws Exception {
        System.setProperty("aws.endpointUrl", server.baseUrl());
        server.stubFor(query("DescribeRegions", "2016-11-15").willReturn(xml("<DescribeRegionsResponse xmlns=\""
                + EC2_NS + "\"><regionInfo><item><regionName>eu-west-2</regionName></item><item><regionName>us-east-1"
                + "</regionName></item></regionInfo></DescribeRegionsResponse>")));

        CliRun run = CliRun.of("verify-teardown", "--out", out.toString(), "--all-enabled-regions");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        Path proof;
        try (var files = Files.walk(out)) {
            proof = files.filter(p -> p.getFileName().toString().equals("teardown_proof.json")).findFirst().orElseThrow();
        }
        var json = new ObjectMapper().readTree(proof.toFile());
        assertThat(json.get("regions")).extracting(r -> r.asText()).containsExactly("eu-west-2", "us-east-1");
        assertThat(json.get("checks")).hasSize(2 + 7 * 2 + 1 + 4);
    }

    @Test
    void withoutOutTheProofIsWrittenUnderTheProjectsRunsWhateverTheCurrentDirectory(@TempDir Path project)
            throws Exception {
        System.setProperty("aws.endpointUrl", server.baseUrl());
        Files.copy(Path.of("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Files.copy(Path.of("Pulumi.dev-min.yaml"), project.resolve("Pulumi.dev-min.yaml"));

        CliRun run = CliRun.of("verify-teardown", "--project-dir", project.toString());

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(evidence(project.resolve("runs"), "teardown_proof.json"))
                .startsWith(project.resolve("runs").resolve("dev_min").resolve("teardown"));
        assertThat(run.stdout()).contains("evidence: " + project.resolve("runs"));
    }

    @Test
    void aPublicationRefusedBecauseTheKeyExistsLeavesALocalVerdictThatSaysSoAndFails(@TempDir Path out)
            throws Exception {
        System.setProperty("aws.endpointUrl", server.baseUrl());
        server.stubFor(put(urlPathMatching("/" + BUCKET + "/evidence/dev_min/dev-min/teardown/.*"))
                .withHeader("If-None-Match", equalTo("*")).willReturn(aResponse().withStatus(412).withBody(
                        "<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified"
                                + " did not hold</Message></Error>")));

        CliRun run = CliRun.of("verify-teardown", "--out", out.toString(), "--publish", "--deadline", "60s");

        assertThat(run.stdout()).contains("Teardown proof dev-min: UNVERIFIED").doesNotContain("PASS");
        assertThat(run.stderr()).contains("already exists; evidence is never overwritten");
        assertThat(run.exitCode()).isEqualTo(2);
        var json = new ObjectMapper().readTree(evidence(out, "teardown_proof.json").toFile());
        assertThat(json.get("schema").asText()).isEqualTo("devmin.teardown-proof/v1");
        assertThat(json.get("overall_pass").asBoolean()).isFalse();
        assertThat(json.at("/publication/published").asBoolean()).isFalse();
        assertThat(json.at("/publication/error").asText()).contains("already exists");
        assertThat(json.get("blockers")).singleElement().extracting(b -> b.asText()).asString()
                .startsWith("UNVERIFIED evidence-published");
        assertThat(json.get("checks")).hasSize(2 + 7 + 1 + 4 + 1);
        assertThat(json.at("/provenance/image_tag").asText()).startsWith("git-");
        assertThat(Files.readString(evidence(out, "teardown_proof.md"))).contains(": UNVERIFIED");
        server.verify(1, putRequestedFor(urlPathMatching("/" + BUCKET + "/.*")).withHeader("If-None-Match", equalTo("*")));
    }

    @Test
    void aPublishedVerdictIsTheLocalOneByteForByte(@TempDir Path out) throws Exception {
        System.setProperty("aws.endpointUrl", server.baseUrl());
        server.stubFor(put(urlPathMatching("/" + BUCKET + "/evidence/dev_min/dev-min/teardown/.*"))
                .withHeader("If-None-Match", equalTo("*")).willReturn(aResponse().withStatus(200)
                        .withHeader("ETag", "\"d41d8cd98f00b204e9800998ecf8427e\"")));

        CliRun run = CliRun.of("verify-teardown", "--out", out.toString(), "--publish");

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).contains("Teardown proof dev-min: PASS").contains("published: s3://" + BUCKET
                + "/evidence/dev_min/dev-min/teardown/");
        var put = server.findAll(putRequestedFor(urlPathMatching("/" + BUCKET + "/.*teardown_proof.json")));
        assertThat(put).hasSize(1);
        assertThat(unchunked(put.get(0).getBodyAsString()))
                .isEqualTo(Files.readString(evidence(out, "teardown_proof.json")));
        var json = new ObjectMapper().readTree(evidence(out, "teardown_proof.json").toFile());
        assertThat(json.get("overall_pass").asBoolean()).isTrue();
        assertThat(json.at("/publication/published").asBoolean()).isTrue();
        assertThat(json.at("/publication/uri").asText()).endsWith("/teardown_proof.json");
    }

    @Test
    void aPublicationAnsweredByAProxyPageIsNotPublished(@TempDir Path out) throws Exception {
        System.setProperty("aws.endpointUrl", server.baseUrl());
        server.stubFor(put(urlPathMatching("/" + BUCKET + "/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>proxy</body></html>")));

        CliRun run = CliRun.of("verify-teardown", "--out", out.toString(), "--publish");

        assertThat(run.exitCode()).isEqualTo(2);
        var json = new ObjectMapper().readTree(evidence(out, "teardown_proof.json").toFile());
        assertThat(json.get("overall_pass").asBoolean()).isFalse();
        assertThat(json.at("/publication/error").asText()).contains("ETag");
    }

    /** The payload of an {@code aws-chunked} body (the SDK signs each chunk when it talks plain HTTP). */
    static String unchunked(String body) {
        StringBuilder payload = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int header = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, header).split(";", -1)[0], 16);
            if (size == 0) {
                break;
            }
            payload.append(body, header + 2, header + 2 + size);
            at = header + 2 + size + 2;
        }
        return payload.toString();
    }

    static Path evidence(Path out, String name) throws java.io.IOException {
        try (var files = Files.walk(out)) {
            return files.filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
        }
    }
}
