package devmin.live.teardown;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import devmin.live.CallLog;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsSettings;
import devmin.live.aws.ResourceArn;
import devmin.live.teardown.DirectDescribe.Existence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static devmin.live.AwsWire.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each tagged leftover is described by what its ARN names, on AWS's wire answers served by WireMock. */
class DirectDescribeTest {

    static final String ECS_TARGET = "AmazonEC2ContainerServiceV20141113.";
    static final String ACCOUNT = "arn:aws:ecs:eu-west-2:123456789012:";
    static WireMockServer server;
    AwsClients aws;
    DirectDescribe describe;
    CallLog log;

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
    void fresh() {
        server.resetAll();
        aws = new AwsClients(new AwsSettings(Optional.of(URI.create(server.baseUrl())), 1, Duration.ofMillis(10),
                Duration.ofSeconds(10)));
        describe = new DirectDescribe(aws, "eu-west-2");
        log = new CallLog();
    }

    @AfterEach
    void close() {
        aws.close();
    }

    Optional<Existence> exists(String arn) {
        return describe.exists(ResourceArn.parse(arn), log);
    }

    static String iamError(String code) {
        return "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>"
                + code + "</Code><Message>x</Message></Error></ErrorResponse>";
    }

    static String role(String name) {
        return "<GetRoleResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><GetRoleResult><Role><Path>/devmin/"
                + "</Path><RoleName>" + name + "</RoleName><RoleId>AROA1</RoleId><Arn>arn:aws:iam::123456789012:role/"
                + "devmin/" + name + "</Arn><CreateDate>2026-11-30T00:00:00Z</CreateDate></Role></GetRoleResult>"
                + "</GetRoleResponse>";
    }

    @Test
    void anIamRoleWithAPathIsAskedForByItsNameNotItsPath() {
        server.stubFor(query("GetRole", "2010-05-08").withRequestBody(containing("RoleName=devmin-dev-min-lane-ig"))
                .willReturn(xml(role("devmin-dev-min-lane-ig"))));

        assertThat(exists("arn:aws:iam::123456789012:role/devmin/lanes/devmin-dev-min-lane-ig"))
                .contains(Existence.PRESENT);
        assertThat(log.calls()).containsExactly("iam:GetRole");
    }

    @Test
    void aRoleIamNoLongerKnowsIsGone() {
        server.stubFor(query("GetRole", "2010-05-08").willReturn(aResponse().withStatus(404)
                .withBody(iamError("NoSuchEntity"))));

        assertThat(exists("arn:aws:iam::123456789012:role/devmin/devmin-dev-min-lane-ig")).contains(Existence.GONE);
    }

    @Test
    void anAnswerAboutAnotherRoleIsNotThisOne() {
        server.stubFor(query("GetRole", "2010-05-08").willReturn(xml(role("someone-else"))));

        assertThat(exists("arn:aws:iam::123456789012:role/devmin-dev-min-lane-ig")).contains(Existence.GONE);
    }

    static String services(String arn, String status) {
        return "{\"services\":[{\"serviceArn\":\"" + arn + "\",\"serviceName\":\"ig\",\"status\":\"" + status
                + "\"}],\"failures\":[]}";
    }

    static String missing(String list, String arn) {
        return "{\"" + list + "\":[],\"failures\":[{\"arn\":\"" + arn + "\",\"reason\":\"MISSING\"}]}";
    }

    @Test
    void aLongServiceArnIsDescribedInTheClusterItNames() {
        String arn = ACCOUNT + "service/devmin-dev-min/ig";
        server.stubFor(json(ECS_TARGET + "DescribeServices").withRequestBody(matchingJsonPath("$.cluster",
                equalTo("devmin-dev-min"))).willReturn(jsonBody(services(arn, "ACTIVE"))));

        assertThat(exists(arn)).contains(Existence.PRESENT);
        assertThat(log.calls()).containsExactly("ecs:DescribeServices");
    }

    @Test
    void aDrainingServiceStillExistsAnInactiveOneIsGone() {
        String arn = ACCOUNT + "service/devmin-dev-min/ig";
        server.stubFor(json(ECS_TARGET + "DescribeServices").willReturn(jsonBody(services(arn, "DRAINING"))));
        assertThat(exists(arn)).contains(Existence.PRESENT);

        server.stubFor(json(ECS_TARGET + "DescribeServices").willReturn(jsonBody(services(arn, "INACTIVE"))));
        assertThat(exists(arn)).contains(Existence.GONE);
    }

