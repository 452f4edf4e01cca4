package devmin.live.teardown;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import devmin.evidence.Provenance;
import devmin.live.AwsWire;
import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.testing.AwsTestEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static devmin.live.AwsWire.*;
import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof from the state's inventory on AWS wire answers: each resource read by id (present is a blocker naming it
 * and what it holds, gone passes, no read is unverified), the caller's account, and the name sweeps that cover what
 * the Tagging API cannot list. Sources: EC2 API reference (DescribeRouteTables filter
 * association.route-table-association-id; vpc-id and subnet-id filters), ECS API reference (DescribeClusters
 * capacityProviders, MISSING failures), IAM API reference (GetRolePolicy, ListRoles, ListRoleTags; NoSuchEntity),
 * Cloud Map API reference (ListNamespaces), STS API reference (GetCallerIdentity).
 */
class InventoryProofTest {

    static final String BUCKET = "devmin-dev-min-evidence-123456789012";
    static final String EC2 = "arn:aws:ec2:eu-west-2:123456789012:";
    static final String DEMO = "urn:pulumi:dev-min::devmin::pulumi:pulumi:Stack$devmin:stacks:DemoStack$";
    static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    static WireMockServer server;
    static EnvironmentSpec spec;
    AwsClients aws;
    CallLog log = new CallLog();

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        spec = SpecParser.parse(ConfigSource.of(committedConfig().values()), "devmin", "dev-min");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void clean() {
        server.resetAll();
        new AwsWire(server).cleanRegionAndIntactCore(BUCKET);
        aws = AwsTestEndpoint.clients(server.baseUrl(), 1, Duration.ofMillis(10));
    }

    @AfterEach
    void close() {
        aws.close();
        assertThat(server.findAllUnmatchedRequests()).isEmpty();
    }

    static InventoryEntry entry(String type, String id, String arn) {
        return new InventoryEntry(DEMO + type + "::r", type, id, arn, "eu-west-2");
    }

    CheckResult gone(InventoryEntry... entries) {
        return new InventoryGone(aws, "eu-west-2", "123456789012", List.of(entries)).gone(log);
    }

    static String ec2(String action, String result) {
        return "<" + action + "Response xmlns=\"" + EC2_NS + "\"><requestId>r</requestId>" + result + "</" + action
                + "Response>";
    }

    static String iam(String action, String result) {
        return "<" + action + "Response xmlns=\"" + IAM_NS + "\"><" + action + "Result>" + result + "</" + action
                + "Result></" + action + "Response>";
    }

    void vpcPresentWithContents() {
        server.stubFor(query("DescribeVpcs", "2016-11-15").withRequestBody(containing("VpcId.1=vpc-0a"))
                .willReturn(xml(ec2("DescribeVpcs", "<vpcSet><item><vpcId>vpc-0a</vpcId></item></vpcSet>"))));
        server.stubFor(query("DescribeSubnets", "2016-11-15").withRequestBody(containing("Filter.1.Name=vpc-id"))
                .willReturn(xml(ec2("DescribeSubnets", "<subnetSet><item><subnetId>subnet-0b</subnetId></item>"
                        + "</subnetSet>"))));
        server.stubFor(query("DescribeSecurityGroups", "2016-11-15").withRequestBody(containing("Filter.1.Name=vpc-id"))
                .willReturn(xml(ec2("DescribeSecurityGroups", "<securityGroupInfo><item><groupId>sg-default</groupId>"
                        + "<groupName>default</groupName></item><item><groupId>sg-0c</groupId><groupName>lanes</groupName>"
                        + "</item></securityGroupInfo>"))));
        server.stubFor(query("DescribeNetworkInterfaces", "2016-11-15")
                .withRequestBody(containing("Filter.1.Name=vpc-id")).willReturn(xml(ec2("DescribeNetworkInterfaces",
                        "<networkInterfaceSet><item><networkInterfaceId>eni-0d</networkInterfaceId></item>"
                                + "</networkInterfaceSet>"))));
    }

