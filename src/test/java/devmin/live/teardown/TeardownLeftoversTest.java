package devmin.live.teardown;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import devmin.evidence.Provenance;
import devmin.live.AwsWire;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static devmin.live.AwsWire.*;
import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of leftover alone, on AWS wire answers: the proof names it and nothing else fails; another stack's
 * resources are not this stack's; and the listings ask for exactly this stack's demo layer.
 */
class TeardownLeftoversTest {

    static final String BUCKET = "devmin-dev-min-evidence-123456789012";
    static final String ELB2 = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    static final String ELB1 = "http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/";
    static final String RDS = "http://rds.amazonaws.com/doc/2014-10-31/";
    static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    static final String CLUSTER = "arn:aws:ecs:eu-west-2:123456789012:cluster/devmin-dev-min";
    static final String DEMO_TAGS_XML = "<Tags><member><Key>devmin:stack</Key><Value>dev-min</Value></member>"
            + "<member><Key>devmin:layer</Key><Value>demo</Value></member></Tags>";
    static final String DEMO_TAGS_JSON = "[{\"key\":\"devmin:stack\",\"value\":\"dev-min\"},{\"key\":\"devmin:layer\","
            + "\"value\":\"demo\"}]";

    static WireMockServer server;
    static EnvironmentSpec spec;
    AwsClients aws;

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        spec = SpecParser.parse(ConfigSource.of(committedConfig().values()), "devmin", "dev-min");
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void clean() {
        server.resetAll();
        new AwsWire(server).cleanRegionAndIntactCore(BUCKET);
        aws = new AwsClients(new AwsSettings(Optional.of(URI.create(server.baseUrl())), 1, Duration.ofMillis(10),
                Duration.ofSeconds(10)));
    }

    @AfterEach
    void close() {
        aws.close();
        assertThat(server.findAllUnmatchedRequests()).isEmpty();
    }

    Verdict prove() {
        return TeardownProof.prove(aws, TeardownTarget.of(spec), List.of("eu-west-2"), 4, 30_000,
                Provenance.start(Path.of("."), "dev-min", spec.image().tag(), spec.image().digest()));
    }