    @Test
    void aServiceReportedMissingOrWhoseClusterIsGoneIsGone() {
        String arn = ACCOUNT + "service/devmin-dev-min/ig";
        server.stubFor(json(ECS_TARGET + "DescribeServices").willReturn(jsonBody(missing("services", arn))));
        assertThat(exists(arn)).contains(Existence.GONE);

        server.stubFor(json(ECS_TARGET + "DescribeServices").willReturn(jsonError(400, "ClusterNotFoundException")));
        assertThat(exists(arn)).contains(Existence.GONE);
    }

    @Test
    void anAnswerThatNeitherDescribesNorReportsTheServiceMissingIsUnverified() {
        String arn = ACCOUNT + "service/devmin-dev-min/ig";
        server.stubFor(json(ECS_TARGET + "DescribeServices").willReturn(jsonBody(
                services(ACCOUNT + "service/devmin-dev-min/other", "ACTIVE"))));

        assertThatThrownBy(() -> exists(arn)).isInstanceOf(CallLog.Unverified.class)
                .hasMessageContaining("ecs:DescribeServices").hasMessageContaining("neither describes " + arn);
    }

    @Test
    void aShortServiceArnIsLookedForInEveryClusterNotInAClusterNamedLikeTheService() {
        String arn = ACCOUNT + "service/ig";
        server.stubFor(json(ECS_TARGET + "ListClusters").willReturn(jsonBody("{\"clusterArns\":[\"" + ACCOUNT
                + "cluster/a\",\"" + ACCOUNT + "cluster/b\"]}")));
        server.stubFor(json(ECS_TARGET + "DescribeServices").withRequestBody(matchingJsonPath("$.cluster",
                equalTo(ACCOUNT + "cluster/a"))).willReturn(jsonBody(missing("services", arn))));
        server.stubFor(json(ECS_TARGET + "DescribeServices").withRequestBody(matchingJsonPath("$.cluster",
                equalTo(ACCOUNT + "cluster/b"))).willReturn(jsonBody(services(arn, "ACTIVE"))));

        assertThat(exists(arn)).contains(Existence.PRESENT);
        assertThat(log.calls()).containsExactly("ecs:ListClusters", "ecs:DescribeServices", "ecs:DescribeServices");
        server.verify(0, postRequestedFor(urlPathEqualTo("/")).withRequestBody(matchingJsonPath("$.cluster",
                equalTo("ig"))));
    }

    @Test
    void aShortServiceArnFoundInNoClusterIsGone() {
        server.stubFor(json(ECS_TARGET + "ListClusters").willReturn(jsonBody("{\"clusterArns\":[]}")));

        assertThat(exists(ACCOUNT + "service/ig")).contains(Existence.GONE);
        assertThat(log.calls()).containsExactly("ecs:ListClusters");
    }

    static String tasks(String arn, String status) {
        return "{\"tasks\":[{\"taskArn\":\"" + arn + "\",\"lastStatus\":\"" + status + "\"}],\"failures\":[]}";
    }

    @Test
    void aTaskIsGoneOnlyOnceStopped() {
        String arn = ACCOUNT + "task/devmin-dev-min/0123";
        server.stubFor(json(ECS_TARGET + "DescribeTasks").withRequestBody(matchingJsonPath("$.cluster",
                equalTo("devmin-dev-min"))).willReturn(jsonBody(tasks(arn, "RUNNING"))));
        assertThat(exists(arn)).contains(Existence.PRESENT);

        server.stubFor(json(ECS_TARGET + "DescribeTasks").willReturn(jsonBody(tasks(arn, "STOPPED"))));
        assertThat(exists(arn)).contains(Existence.GONE);

        server.stubFor(json(ECS_TARGET + "DescribeTasks").willReturn(jsonBody(missing("tasks", arn))));
        assertThat(exists(arn)).contains(Existence.GONE);
    }

    @Test
    void aShortTaskArnIsLookedForInEveryCluster() {
        String arn = ACCOUNT + "task/0123";
        server.stubFor(json(ECS_TARGET + "ListClusters").willReturn(jsonBody("{\"clusterArns\":[\"" + ACCOUNT
                + "cluster/a\"]}")));
        server.stubFor(json(ECS_TARGET + "DescribeTasks").withRequestBody(matchingJsonPath("$.cluster",
                equalTo(ACCOUNT + "cluster/a"))).willReturn(jsonBody(tasks(arn, "PROVISIONING"))));

        assertThat(exists(arn)).contains(Existence.PRESENT);
    }