    @Test
    void aLeftoverVpcIsABlockerNamingItAndEachThingInsideButNotItsDefaultSecurityGroup() {
        vpcPresentWithContents();

        CheckResult result = gone(entry("aws:ec2/vpc:Vpc", "vpc-0a", EC2 + "vpc/vpc-0a"));

        assertThat(result.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(result.found()).containsExactly("r (aws:ec2/vpc:Vpc) vpc-0a", "subnet subnet-0b in vpc-0a",
                "security group sg-0c in vpc-0a", "network interface eni-0d in vpc-0a");
    }

    @Test
    void aLeftoverSubnetNamesTheInterfacesInIt() {
        server.stubFor(query("DescribeSubnets", "2016-11-15").withRequestBody(containing("SubnetId.1=subnet-0b"))
                .willReturn(xml(ec2("DescribeSubnets", "<subnetSet><item><subnetId>subnet-0b</subnetId></item>"
                        + "</subnetSet>"))));
        server.stubFor(query("DescribeNetworkInterfaces", "2016-11-15")
                .withRequestBody(containing("Filter.1.Name=subnet-id")).withRequestBody(containing("subnet-0b"))
                .willReturn(xml(ec2("DescribeNetworkInterfaces", "<networkInterfaceSet><item><networkInterfaceId>"
                        + "eni-0e</networkInterfaceId></item></networkInterfaceSet>"))));

        CheckResult result = gone(entry("aws:ec2/subnet:Subnet", "subnet-0b", ""));

        assertThat(result.found()).containsExactly("r (aws:ec2/subnet:Subnet) subnet-0b",
                "network interface eni-0e in subnet-0b");
    }

    @Test
    void everyResourceReadGonePassesCountingThem() {
        server.stubFor(query("DescribeVpcs", "2016-11-15").willReturn(xml(ec2("DescribeVpcs", "<vpcSet/>"))));
        server.stubFor(query("DescribeInternetGateways", "2016-11-15").willReturn(aResponse().withStatus(400)
                .withBody("<Response><Errors><Error><Code>InvalidInternetGatewayID.NotFound</Code><Message>x</Message>"
                        + "</Error></Errors></Response>")));

        CheckResult result = gone(entry("aws:ec2/vpc:Vpc", "vpc-0a", ""),
                entry("aws:ec2/internetGateway:InternetGateway", "igw-0a", ""));

        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(result.message()).isEqualTo("2 resource(s) of the state's demo inventory, each read by id: all gone");
        assertThat(result.apiCalls()).containsExactly("ec2:DescribeVpcs", "ec2:DescribeInternetGateways");
    }

    @Test
    void aKindWithoutADirectReadOrWithoutAUsableIdIsUnverifiedNeverGone() {
        CheckResult result = gone(entry("aws:ec2/flowLog:FlowLog", "fl-0a", ""),
                entry("aws:ec2/vpc:Vpc", InventoryEntry.SECRET, ""), entry("aws:ec2/vpc:Vpc", "", ""),
                entry("aws:ecs/service:Service", "arn:aws:ecs:eu-west-2:123456789012:cluster/not-a-service", ""),
                entry(ReadById.ROLE_POLICY, "no-colon", ""));

        assertThat(result.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(result.found()).containsExactly("r (aws:ec2/flowLog:FlowLog) fl-0a: no direct read for"
                        + " aws:ec2/flowLog:FlowLog", "r (aws:ec2/vpc:Vpc) [secret]: the state gives no usable id",
                "r (aws:ec2/vpc:Vpc) without id: the state gives no usable id",
                "r (aws:ecs/service:Service) arn:aws:ecs:eu-west-2:123456789012:cluster/not-a-service: the state gives"
                        + " no usable id", "r (aws:iam/rolePolicy:RolePolicy) no-colon: the state gives no usable id");
        assertThat(result.apiCalls()).isEmpty();
    }

    @Test
    void aPresentResourceOutweighsOneThatCannotBeRead() {
        vpcPresentWithContents();

        CheckResult result = gone(entry("aws:ec2/flowLog:FlowLog", "fl-0a", ""), entry("aws:ec2/vpc:Vpc", "vpc-0a", ""));

        assertThat(result.status()).isEqualTo(CheckStatus.BLOCKER);
    }

    void association(String state) {
        server.stubFor(query("DescribeRouteTables", "2016-11-15")
                .withRequestBody(containing("Filter.1.Name=association.route-table-association-id"))
                .withRequestBody(containing("rtbassoc-0a")).willReturn(xml(ec2("DescribeRouteTables", state.isEmpty()
                        ? "<routeTableSet/>" : "<routeTableSet><item><routeTableId>rtb-0a</routeTableId><associationSet>"
                        + "<item><routeTableAssociationId>rtbassoc-0a</routeTableAssociationId><associationState><state>"
                        + state + "</state></associationState></item></associationSet></item></routeTableSet>"))));
    }

    @Test
    void aRouteTableAssociationIsPresentUntilDisassociated() {
        InventoryEntry association = entry(ReadById.ROUTE_TABLE_ASSOCIATION, "rtbassoc-0a", "");
        association("associated");
        assertThat(gone(association).status()).isEqualTo(CheckStatus.BLOCKER);

        association("disassociated");
        assertThat(gone(association).status()).isEqualTo(CheckStatus.PASS);

        association("");
        assertThat(gone(association).status()).isEqualTo(CheckStatus.PASS);
    }

    void cluster(String body) {
        server.stubFor(json(ECS + "DescribeClusters").withRequestBody(containing("devmin-dev-min"))
                .willReturn(jsonBody(body)));
    }

    @Test
    void clusterCapacityProvidersArePresentWhileAnActiveClusterListsSome() {
        InventoryEntry providers = entry(ReadById.CLUSTER_CAPACITY_PROVIDERS, "devmin-dev-min", "");
        cluster("{\"clusters\":[{\"clusterName\":\"devmin-dev-min\",\"status\":\"ACTIVE\",\"capacityProviders\":"
                + "[\"FARGATE_SPOT\"]}],\"failures\":[]}");
        assertThat(gone(providers).status()).isEqualTo(CheckStatus.BLOCKER);

        cluster("{\"clusters\":[{\"clusterName\":\"devmin-dev-min\",\"status\":\"ACTIVE\",\"capacityProviders\":[]}],"
                + "\"failures\":[]}");
        assertThat(gone(providers).status()).isEqualTo(CheckStatus.PASS);

        cluster("{\"clusters\":[{\"clusterName\":\"devmin-dev-min\",\"status\":\"INACTIVE\",\"capacityProviders\":"
                + "[\"FARGATE_SPOT\"]}],\"failures\":[]}");
        assertThat(gone(providers).status()).isEqualTo(CheckStatus.PASS);

        cluster("{\"clusters\":[],\"failures\":[{\"arn\":\"devmin-dev-min\",\"reason\":\"MISSING\"}]}");
        assertThat(gone(providers).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void anAnswerThatNeitherDescribesTheClusterNorReportsItMissingIsUnverified() {
        cluster("{\"clusters\":[],\"failures\":[]}");

        assertThatUnverified(() -> gone(entry(ReadById.CLUSTER_CAPACITY_PROVIDERS, "devmin-dev-min", "")),
                "neither describes devmin-dev-min nor reports it missing");
    }

    void assertThatUnverified(java.util.function.Supplier<CheckResult> check, String message) {
        org.assertj.core.api.Assertions.assertThatThrownBy(check::get).isInstanceOf(CallLog.Unverified.class)
                .hasMessageContaining(message);
    }

    @Test
    void aRolePolicyIsReadByRoleAndNameAndNoSuchEntityMeansGone() {
        InventoryEntry policy = entry(ReadById.ROLE_POLICY, "devmin-dev-min-lane-ig:lane-policy", "");
        server.stubFor(query("GetRolePolicy", "2010-05-08").withRequestBody(containing("RoleName=devmin-dev-min-lane-ig"))
                .withRequestBody(containing("PolicyName=lane-policy")).willReturn(xml(iam("GetRolePolicy",
                        "<RoleName>devmin-dev-min-lane-ig</RoleName><PolicyName>lane-policy</PolicyName>"
                                + "<PolicyDocument>%7B%7D</PolicyDocument>"))));
        assertThat(gone(policy).found()).containsExactly("r (aws:iam/rolePolicy:RolePolicy)"
                + " devmin-dev-min-lane-ig:lane-policy");

        server.stubFor(query("GetRolePolicy", "2010-05-08").willReturn(aResponse().withStatus(404).withBody(
                "<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>x</Message></Error>"
                        + "</ErrorResponse>")));
        assertThat(gone(policy).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void anArnOfAnotherKindThanTheTypeIsNotUsedToRead() {
        ReadById reads = new ReadById(aws, "eu-west-2", "123456789012");

        assertThat(reads.arnOf(entry("aws:ec2/vpc:Vpc", "vpc-0a", EC2 + "subnet/subnet-0a"))).isEmpty();
        assertThat(reads.arnOf(entry("aws:ec2/vpc:Vpc", "vpc-0a", ""))).get().extracting(a -> a.arn())
                .isEqualTo(EC2 + "vpc/vpc-0a");
        assertThat(reads.arnOf(entry("aws:iam/role:Role", "devmin-dev-min-lane-ig", ""))).get()
                .extracting(a -> a.arn()).isEqualTo("arn:aws:iam::123456789012:role/devmin-dev-min-lane-ig");
        assertThat(reads.arnOf(entry("aws:ecs/cluster:Cluster", "arn:aws:ecs:eu-west-2:123456789012:cluster/c", "")))
                .get().extracting(a -> a.name()).isEqualTo("c");
        assertThat(ReadById.readable("aws:ec2/flowLog:FlowLog")).isFalse();
        assertThat(ReadById.readable(ReadById.ROLE_POLICY)).isTrue();
    }

    @Test
    void theCallerInAnotherAccountIsABlockerNamingBothAccounts() {
        server.stubFor(query("GetCallerIdentity", "2011-06-15").atPriority(1).willReturn(xml(
                "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                        + "<Arn>arn:aws:iam::111111111111:user/x</Arn><UserId>AIDA</UserId><Account>111111111111"
                        + "</Account></GetCallerIdentityResult></GetCallerIdentityResponse>")));

        CheckResult result = new CallerAccount(aws, TeardownTarget.of(spec)).check(log);

        assertThat(result.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(result.found()).containsExactly("the caller is account 111111111111, the stack's account is"
                + " 123456789012");
    }

    /** IAM API reference, GetRole: a role that does not exist answers NoSuchEntity (HTTP 404). */
    @Test
    void aPersistentRoleStillThereIsRetainedAndOneDeletedIsAnOverDestroyNamingIt() {
        server.stubFor(query("GetRole", "2010-05-08").withRequestBody(containing("RoleName=devmin-dev-min-gha-window"))
                .willReturn(xml(iam("GetRole", "<Role><Path>/</Path><RoleName>devmin-dev-min-gha-window</RoleName>"
                        + "<RoleId>AROA</RoleId><Arn>arn:aws:iam::123456789012:role/devmin-dev-min-gha-window</Arn>"
                        + "<CreateDate>2026-11-01T00:00:00Z</CreateDate></Role>"))));
        server.stubFor(query("GetRole", "2010-05-08").withRequestBody(containing("RoleName=devmin-dev-min-lane-ig"))
                .willReturn(aResponse().withStatus(404).withBody("<ErrorResponse><Error><Type>Sender</Type><Code>"
                        + "NoSuchEntity</Code><Message>x</Message></Error></ErrorResponse>")));
        CoreRetained core = new CoreRetained(aws, TeardownTarget.of(spec));

        CheckResult kept = core.roles(List.of("devmin-dev-min-gha-window"), log);
        CheckResult lost = core.roles(List.of("devmin-dev-min-gha-window", "devmin-dev-min-lane-ig"), log);

        assertThat(kept.status()).isEqualTo(CheckStatus.PASS);
        assertThat(kept.name()).isEqualTo("core-roles");
        assertThat(lost.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(lost.found()).containsExactly("IAM role devmin-dev-min-lane-ig");
    }

    /** An answer about another role than the one asked for does not prove the asked one exists. */
    @Test
    void aGetRoleAnswerNamingAnotherRoleDoesNotCountAsRetained() {
        server.stubFor(query("GetRole", "2010-05-08").willReturn(xml(iam("GetRole", "<Role><Path>/</Path><RoleName>"
                + "someone-else</RoleName><RoleId>AROA</RoleId><Arn>arn:aws:iam::123456789012:role/someone-else</Arn>"
                + "<CreateDate>2026-11-01T00:00:00Z</CreateDate></Role>"))));

        CheckResult result = new CoreRetained(aws, TeardownTarget.of(spec)).roles(List.of("devmin-dev-min-lane-ig"),
                log);

        assertThat(result.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(result.found()).containsExactly("IAM role devmin-dev-min-lane-ig");
    }

    @Test
    void theCallerInTheStacksAccountPasses() {
        assertThat(new CallerAccount(aws, TeardownTarget.of(spec)).check(log).status()).isEqualTo(CheckStatus.PASS);
    }

    void roles(String... names) {
        StringBuilder members = new StringBuilder();
        for (String name : names) {
            members.append("<member><Path>/</Path><RoleName>").append(name).append("</RoleName><RoleId>AROA").append(
                    "</RoleId><Arn>arn:aws:iam::123456789012:role/").append(name).append("</Arn><CreateDate>")
                    .append("2026-11-01T00:00:00Z</CreateDate></member>");
        }
        server.stubFor(query("ListRoles", "2010-05-08").atPriority(1).willReturn(xml(iam("ListRoles", "<Roles>"
                + members + "</Roles><IsTruncated>false</IsTruncated>"))));
    }

    void tags(String role, String layer) {
        server.stubFor(query("ListRoleTags", "2010-05-08").withRequestBody(containing("RoleName=" + role))
                .willReturn(xml(iam("ListRoleTags", "<Tags><member><Key>devmin:stack</Key><Value>dev-min</Value>"
                        + "</member><member><Key>devmin:layer</Key><Value>" + layer + "</Value></member></Tags>"
                        + "<IsTruncated>false</IsTruncated>"))));
    }

    @Test
    void withAnInventoryAPrefixedRoleTheStateDoesNotHoldIsAStrayAndOthersAreLeftAlone() {
        roles("devmin-dev-min-gha-window", "devmin-dev-min-lane-ig", "devmin-dev-min-lane-zz", "someone-elses");
        StateInventory state = new StateInventory("dev-min", List.of(entry("aws:iam/role:Role",
                "devmin-dev-min-lane-ig", "")), List.of("devmin-dev-min-gha-window"));

        CheckResult result = new StrayRoles(aws, TeardownTarget.of(spec), Optional.of(state)).check(log);

        assertThat(result.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(result.found()).containsExactly("IAM role devmin-dev-min-lane-zz");
        assertThat(result.apiCalls()).containsExactly("iam:ListRoles");
    }

    @Test
    void withoutAnInventoryAPrefixedRoleIsAStrayOnlyWhenItCarriesTheStacksDemoTags() {
        roles("devmin-dev-min-gha-window", "devmin-dev-min-lane-ig");
        tags("devmin-dev-min-gha-window", "core");
        tags("devmin-dev-min-lane-ig", "demo");

        CheckResult result = new StrayRoles(aws, TeardownTarget.of(spec), Optional.empty()).check(log);

        assertThat(result.found()).containsExactly("IAM role devmin-dev-min-lane-ig");
        assertThat(result.apiCalls()).containsExactly("iam:ListRoles", "iam:ListRoleTags", "iam:ListRoleTags");
    }

    @Test
    void noStrayRolePasses() {
        roles("devmin-dev-min-gha-window");
        tags("devmin-dev-min-gha-window", "core");

        CheckResult result = new StrayRoles(aws, TeardownTarget.of(spec), Optional.empty()).check(log);

        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(result.message()).startsWith("1 role(s) named devmin-dev-min-*, none carrying");
    }

    @Test
    void aNamespaceOfTheDemoLayersNameIsALeftoverWhateverItsId() {
        server.stubFor(json("Route53AutoNaming_v20170314.ListNamespaces").atPriority(1).willReturn(jsonBody(
                "{\"Namespaces\":[{\"Id\":\"ns-1\",\"Name\":\"devmin-dev-min.internal\"},{\"Id\":\"ns-2\",\"Name\":"
                        + "\"other.internal\"}]}")));

        CheckResult result = new StrayNamespaces(aws, TeardownTarget.of(spec), "eu-west-2").check(log);

        assertThat(result.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(result.found()).containsExactly("Cloud Map namespace devmin-dev-min.internal (ns-1)");
        assertThat(result.apiCalls()).containsExactly("servicediscovery:ListNamespaces");
    }

    @Test
    void aNamespaceListingThatCannotBeReadIsUnverified() {
        server.stubFor(json("Route53AutoNaming_v20170314.ListNamespaces").atPriority(1).willReturn(
                jsonError(400, "AccessDeniedException")));

        assertThatUnverified(() -> new StrayNamespaces(aws, TeardownTarget.of(spec), "eu-west-2").check(log),
                "servicediscovery:ListNamespaces");
    }

    @Test
    void theProofSaysWhetherItStandsOnAnInventoryAndAnUnusableOneIsUnverified() {
        Provenance provenance = Provenance.start(Path.of("."), "dev-min", spec.image().tag(), spec.image().digest());
        StateInventory empty = new StateInventory("dev-min", List.of(), List.of());

        Verdict byId = TeardownProof.prove(aws, TeardownTarget.of(spec), List.of("eu-west-2"),
                ProofInventory.of(empty, "s.json", List.of()), 4, 30_000, provenance);
        Verdict unusable = TeardownProof.prove(aws, TeardownTarget.of(spec), List.of("eu-west-2"),
                ProofInventory.unusable("s3://b", "no snapshot could be read", List.of("s3:ListObjectsV2")), 4, 30_000,
                provenance);

        assertThat(byId.overallPass()).isTrue();
        assertThat(byId.toJson().at("/inventory/proof").asText()).isEqualTo("by-id");
        assertThat(byId.checks().get(0).message()).isEqualTo("0 demo resource(s) and 0 persistent role name(s) from"
                + " s.json; each proven gone by id");
        assertThat(unusable.exitCode()).isEqualTo(2);
        assertThat(unusable.blockers()).containsExactly("UNVERIFIED inventory [eu-west-2]: s3://b: no snapshot could"
                + " be read");
        assertThat(unusable.toJson().at("/inventory/proof").asText()).isEqualTo("sweep-only");
    }

    @Test
    void theSnapshotReadsEachInventoryResourceAndRecordsWhatIsHeldAndWhatIsAlreadyGone() {
        vpcPresentWithContents();
        server.stubFor(query("DescribeInternetGateways", "2016-11-15").willReturn(xml(ec2("DescribeInternetGateways",
                "<internetGatewaySet/>"))));
        StateInventory state = new StateInventory("dev-min", List.of(entry("aws:ec2/vpc:Vpc", "vpc-0a", ""),
                entry("aws:ec2/internetGateway:InternetGateway", "igw-0a", "")), List.of());

        Verdict snapshot = TeardownProof.snapshot(aws, TeardownTarget.of(spec), List.of("eu-west-2"),
                Optional.of(state), 4, 30_000, Provenance.start(Path.of("."), "dev-min", spec.image().tag(),
                        spec.image().digest()));

        CheckResult held = snapshot.checks().stream().filter(c -> c.name().equals("inventory-held")).findFirst()
                .orElseThrow();
        assertThat(held.status()).isEqualTo(CheckStatus.PASS);
        assertThat(held.message()).isEqualTo("2 in state, 1 read present; absent already: r"
                + " (aws:ec2/internetGateway:InternetGateway) igw-0a");
        assertThat(held.found()).startsWith("r (aws:ec2/vpc:Vpc) vpc-0a");
        assertThat(snapshot.toJson().at("/inventory/demo/0/id").asText()).isEqualTo("vpc-0a");
        assertThat(snapshot.overallPass()).isTrue();
    }
}