    static CheckResult check(Verdict verdict, String name) {
        return verdict.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    static List<String> failing(Verdict verdict) {
        return verdict.checks().stream().filter(c -> c.status() != CheckStatus.PASS).map(CheckResult::name).toList();
    }

    void loadBalancersV2(String arn, String tags) {
        server.stubFor(query("DescribeLoadBalancers", "2015-12-01").atPriority(1).willReturn(xml(
                "<DescribeLoadBalancersResponse xmlns=\"" + ELB2 + "\"><DescribeLoadBalancersResult><LoadBalancers>"
                        + "<member><LoadBalancerArn>" + arn + "</LoadBalancerArn></member></LoadBalancers>"
                        + "</DescribeLoadBalancersResult></DescribeLoadBalancersResponse>")));
        server.stubFor(query("DescribeTags", "2015-12-01").atPriority(1).withRequestBody(containing(
                "ResourceArns.member.1=" + java.net.URLEncoder.encode(arn, java.nio.charset.StandardCharsets.UTF_8)))
                .willReturn(xml("<DescribeTagsResponse xmlns=\"" + ELB2 + "\"><DescribeTagsResult><TagDescriptions>"
                        + "<member><ResourceArn>" + arn + "</ResourceArn>" + tags + "</member></TagDescriptions>"
                        + "</DescribeTagsResult></DescribeTagsResponse>")));
    }

    @Test
    void aDemoApplicationLoadBalancerIsNamed() {
        String arn = "arn:aws:elasticloadbalancing:eu-west-2:123456789012:loadbalancer/app/devmin/1";
        loadBalancersV2(arn, DEMO_TAGS_XML);

        Verdict verdict = prove();

        assertThat(failing(verdict)).containsExactly("load-balancers");
        assertThat(check(verdict, "load-balancers").found()).containsExactly(arn);
        assertThat(verdict.exitCode()).isEqualTo(1);
    }

    @Test
    void anotherStacksLoadBalancerIsNotALeftover() {
        loadBalancersV2("arn:aws:elasticloadbalancing:eu-west-2:123456789012:loadbalancer/app/other/1",
                "<Tags><member><Key>devmin:stack</Key><Value>another</Value></member><member><Key>devmin:layer</Key>"
                        + "<Value>demo</Value></member></Tags>");

        assertThat(prove().overallPass()).isTrue();
    }

    @Test
    void aDemoClassicLoadBalancerIsNamed() {
        server.stubFor(query("DescribeLoadBalancers", "2012-06-01").atPriority(1).willReturn(xml(
                "<DescribeLoadBalancersResponse xmlns=\"" + ELB1 + "\"><DescribeLoadBalancersResult>"
                        + "<LoadBalancerDescriptions><member><LoadBalancerName>devmin-clb</LoadBalancerName></member>"
                        + "</LoadBalancerDescriptions></DescribeLoadBalancersResult></DescribeLoadBalancersResponse>")));
        server.stubFor(query("DescribeTags", "2012-06-01").atPriority(1)
                .withRequestBody(containing("LoadBalancerNames.member.1=devmin-clb")).willReturn(xml(
                        "<DescribeTagsResponse xmlns=\"" + ELB1 + "\"><DescribeTagsResult><TagDescriptions><member>"
                                + "<LoadBalancerName>devmin-clb</LoadBalancerName>" + DEMO_TAGS_XML + "</member>"
                                + "</TagDescriptions></DescribeTagsResult></DescribeTagsResponse>")));

        Verdict verdict = prove();

        assertThat(failing(verdict)).containsExactly("load-balancers");
        assertThat(check(verdict, "load-balancers").found()).containsExactly("classic:devmin-clb");
    }

    @Test
    void anotherStacksClassicLoadBalancerIsNotALeftover() {
        server.stubFor(query("DescribeLoadBalancers", "2012-06-01").atPriority(1).willReturn(xml(
                "<DescribeLoadBalancersResponse xmlns=\"" + ELB1 + "\"><DescribeLoadBalancersResult>"
                        + "<LoadBalancerDescriptions><member><LoadBalancerName>other</LoadBalancerName></member>"
                        + "</LoadBalancerDescriptions></DescribeLoadBalancersResult></DescribeLoadBalancersResponse>")));
        server.stubFor(query("DescribeTags", "2012-06-01").atPriority(1).willReturn(xml(
                "<DescribeTagsResponse xmlns=\"" + ELB1 + "\"><DescribeTagsResult><TagDescriptions><member>"
                        + "<LoadBalancerName>other</LoadBalancerName><Tags><member><Key>devmin:layer</Key><Value>demo"
                        + "</Value></member></Tags></member></TagDescriptions></DescribeTagsResult></DescribeTagsResponse>")));

        assertThat(prove().overallPass()).isTrue();
    }

    @Test
    void anotherStacksRdsClusterIsNotALeftover() {
        server.stubFor(query("DescribeDBClusters", "2014-10-31").atPriority(1).willReturn(xml(
                "<DescribeDBClustersResponse xmlns=\"" + RDS + "\"><DescribeDBClustersResult><DBClusters><DBCluster>"
                        + "<DBClusterIdentifier>other</DBClusterIdentifier><TagList><Tag><Key>devmin:stack</Key>"
                        + "<Value>another</Value></Tag></TagList></DBCluster></DBClusters></DescribeDBClustersResult>"
                        + "</DescribeDBClustersResponse>")));

        assertThat(prove().overallPass()).isTrue();
    }

    @Test
    void aBucketThatCannotBeReadIsUnverifiedNotAnOverDestroy() {
        server.stubFor(head(urlPathEqualTo("/" + BUCKET)).atPriority(1).willReturn(aResponse().withStatus(403)));

        CheckResult bucket = check(prove(), "core-evidence-bucket");

        assertThat(bucket.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(bucket.message()).startsWith("s3:HeadBucket: access denied");
    }

    @Test
    void demoRdsInstancesAndClustersAreNamedOtherStacksAreNot() {
        server.stubFor(query("DescribeDBInstances", "2014-10-31").atPriority(1).willReturn(xml(
                "<DescribeDBInstancesResponse xmlns=\"" + RDS + "\"><DescribeDBInstancesResult><DBInstances>"
                        + "<DBInstance><DBInstanceIdentifier>devmin-db</DBInstanceIdentifier><DBInstanceStatus>"
                        + "available</DBInstanceStatus><TagList><Tag><Key>devmin:stack</Key><Value>dev-min</Value>"
                        + "</Tag><Tag><Key>devmin:layer</Key><Value>demo</Value></Tag></TagList></DBInstance>"
                        + "<DBInstance><DBInstanceIdentifier>other-db</DBInstanceIdentifier><TagList/></DBInstance>"
                        + "</DBInstances></DescribeDBInstancesResult></DescribeDBInstancesResponse>")));
        server.stubFor(query("DescribeDBClusters", "2014-10-31").atPriority(1).willReturn(xml(
                "<DescribeDBClustersResponse xmlns=\"" + RDS + "\"><DescribeDBClustersResult><DBClusters><DBCluster>"
                        + "<DBClusterIdentifier>devmin-aurora</DBClusterIdentifier><TagList><Tag><Key>devmin:stack</Key>"
                        + "<Value>dev-min</Value></Tag><Tag><Key>devmin:layer</Key><Value>demo</Value></Tag></TagList>"
                        + "</DBCluster></DBClusters></DescribeDBClustersResult></DescribeDBClustersResponse>")));

        Verdict verdict = prove();

        assertThat(failing(verdict)).containsExactly("rds");
        assertThat(check(verdict, "rds").found()).containsExactly("db devmin-db (available)", "cluster devmin-aurora");
    }

    @Test
    void ec2InstancesElasticIpsAndLiveInterfaceEndpointsAreNamed() {
        server.stubFor(query("DescribeInstances", "2016-11-15").atPriority(1).willReturn(xml(
                "<DescribeInstancesResponse xmlns=\"" + EC2_NS + "\"><reservationSet><item><instancesSet><item>"
                        + "<instanceId>i-0a</instanceId></item></instancesSet></item></reservationSet>"
                        + "</DescribeInstancesResponse>")));
        server.stubFor(query("DescribeAddresses", "2016-11-15").atPriority(1).willReturn(xml(
                "<DescribeAddressesResponse xmlns=\"" + EC2_NS + "\"><addressesSet><item><allocationId>eipalloc-0a"
                        + "</allocationId></item></addressesSet></DescribeAddressesResponse>")));
        server.stubFor(query("DescribeVpcEndpoints", "2016-11-15").atPriority(1).willReturn(xml(
                "<DescribeVpcEndpointsResponse xmlns=\"" + EC2_NS + "\"><vpcEndpointSet><item><vpcEndpointId>vpce-0a"
                        + "</vpcEndpointId><state>available</state></item><item><vpcEndpointId>vpce-gone</vpcEndpointId>"
                        + "<state>deleted</state></item></vpcEndpointSet></DescribeVpcEndpointsResponse>")));

        Verdict verdict = prove();

        assertThat(failing(verdict)).containsExactly("ec2");
        assertThat(check(verdict, "ec2").found()).containsExactly("instance i-0a", "elastic IP eipalloc-0a",
                "interface endpoint vpce-0a");
    }

    @Test
    void theEc2ListingsAskForThisStacksDemoLayerOnly() {
        prove();

        for (String action : List.of("DescribeInstances", "DescribeAddresses", "DescribeVpcEndpoints")) {
            server.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=" + action))
                    .withRequestBody(containing("Filter.1.Name=tag%3Adevmin%3A"))
                    .withRequestBody(containing("Value.1=dev-min")).withRequestBody(containing("Value.1=demo")));
        }
        server.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeInstances"))
                .withRequestBody(containing("instance-state-name")).withRequestBody(containing("stopped")));
        server.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeVpcEndpoints"))
                .withRequestBody(containing("vpc-endpoint-type")).withRequestBody(containing("Interface")));
        server.verify(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("ResourceGroupsTaggingAPI_20170126.GetResources"))
                .withRequestBody(matchingJsonPath("$.TagFilters[?(@.Key == 'devmin:stack')].Values[0]",
                        equalTo("dev-min")))
                .withRequestBody(matchingJsonPath("$.TagFilters[?(@.Key == 'devmin:layer')].Values[0]",
                        equalTo("demo"))));
    }

    void demoCluster(String status) {
        server.stubFor(json(ECS + "ListClusters").atPriority(1).willReturn(jsonBody("{\"clusterArns\":[\"" + CLUSTER
                + "\"]}")));
        server.stubFor(json(ECS + "DescribeClusters").atPriority(1).willReturn(jsonBody("{\"clusters\":[{\"clusterArn\":"
                + "\"" + CLUSTER + "\",\"clusterName\":\"devmin-dev-min\",\"status\":\"" + status + "\",\"tags\":"
                + DEMO_TAGS_JSON + "}],\"failures\":[]}")));
        server.stubFor(json(ECS + "ListServices").atPriority(1).willReturn(jsonBody("{\"serviceArns\":[]}")));
        server.stubFor(json(ECS + "ListTasks").atPriority(1).willReturn(jsonBody("{\"taskArns\":[]}")));
    }

    void service(int desired, int running) {
        String arn = "arn:aws:ecs:eu-west-2:123456789012:service/devmin-dev-min/ig";
        server.stubFor(json(ECS + "ListServices").atPriority(1).willReturn(jsonBody("{\"serviceArns\":[\"" + arn
                + "\"]}")));
        server.stubFor(json(ECS + "DescribeServices").atPriority(1).willReturn(jsonBody("{\"services\":[{\"serviceArn\":"
                + "\"" + arn + "\",\"serviceName\":\"ig\",\"status\":\"ACTIVE\",\"desiredCount\":" + desired
                + ",\"runningCount\":" + running + "}],\"failures\":[]}")));
    }

    @Test
    void aServiceThatShouldRunIsALeftoverEvenWithNothingRunning() {
        demoCluster("ACTIVE");
        service(2, 0);

        assertThat(check(prove(), "ecs").found()).containsExactly("cluster devmin-dev-min",
                "service ig (desired 2, running 0)");
    }

    @Test
    void aServiceScaledToZeroIsNotALeftoverButItsClusterIs() {
        demoCluster("ACTIVE");
        service(0, 0);

        assertThat(check(prove(), "ecs").found()).containsExactly("cluster devmin-dev-min");
    }

    @Test
    void aRunningTaskIsNamed() {
        demoCluster("ACTIVE");
        String task = "arn:aws:ecs:eu-west-2:123456789012:task/devmin-dev-min/0123";
        server.stubFor(json(ECS + "ListTasks").atPriority(1).withRequestBody(matchingJsonPath("$.desiredStatus",
                equalTo("RUNNING"))).willReturn(jsonBody("{\"taskArns\":[\"" + task + "\"]}")));

        assertThat(check(prove(), "ecs").found()).containsExactly("cluster devmin-dev-min", "running task " + task);
    }

    @Test
    void anInactiveDemoClusterIsGone() {
        demoCluster("INACTIVE");

        Verdict verdict = prove();

        assertThat(verdict.overallPass()).isTrue();
        assertThat(check(verdict, "ecs").apiCalls()).containsExactly("ecs:ListClusters", "ecs:DescribeClusters");
    }

    void tagged(String arn, String tagsJson) {
        server.stubFor(json("ResourceGroupsTaggingAPI_20170126.GetResources").atPriority(1).willReturn(jsonBody(
                "{\"ResourceTagMappingList\":[{\"ResourceARN\":\"" + arn + "\",\"Tags\":" + tagsJson + "}],"
                        + "\"PaginationToken\":\"\"}")));
    }

    static final String DEMO_TAGGING = "[{\"Key\":\"devmin:stack\",\"Value\":\"dev-min\"},{\"Key\":\"devmin:layer\","
            + "\"Value\":\"demo\"}]";

    @Test
    void aTaggedResourceThatStillExistsIsABlockerNamingWhatItIs() {
        String arn = "arn:aws:ec2:eu-west-2:123456789012:security-group/sg-0a";
        tagged(arn, DEMO_TAGGING);
        server.stubFor(query("DescribeSecurityGroups", "2016-11-15").willReturn(xml("<DescribeSecurityGroupsResponse"
                + " xmlns=\"" + EC2_NS + "\"><securityGroupInfo><item><groupId>sg-0a</groupId></item>"
                + "</securityGroupInfo></DescribeSecurityGroupsResponse>")));

        Verdict verdict = prove();

        assertThat(failing(verdict)).containsExactly("tagged-resources-gone");
        assertThat(check(verdict, "tagged-resources-gone").found()).containsExactly("ec2 security-group sg-0a (" + arn
                + ")");
        assertThat(verdict.exitCode()).isEqualTo(1);
    }

    @Test
    void aTaggedResourceOfATypeWithoutADescribeIsUnverified() {
        String arn = "arn:aws:ec2:eu-west-2:123456789012:launch-template/lt-0a";
        tagged(arn, DEMO_TAGGING);

        Verdict verdict = prove();

        CheckResult tagged = check(verdict, "tagged-resources-gone");
        assertThat(tagged.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(tagged.message()).isEqualTo("no direct describe for ec2 launch-template lt-0a (" + arn + ")");
        assertThat(verdict.exitCode()).isEqualTo(2);
    }

    @Test
    void anUnreadableArnIsUnverified() {
        tagged("not-an-arn", DEMO_TAGGING);

        CheckResult tagged = check(prove(), "tagged-resources-gone");

        assertThat(tagged.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(tagged.found()).containsExactly("unreadable ARN not-an-arn");
    }

    @Test
    void aListedResourceWithoutThisStacksDemoTagsIsLeftAlone() {
        tagged("arn:aws:ec2:eu-west-2:123456789012:security-group/sg-other",
                "[{\"Key\":\"devmin:stack\",\"Value\":\"another\"},{\"Key\":\"devmin:layer\",\"Value\":\"demo\"}]");

        Verdict verdict = prove();

        assertThat(verdict.overallPass()).isTrue();
        assertThat(check(verdict, "tagged-resources-gone").apiCalls()).containsExactly("tag:GetResources");
        assertThat(check(verdict, "tagged-resources-gone").message())
                .isEqualTo("0 tagged resource(s) listed, all confirmed gone");
    }

    @Test
    void aDeletedRepositoryOrOneAnsweredForAnotherNameIsAnOverDestroy() {
        server.stubFor(json("AmazonEC2ContainerRegistry_V20150921.DescribeRepositories").atPriority(1)
                .willReturn(jsonError(400, "RepositoryNotFoundException")));
        Verdict deleted = prove();
        assertThat(failing(deleted)).containsExactly("core-image-repository");
        assertThat(check(deleted, "core-image-repository").found()).containsExactly("ECR repository fraud-platform");

        server.stubFor(json("AmazonEC2ContainerRegistry_V20150921.DescribeRepositories").atPriority(1)
                .willReturn(jsonBody("{\"repositories\":[{\"repositoryName\":\"someone-else\"}]}")));
        assertThat(failing(prove())).containsExactly("core-image-repository");
    }

    @Test
    void aRepositoryThatCannotBeDescribedIsUnverifiedNotAnOverDestroy() {
        server.stubFor(json("AmazonEC2ContainerRegistry_V20150921.DescribeRepositories").atPriority(1)
                .willReturn(jsonError(500, "ServerException")));

        CheckResult repository = check(prove(), "core-image-repository");

        assertThat(repository.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(repository.message()).startsWith("ecr:DescribeRepositories: AWS error HTTP 500");
    }

    @Test
    void aDeletedHandleIsAnOverDestroyNamingIt() {
        List<String> withoutIngressKey = new java.util.ArrayList<>(devmin.testing.CommittedHandles.allPaths());
        withoutIngressKey.remove("/devmin/dev_min/ig/api_key");
        server.stubFor(json("AmazonSSM.DescribeParameters").atPriority(1).willReturn(jsonBody(
                devmin.testing.CommittedHandles.describeParametersBody(withoutIngressKey))));

        Verdict verdict = prove();

        assertThat(failing(verdict)).containsExactly("core-handles");
        assertThat(check(verdict, "core-handles").found()).containsExactly("SSM handle /devmin/dev_min/ig/api_key");
        assertThat(verdict.toJson().get("retained_core")).extracting(n -> n.asText())
                .containsExactly("evidence-bucket", "image-repository", "log-groups");
    }

    @Test
    void aDeletedLogGroupIsAnOverDestroyAndALongerNameDoesNotStandInForIt() {
        List<String> withoutIg = new java.util.ArrayList<>(devmin.testing.CommittedHandles.LANES);
        withoutIg.remove("ig");
        server.stubFor(json("Logs_20140328.DescribeLogGroups").atPriority(1)
                .withRequestBody(matchingJsonPath("$.logGroupNamePrefix", equalTo("/devmin/dev_min/")))
                .willReturn(jsonBody(devmin.testing.CommittedHandles.logGroupsBody(withoutIg,
                        "/devmin/dev_min/ig-old"))));

        Verdict verdict = prove();

        assertThat(failing(verdict)).containsExactly("core-log-groups");
        assertThat(check(verdict, "core-log-groups").found()).containsExactly("log group /devmin/dev_min/ig");
        assertThat(check(verdict, "core-log-groups").apiCalls()).containsExactly("logs:DescribeLogGroups");
    }

    @Test
    void theSnapshotListsHoldingsAndKeepsWhatCouldNotBeListedUnverified() {
        demoCluster("ACTIVE");
        server.stubFor(query("DescribeDBInstances", "2014-10-31").atPriority(1).willReturn(aResponse().withStatus(500)));

        Verdict snapshot = TeardownProof.snapshot(aws, TeardownTarget.of(spec), List.of("eu-west-2"),
                java.util.Optional.of(new StateInventory("dev-min", List.of(), List.of())), 4, 30_000,
                Provenance.start(Path.of("."), "dev-min", spec.image().tag(), spec.image().digest()));

        assertThat(snapshot.schema()).isEqualTo("devmin.pre-destroy-snapshot/v1");
        assertThat(snapshot.checks()).extracting(CheckResult::name)
                .containsExactly("state-inventory", "caller-account", "nat-gateways", "load-balancers", "ecs", "rds",
                        "ec2");
        assertThat(check(snapshot, "ecs").status()).isEqualTo(CheckStatus.PASS);
        assertThat(check(snapshot, "ecs").message()).isEqualTo("1 held");
        assertThat(check(snapshot, "nat-gateways").message()).isEqualTo("0 held");
        assertThat(check(snapshot, "rds").status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(snapshot.exitCode()).isEqualTo(2);
    }

    @Test
    void aSnapshotWithoutTheStateIsUnverifiedForWantOfAnInventory() {
        Verdict snapshot = TeardownProof.snapshot(aws, TeardownTarget.of(spec), List.of("eu-west-2"), 4, 30_000,
                Provenance.start(Path.of("."), "dev-min", spec.image().tag(), spec.image().digest()));

        assertThat(check(snapshot, "state-inventory").status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(check(snapshot, "state-inventory").message()).contains("no --state given");
        assertThat(snapshot.exitCode()).isEqualTo(2);
    }
}