    @Test
    void clustersAreActiveOrGone() {
        String arn = ACCOUNT + "cluster/devmin-dev-min";
        server.stubFor(json(ECS_TARGET + "DescribeClusters").willReturn(jsonBody("{\"clusters\":[{\"clusterArn\":\""
                + arn + "\",\"status\":\"ACTIVE\"}],\"failures\":[]}")));
        assertThat(exists(arn)).contains(Existence.PRESENT);

        server.stubFor(json(ECS_TARGET + "DescribeClusters").willReturn(jsonBody("{\"clusters\":[{\"clusterArn\":\""
                + arn + "\",\"status\":\"INACTIVE\"}],\"failures\":[]}")));
        assertThat(exists(arn)).contains(Existence.GONE);

        server.stubFor(json(ECS_TARGET + "DescribeClusters").willReturn(jsonBody(missing("clusters", arn))));
        assertThat(exists(arn)).contains(Existence.GONE);
    }

    @Test
    void aRegisteredTaskDefinitionIsALeftover() {
        String arn = ACCOUNT + "task-definition/devmin-dev-min-ig:3";
        server.stubFor(json(ECS_TARGET + "DescribeTaskDefinition").willReturn(jsonBody(
                "{\"taskDefinition\":{\"taskDefinitionArn\":\"" + arn + "\",\"status\":\"ACTIVE\"}}")));
        assertThat(exists(arn)).contains(Existence.PRESENT);

        server.stubFor(json(ECS_TARGET + "DescribeTaskDefinition").willReturn(jsonBody(
                "{\"taskDefinition\":{\"taskDefinitionArn\":\"" + arn + "\",\"status\":\"INACTIVE\"}}")));
        assertThat(exists(arn)).contains(Existence.GONE);
    }

    /** AWS and moto answer a revision that does not exist with ClientException "Unable to describe task definition." */
    @Test
    void aTaskDefinitionRevisionThatDoesNotExistIsGoneButAnyOtherClientExceptionIsUnverified() {
        String arn = ACCOUNT + "task-definition/devmin-dev-min-ig:3";
        server.stubFor(json(ECS_TARGET + "DescribeTaskDefinition").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody("{\"__type\":\"ClientException\","
                        + "\"message\":\"Unable to describe task definition.\"}")));
        assertThat(exists(arn)).contains(Existence.GONE);

        server.stubFor(json(ECS_TARGET + "DescribeTaskDefinition").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody("{\"__type\":\"ClientException\","
                        + "\"message\":\"User is not authorized to perform that action on the specified resource.\"}")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> exists(arn))
                .isInstanceOf(devmin.live.CallLog.Unverified.class).hasMessageContaining("ClientException");
    }

    @Test
    void aClassicLoadBalancerIsDescribedByNameWithTheClassicApi() {
        server.stubFor(query("DescribeLoadBalancers", "2012-06-01")
                .withRequestBody(containing("LoadBalancerNames.member.1=devmin-clb")).willReturn(xml(
                        "<DescribeLoadBalancersResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/\">"
                                + "<DescribeLoadBalancersResult><LoadBalancerDescriptions><member><LoadBalancerName>"
                                + "devmin-clb</LoadBalancerName></member></LoadBalancerDescriptions>"
                                + "</DescribeLoadBalancersResult></DescribeLoadBalancersResponse>")));

        assertThat(exists("arn:aws:elasticloadbalancing:eu-west-2:123456789012:loadbalancer/devmin-clb"))
                .contains(Existence.PRESENT);
        assertThat(log.calls()).containsExactly("elasticloadbalancing:DescribeLoadBalancers");

        server.stubFor(query("DescribeLoadBalancers", "2012-06-01").willReturn(xml(
                "<DescribeLoadBalancersResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/\">"
                        + "<DescribeLoadBalancersResult><LoadBalancerDescriptions><member><LoadBalancerName>"
                        + "someone-else</LoadBalancerName></member></LoadBalancerDescriptions>"
                        + "</DescribeLoadBalancersResult></DescribeLoadBalancersResponse>")));
        assertThat(exists("arn:aws:elasticloadbalancing:eu-west-2:123456789012:loadbalancer/devmin-clb"))
                .contains(Existence.GONE);

        server.stubFor(query("DescribeLoadBalancers", "2012-06-01").willReturn(aResponse().withStatus(400).withBody(
                "<ErrorResponse><Error><Type>Sender</Type><Code>LoadBalancerNotFound</Code><Message>x</Message>"
                        + "</Error></ErrorResponse>")));
        assertThat(exists("arn:aws:elasticloadbalancing:eu-west-2:123456789012:loadbalancer/devmin-clb"))
                .contains(Existence.GONE);
    }

    @Test
    void anApplicationLoadBalancerIsDescribedByItsArn() {
        String arn = "arn:aws:elasticloadbalancing:eu-west-2:123456789012:loadbalancer/app/devmin/50dc6c495c0c9188";
        server.stubFor(query("DescribeLoadBalancers", "2015-12-01").willReturn(xml(
                "<DescribeLoadBalancersResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\">"
                        + "<DescribeLoadBalancersResult><LoadBalancers><member><LoadBalancerArn>" + arn
                        + "</LoadBalancerArn></member></LoadBalancers></DescribeLoadBalancersResult>"
                        + "</DescribeLoadBalancersResponse>")));

        assertThat(exists(arn)).contains(Existence.PRESENT);
        assertThat(exists(arn.replace("50dc", "ffff"))).contains(Existence.GONE);
        server.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Version=2015-12-01")));
    }

    static String ec2(String action, String set) {
        return "<" + action + "Response xmlns=\"" + EC2_NS + "\"><requestId>r</requestId>" + set + "</" + action
                + "Response>";
    }

    @Test
    void ec2ResourcesAreDescribedByIdAndOnlyTheirOwnAnswerCounts() {
        server.stubFor(query("DescribeVpcs", "2016-11-15").withRequestBody(containing("VpcId.1=vpc-0a"))
                .willReturn(xml(ec2("DescribeVpcs", "<vpcSet><item><vpcId>vpc-0a</vpcId></item></vpcSet>"))));
        assertThat(exists("arn:aws:ec2:eu-west-2:123456789012:vpc/vpc-0a")).contains(Existence.PRESENT);

        server.stubFor(query("DescribeVpcs", "2016-11-15").willReturn(
                xml(ec2("DescribeVpcs", "<vpcSet><item><vpcId>vpc-other</vpcId></item></vpcSet>"))));
        assertThat(exists("arn:aws:ec2:eu-west-2:123456789012:vpc/vpc-0a")).contains(Existence.GONE);

        server.stubFor(query("DescribeVpcs", "2016-11-15").willReturn(ec2Error(400, "InvalidVpcID.NotFound")));
        assertThat(exists("arn:aws:ec2:eu-west-2:123456789012:vpc/vpc-0a")).contains(Existence.GONE);
    }

    @Test
    void aDeletedNatGatewayIsGoneAnAvailableOneIsNot() {
        String arn = "arn:aws:ec2:eu-west-2:123456789012:natgateway/nat-0a";
        server.stubFor(query("DescribeNatGateways", "2016-11-15").willReturn(xml(natGateways(nat("nat-0a",
                "available"), ""))));
        assertThat(exists(arn)).contains(Existence.PRESENT);

        server.stubFor(query("DescribeNatGateways", "2016-11-15").willReturn(xml(natGateways(nat("nat-0a",
                "deleted"), ""))));
        assertThat(exists(arn)).contains(Existence.GONE);
    }

    @Test
    void aTerminatedInstanceIsGone() {
        String arn = "arn:aws:ec2:eu-west-2:123456789012:instance/i-0a";
        String running = ec2("DescribeInstances", "<reservationSet><item><instancesSet><item><instanceId>i-0a"
                + "</instanceId><instanceState><name>running</name></instanceState></item></instancesSet></item>"
                + "</reservationSet>");
        server.stubFor(query("DescribeInstances", "2016-11-15").willReturn(xml(running)));
        assertThat(exists(arn)).contains(Existence.PRESENT);

        server.stubFor(query("DescribeInstances", "2016-11-15").willReturn(xml(running.replace("running",
                "terminated"))));
        assertThat(exists(arn)).contains(Existence.GONE);
    }

    @Test
    void rdsInstancesAreDescribedByIdentifier() {
        server.stubFor(query("DescribeDBInstances", "2014-10-31")
                .withRequestBody(containing("DBInstanceIdentifier=devmin-db")).willReturn(xml(
                        "<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
                                + "<DescribeDBInstancesResult><DBInstances><DBInstance><DBInstanceIdentifier>devmin-db"
                                + "</DBInstanceIdentifier></DBInstance></DBInstances></DescribeDBInstancesResult>"
                                + "</DescribeDBInstancesResponse>")));
        assertThat(exists("arn:aws:rds:eu-west-2:123456789012:db:devmin-db")).contains(Existence.PRESENT);

        server.stubFor(query("DescribeDBInstances", "2014-10-31").willReturn(xml(
                "<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
                        + "<DescribeDBInstancesResult><DBInstances><DBInstance><DBInstanceIdentifier>other-db"
                        + "</DBInstanceIdentifier></DBInstance></DBInstances></DescribeDBInstancesResult>"
                        + "</DescribeDBInstancesResponse>")));
        assertThat(exists("arn:aws:rds:eu-west-2:123456789012:db:devmin-db")).contains(Existence.GONE);

        server.stubFor(query("DescribeDBInstances", "2014-10-31").willReturn(aResponse().withStatus(404).withBody(
                "<ErrorResponse><Error><Type>Sender</Type><Code>DBInstanceNotFound</Code><Message>x</Message></Error>"
                        + "</ErrorResponse>")));
        assertThat(exists("arn:aws:rds:eu-west-2:123456789012:db:devmin-db")).contains(Existence.GONE);
    }

    @Test
    void aLogGroupMustMatchExactlyNotByPrefix() {
        server.stubFor(json("Logs_20140328.DescribeLogGroups").willReturn(jsonBody(
                "{\"logGroups\":[{\"logGroupName\":\"/devmin/dev_min/ig-old\"}]}")));
        assertThat(exists("arn:aws:logs:eu-west-2:123456789012:log-group:/devmin/dev_min/ig:*"))
                .contains(Existence.GONE);

        server.stubFor(json("Logs_20140328.DescribeLogGroups").willReturn(jsonBody(
                "{\"logGroups\":[{\"logGroupName\":\"/devmin/dev_min/ig\"}]}")));
        assertThat(exists("arn:aws:logs:eu-west-2:123456789012:log-group:/devmin/dev_min/ig:*"))
                .contains(Existence.PRESENT);
    }

    /** A describable kind: its ARN, the describe it needs, and an answer describing a resource by its id. */
    record Kind(String arn, java.util.function.Supplier<com.github.tomakehurst.wiremock.client.MappingBuilder> request,
                java.util.function.Function<String, String> answerAbout, String id) {
    }

    static String ec2Set(String action, String set, String item) {
        return "<" + action + "Response xmlns=\"" + EC2_NS + "\"><requestId>r</requestId><" + set + "><item>" + item
                + "</item></" + set + "></" + action + "Response>";
    }

    static String queryResult(String action, String namespace, String result) {
        return "<" + action + "Response xmlns=\"" + namespace + "\"><" + action + "Result>" + result + "</" + action
                + "Result></" + action + "Response>";
    }

    static final String E = "arn:aws:ec2:eu-west-2:123456789012:";
    static final String RDS_NS = "http://rds.amazonaws.com/doc/2014-10-31/";
    static final String TG = "arn:aws:elasticloadbalancing:eu-west-2:123456789012:targetgroup/devmin/73e2d6bc24d8a067";

    static java.util.List<Kind> kinds() {
        return java.util.List.of(
                new Kind(E + "subnet/subnet-0a", () -> query("DescribeSubnets", "2016-11-15"),
                        id -> ec2Set("DescribeSubnets", "subnetSet", "<subnetId>" + id + "</subnetId>"), "subnet-0a"),
                new Kind(E + "security-group/sg-0a", () -> query("DescribeSecurityGroups", "2016-11-15"),
                        id -> ec2Set("DescribeSecurityGroups", "securityGroupInfo", "<groupId>" + id + "</groupId>"),
                        "sg-0a"),
                new Kind(E + "internet-gateway/igw-0a", () -> query("DescribeInternetGateways", "2016-11-15"),
                        id -> ec2Set("DescribeInternetGateways", "internetGatewaySet", "<internetGatewayId>" + id
                                + "</internetGatewayId>"), "igw-0a"),
                new Kind(E + "route-table/rtb-0a", () -> query("DescribeRouteTables", "2016-11-15"),
                        id -> ec2Set("DescribeRouteTables", "routeTableSet", "<routeTableId>" + id + "</routeTableId>"),
                        "rtb-0a"),
                new Kind(E + "network-interface/eni-0a", () -> query("DescribeNetworkInterfaces", "2016-11-15"),
                        id -> ec2Set("DescribeNetworkInterfaces", "networkInterfaceSet", "<networkInterfaceId>" + id
                                + "</networkInterfaceId>"), "eni-0a"),
                new Kind(E + "elastic-ip/eipalloc-0a", () -> query("DescribeAddresses", "2016-11-15"),
                        id -> ec2Set("DescribeAddresses", "addressesSet", "<allocationId>" + id + "</allocationId>"),
                        "eipalloc-0a"),
                new Kind(E + "eip-allocation/eipalloc-0a", () -> query("DescribeAddresses", "2016-11-15"),
                        id -> ec2Set("DescribeAddresses", "addressesSet", "<allocationId>" + id + "</allocationId>"),
                        "eipalloc-0a"),
                new Kind(E + "vpc-endpoint/vpce-0a", () -> query("DescribeVpcEndpoints", "2016-11-15"),
                        id -> ec2Set("DescribeVpcEndpoints", "vpcEndpointSet", "<vpcEndpointId>" + id
                                + "</vpcEndpointId><state>available</state>"), "vpce-0a"),
                new Kind(E + "natgateway/nat-0a", () -> query("DescribeNatGateways", "2016-11-15"),
                        id -> ec2Set("DescribeNatGateways", "natGatewaySet", "<natGatewayId>" + id
                                + "</natGatewayId><state>available</state>"), "nat-0a"),
                new Kind(E + "instance/i-0a", () -> query("DescribeInstances", "2016-11-15"),
                        id -> ec2Set("DescribeInstances", "reservationSet", "<instancesSet><item><instanceId>" + id
                                + "</instanceId><instanceState><name>running</name></instanceState></item>"
                                + "</instancesSet>"), "i-0a"),
                new Kind(TG, () -> query("DescribeTargetGroups", "2015-12-01"),
                        id -> queryResult("DescribeTargetGroups", "http://elasticloadbalancing.amazonaws.com/doc/"
                                + "2015-12-01/", "<TargetGroups><member><TargetGroupArn>" + id
                                + "</TargetGroupArn></member></TargetGroups>"), TG),
                new Kind("arn:aws:rds:eu-west-2:123456789012:cluster:devmin-aurora",
                        () -> query("DescribeDBClusters", "2014-10-31"), id -> queryResult("DescribeDBClusters", RDS_NS, "<DBClusters><DBCluster>"
                        + "<DBClusterIdentifier>" + id + "</DBClusterIdentifier></DBCluster></DBClusters>"),
                        "devmin-aurora"),
                new Kind("arn:aws:rds:eu-west-2:123456789012:subgrp:devmin-subnets",
                        () -> query("DescribeDBSubnetGroups", "2014-10-31"), id -> queryResult("DescribeDBSubnetGroups", RDS_NS, "<DBSubnetGroups>"
                        + "<DBSubnetGroup><DBSubnetGroupName>" + id + "</DBSubnetGroupName></DBSubnetGroup>"
                        + "</DBSubnetGroups>"), "devmin-subnets"));
    }

    @org.junit.jupiter.api.TestFactory
    java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> eachKindIsPresentOnlyWhenTheAnswerDescribesIt() {
        return kinds().stream().map(kind -> org.junit.jupiter.api.DynamicTest.dynamicTest(kind.arn(), () -> {
            server.resetAll();
            server.stubFor(kind.request().get().willReturn(xml(kind.answerAbout().apply(kind.id()))));
            assertThat(exists(kind.arn())).as("described").contains(Existence.PRESENT);

            server.stubFor(kind.request().get().willReturn(xml(kind.answerAbout().apply(kind.id() + "-other"))));
            assertThat(exists(kind.arn())).as("another one described").contains(Existence.GONE);
            assertThat(server.findAllUnmatchedRequests()).isEmpty();
        }));
    }

    @Test
    void aClusterAnswerThatNeitherDescribesNorReportsItMissingIsUnverified() {
        String arn = ACCOUNT + "cluster/devmin-dev-min";
        server.stubFor(json(ECS_TARGET + "DescribeClusters").willReturn(jsonBody("{\"clusters\":[],\"failures\":"
                + "[{\"arn\":\"" + ACCOUNT + "cluster/other\",\"reason\":\"MISSING\"}]}")));

        assertThatThrownBy(() -> exists(arn)).isInstanceOf(CallLog.Unverified.class)
                .hasMessageContaining("ecs:DescribeClusters: the answer neither describes " + arn);
    }

    @Test
    void aTaskAnswerThatNeitherDescribesNorReportsItMissingIsUnverified() {
        String arn = ACCOUNT + "task/devmin-dev-min/0123";
        server.stubFor(json(ECS_TARGET + "DescribeTasks").willReturn(jsonBody("{\"tasks\":[],\"failures\":"
                + "[{\"arn\":\"" + arn + "\",\"reason\":\"ACCESS_DENIED\"}]}")));

        assertThatThrownBy(() -> exists(arn)).isInstanceOf(CallLog.Unverified.class)
                .hasMessageContaining("ecs:DescribeTasks");
    }

    @Test
    void aFailureThatIsNotNotFoundIsUnverifiedNeverGone() {
        server.stubFor(query("DescribeVpcs", "2016-11-15").willReturn(ec2Error(403, "UnauthorizedOperation")));

        assertThatThrownBy(() -> exists("arn:aws:ec2:eu-west-2:123456789012:vpc/vpc-0a"))
                .isInstanceOf(CallLog.Unverified.class).hasMessageStartingWith("ec2:DescribeVpcs: access denied");
    }

    @Test
    void anEcsAnswerAboutAnotherClusterOrTaskIsNotThisOne() {
        String cluster = ACCOUNT + "cluster/devmin-dev-min";
        server.stubFor(json(ECS_TARGET + "DescribeClusters").willReturn(jsonBody("{\"clusters\":[{\"clusterArn\":\""
                + ACCOUNT + "cluster/other\",\"status\":\"ACTIVE\"}],\"failures\":[{\"arn\":\"" + cluster
                + "\",\"reason\":\"MISSING\"}]}")));
        assertThat(exists(cluster)).contains(Existence.GONE);

        String task = ACCOUNT + "task/devmin-dev-min/0123";
        server.stubFor(json(ECS_TARGET + "DescribeTasks").willReturn(jsonBody("{\"tasks\":[{\"taskArn\":\"" + ACCOUNT
                + "task/devmin-dev-min/9999\",\"lastStatus\":\"RUNNING\"}],\"failures\":[{\"arn\":\"" + task
                + "\",\"reason\":\"MISSING\"}]}")));
        assertThat(exists(task)).contains(Existence.GONE);
    }

    @Test
    void cloudMapNamespacesAndServicesAreAskedForByTheirIds() {
        server.stubFor(json("Route53AutoNaming_v20170314.GetNamespace").withRequestBody(equalToJson(
                "{\"Id\":\"ns-1\"}")).willReturn(jsonBody("{\"Namespace\":{\"Id\":\"ns-1\"}}")));
        server.stubFor(json("Route53AutoNaming_v20170314.GetService").willReturn(aResponse().withStatus(400)
                .withBody("{\"__type\":\"ServiceNotFound\",\"Message\":\"srv-1\"}")));

        assertThat(exists("arn:aws:servicediscovery:eu-west-2:123456789012:namespace/ns-1"))
                .contains(Existence.PRESENT);
        assertThat(exists("arn:aws:servicediscovery:eu-west-2:123456789012:service/srv-1")).contains(Existence.GONE);
        assertThat(log.calls()).containsExactly("servicediscovery:GetNamespace", "servicediscovery:GetService");
    }

    @Test
    void aCloudMapAnswerThatIsNotOneIsUnverified() {
        server.stubFor(json("Route53AutoNaming_v20170314.GetNamespace").willReturn(jsonBody("{}")));

        assertThatThrownBy(() -> exists("arn:aws:servicediscovery:eu-west-2:123456789012:namespace/ns-1"))
                .isInstanceOf(CallLog.Unverified.class)
                .hasMessageStartingWith("servicediscovery:GetNamespace: ");
    }

    @Test
    void aTypeWithoutADescribeHasNoAnswer() {
        assertThat(exists("arn:aws:ec2:eu-west-2:123456789012:launch-template/lt-1")).isEmpty();
        assertThat(log.calls()).isEmpty();
    }
}
