package devmin.live;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import devmin.live.iam.IamSimulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static devmin.live.AwsWire.*;

/**
 * An account on WireMock where every call any live check can make is reached and answered normally: listings hold
 * one item (so the calls behind them happen), and the Tagging API lists one demo resource of every type devmin can
 * describe. Each operation is registered by its call-log name, with how to match its request on the wire and its
 * protocol, so a test can replace any one answer.
 */
public final class AwsWorld {

    /** How a service speaks: query (form POST, XML answer), JSON (X-Amz-Target), or REST. */
    public enum Protocol { QUERY, JSON, REST_HEAD, REST_JSON, REST_XML, REST_BYTES }

    /** One operation: its call-log name, its request on the wire, and the namespace of its XML answer. */
    public record Operation(String api, Protocol protocol, MappingBuilder request, String namespace) {
        String action() {
            return api.substring(api.indexOf(':') + 1);
        }
    }

    static final String ACCOUNT = "123456789012";
    static final String EC2 = "arn:aws:ec2:eu-west-2:" + ACCOUNT + ":";
    static final String ECS = "arn:aws:ecs:eu-west-2:" + ACCOUNT + ":";
    static final String ELB = "arn:aws:elasticloadbalancing:eu-west-2:" + ACCOUNT + ":";
    static final String RDS = "arn:aws:rds:eu-west-2:" + ACCOUNT + ":";
    static final String DEMO_CLUSTER = ECS + "cluster/devmin-dev-min";
    static final String DEMO_SERVICE = ECS + "service/devmin-dev-min/ig";

    /** One tagged demo resource per type devmin can describe directly. */
    public static final List<String> TAGGED = List.of(EC2 + "vpc/vpc-0a", EC2 + "subnet/subnet-0a",
            EC2 + "security-group/sg-0a", EC2 + "internet-gateway/igw-0a", EC2 + "route-table/rtb-0a",
            EC2 + "network-interface/eni-0a", EC2 + "instance/i-0a", EC2 + "natgateway/nat-0a",
            EC2 + "elastic-ip/eipalloc-0a", EC2 + "vpc-endpoint/vpce-0a", ECS + "cluster/devmin-old",
            ECS + "service/devmin-dev-min/old", ECS + "task/devmin-dev-min/0123",
            ECS + "task-definition/devmin-dev-min-ig:3", ELB + "loadbalancer/app/devmin/50dc6c495c0c9188",
            ELB + "loadbalancer/devmin-classic", ELB + "targetgroup/devmin/73e2d6bc24d8a067", RDS + "db:devmin-db",
            RDS + "cluster:devmin-aurora", RDS + "subgrp:devmin-subnets",
            "arn:aws:logs:eu-west-2:" + ACCOUNT + ":log-group:/devmin/dev_min/demo:*",
            "arn:aws:servicediscovery:eu-west-2:" + ACCOUNT + ":namespace/ns-0a",
            "arn:aws:servicediscovery:eu-west-2:" + ACCOUNT + ":service/srv-0a",
            "arn:aws:iam::" + ACCOUNT + ":role/devmin/devmin-dev-min-old");

    private static final Map<String, String[]> QUERY = Map.of(
            "ec2", new String[]{"2016-11-15", EC2_NS},
            "elasticloadbalancingv2", new String[]{"2015-12-01", "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"},
            "elasticloadbalancing", new String[]{"2012-06-01", "http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/"},
            "rds", new String[]{"2014-10-31", "http://rds.amazonaws.com/doc/2014-10-31/"},
            "iam", new String[]{"2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/"},
            "sts", new String[]{"2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/"});
    private static final Map<String, String> JSON_TARGET = Map.of("ecs", "AmazonEC2ContainerServiceV20141113",
            "ecr", "AmazonEC2ContainerRegistry_V20150921", "ssm", "AmazonSSM",
            "tag", "ResourceGroupsTaggingAPI_20170126", "logs", "Logs_20140328", "ce", "AWSInsightsIndexService",
            "budgets", "AWSBudgetServiceGateway", "servicediscovery", "Route53AutoNaming_v20170314");

    private final WireMockServer server;
    private final String bucket;
    private final Map<String, Operation> operations = new LinkedHashMap<>();

    public AwsWorld(WireMockServer server, String bucket) {
        this.server = server;
        this.bucket = bucket;
    }

    /** Every operation registered so far, by call-log name. */
    public Map<String, Operation> operations() {
        return operations;
    }

    /** The request matcher of {@code api} on the wire, e.g. {@code ec2:DescribeNatGateways}. */
    public Operation operation(String api) {
        String service = api.substring(0, api.indexOf(':'));
        String action = api.substring(api.indexOf(':') + 1);
        if (api.equals("s3:HeadBucket")) {
            return new Operation(api, Protocol.REST_HEAD, head(urlPathEqualTo("/" + bucket)), "");
        }
        if (api.equals("s3:PutObject")) {
            return new Operation(api, Protocol.REST_JSON, put(urlPathMatching("/" + bucket + "/.+")), "");
        }
        if (api.equals("s3:ListObjectsV2")) {
            return new Operation(api, Protocol.REST_XML, get(urlPathEqualTo("/" + bucket))
                    .withQueryParam("list-type", equalTo("2")), "");
        }
        if (api.equals("s3:GetObject")) {
            return new Operation(api, Protocol.REST_BYTES, get(urlPathMatching("/" + bucket + "/.+")), "");
        }
        if (api.equals("access-analyzer:CheckAccessNotGranted")) {
            return new Operation(api, Protocol.REST_JSON, post(urlPathEqualTo("/policy/check-access-not-granted")), "");
        }
        if (QUERY.containsKey(service)) {
            return new Operation(api, Protocol.QUERY, query(action, QUERY.get(service)[0]), QUERY.get(service)[1]);
        }
        if (JSON_TARGET.containsKey(service)) {
            return new Operation(api, Protocol.JSON, json(JSON_TARGET.get(service) + "." + action), "");
        }
        throw new IllegalArgumentException("AwsWorld does not know how " + api + " travels");
    }

    private void answer(String api, ResponseDefinitionBuilder response) {
        Operation operation = operation(api);
        operations.put(api, operation);
        server.stubFor(operation.request().atPriority(10).willReturn(response));
    }

    /**
     * Answers {@code api} for the requests {@code narrow} adds conditions for (a request body, a query), ahead of the
     * general answers; a test replacing the operation's answer still replaces this one.
     */
    public AwsWorld answerWhen(String api, java.util.function.UnaryOperator<MappingBuilder> narrow,
                               ResponseDefinitionBuilder response) {
        Operation operation = operation(api);
        operations.put(api, operation);
        server.stubFor(narrow.apply(operation(api).request()).atPriority(5).willReturn(response));
        return this;
    }

    private void queryAnswer(String api, String result) {
        Operation op = operation(api);
        String action = op.action();
        boolean ec2 = api.startsWith("ec2:");
        answer(api, xml("<" + action + "Response xmlns=\"" + op.namespace() + "\">"
                + (ec2 ? "<requestId>r</requestId>" + result : "<" + action + "Result>" + result + "</" + action
                + "Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>")
                + "</" + action + "Response>"));
    }

    /** Everything answered; every listing reaches the calls behind it. */
    public AwsWorld reachEverything() {
        queryAnswer("ec2:DescribeNatGateways", "<natGatewaySet/>");
        queryAnswer("ec2:DescribeInstances", "<reservationSet/>");
        queryAnswer("ec2:DescribeAddresses", "<addressesSet/>");
        queryAnswer("ec2:DescribeVpcEndpoints", "<vpcEndpointSet/>");
        queryAnswer("ec2:DescribeVpcs", "<vpcSet/>");
        queryAnswer("ec2:DescribeSubnets", "<subnetSet/>");
        queryAnswer("ec2:DescribeSecurityGroups", "<securityGroupInfo/>");
        queryAnswer("ec2:DescribeInternetGateways", "<internetGatewaySet/>");
        queryAnswer("ec2:DescribeRouteTables", "<routeTableSet/>");
        queryAnswer("ec2:DescribeNetworkInterfaces", "<networkInterfaceSet/>");
        String otherAlb = ELB + "loadbalancer/app/other/1";
        queryAnswer("elasticloadbalancingv2:DescribeLoadBalancers", "<LoadBalancers><member><LoadBalancerArn>"
                + otherAlb + "</LoadBalancerArn><LoadBalancerName>other</LoadBalancerName></member></LoadBalancers>");
        queryAnswer("elasticloadbalancingv2:DescribeTags", "<TagDescriptions><member><ResourceArn>" + otherAlb
                + "</ResourceArn><Tags/></member></TagDescriptions>");
        queryAnswer("elasticloadbalancingv2:DescribeTargetGroups", "<TargetGroups/>");
        queryAnswer("elasticloadbalancing:DescribeLoadBalancers", "<LoadBalancerDescriptions><member>"
                + "<LoadBalancerName>other</LoadBalancerName></member></LoadBalancerDescriptions>");
        queryAnswer("elasticloadbalancing:DescribeTags", "<TagDescriptions><member><LoadBalancerName>other"
                + "</LoadBalancerName><Tags/></member></TagDescriptions>");
        queryAnswer("rds:DescribeDBInstances", "<DBInstances/>");
        queryAnswer("rds:DescribeDBClusters", "<DBClusters/>");
        queryAnswer("rds:DescribeDBSubnetGroups", "<DBSubnetGroups/>");
        answer("ecs:ListClusters", jsonBody("{\"clusterArns\":[\"" + DEMO_CLUSTER + "\"]}"));
        answer("ecs:DescribeClusters", jsonBody("{\"clusters\":[{\"clusterArn\":\"" + DEMO_CLUSTER + "\","
                + "\"clusterName\":\"devmin-dev-min\",\"status\":\"ACTIVE\",\"tags\":[{\"key\":\"devmin:stack\","
                + "\"value\":\"dev-min\"},{\"key\":\"devmin:layer\",\"value\":\"demo\"}]}],\"failures\":[{\"arn\":\""
                + ECS + "cluster/devmin-old\",\"reason\":\"MISSING\"}]}"));
        answer("ecs:ListServices", jsonBody("{\"serviceArns\":[\"" + DEMO_SERVICE + "\"]}"));
        answer("ecs:DescribeServices", jsonBody("{\"services\":[{\"serviceArn\":\"" + DEMO_SERVICE + "\","
                + "\"serviceName\":\"ig\",\"status\":\"ACTIVE\",\"desiredCount\":0,\"runningCount\":0}],"
                + "\"failures\":[{\"arn\":\"" + ECS + "service/devmin-dev-min/old\",\"reason\":\"MISSING\"}]}"));
        answer("ecs:ListTasks", jsonBody("{\"taskArns\":[]}"));
        answer("ecs:DescribeTasks", jsonBody("{\"tasks\":[],\"failures\":[{\"arn\":\"" + ECS
                + "task/devmin-dev-min/0123\",\"reason\":\"MISSING\"}]}"));
        answer("ecs:DescribeTaskDefinition", jsonBody("{\"taskDefinition\":{\"taskDefinitionArn\":\"" + ECS
                + "task-definition/devmin-dev-min-ig:3\",\"status\":\"INACTIVE\"}}"));
        StringBuilder mappings = new StringBuilder();
        TAGGED.forEach(arn -> mappings.append(mappings.length() == 0 ? "" : ",").append("{\"ResourceARN\":\"")
                .append(arn).append("\",\"Tags\":[{\"Key\":\"devmin:stack\",\"Value\":\"dev-min\"},")
                .append("{\"Key\":\"devmin:layer\",\"Value\":\"demo\"}]}"));
        answer("tag:GetResources", jsonBody("{\"ResourceTagMappingList\":[" + mappings + "],\"PaginationToken\":\"\"}"));
        answer("logs:DescribeLogGroups", jsonBody(devmin.testing.CommittedHandles.logGroupsBody(
                devmin.testing.CommittedHandles.LANES)));
        answer("iam:GetRole", aResponse().withStatus(404).withHeader("Content-Type", "text/xml").withBody(
                "<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>gone</Message></Error>"
                        + "</ErrorResponse>"));
        answer("servicediscovery:GetNamespace", aResponse().withStatus(400).withBody(
                "{\"__type\":\"NamespaceNotFound\",\"Message\":\"ns-0a\"}"));
        answer("servicediscovery:GetService", aResponse().withStatus(400).withBody(
                "{\"__type\":\"ServiceNotFound\",\"Message\":\"srv-0a\"}"));
        // a role of the stack's prefix that is not the demo layer's (core tags), and a namespace of another name
        queryAnswer("iam:ListRoles", "<Roles><member><Path>/</Path><RoleName>devmin-dev-min-gha-window</RoleName>"
                + "<RoleId>AROA0</RoleId><Arn>arn:aws:iam::" + ACCOUNT + ":role/devmin-dev-min-gha-window</Arn>"
                + "<CreateDate>2026-11-01T00:00:00Z</CreateDate></member></Roles><IsTruncated>false</IsTruncated>");
        queryAnswer("iam:ListRoleTags", "<Tags><member><Key>devmin:layer</Key><Value>core</Value></member></Tags>"
                + "<IsTruncated>false</IsTruncated>");
        answer("servicediscovery:ListNamespaces", jsonBody("{\"Namespaces\":[{\"Id\":\"ns-0b\",\"Name\":"
                + "\"other.internal\",\"Type\":\"DNS_PRIVATE\"}]}"));
        answer("s3:HeadBucket", bucketHead());
        answer("ecr:DescribeRepositories", jsonBody("{\"repositories\":[{\"repositoryName\":\"fraud-platform\"}]}"));
        answer("ssm:DescribeParameters", jsonBody(devmin.testing.CommittedHandles.describeParametersBody()));
        return this;
    }

    /** What preflight calls besides the shared ones; Kafka is never reached (its credentials are reported missing). */
    public AwsWorld preflight(String tag, String digest) {
        queryAnswer("sts:GetCallerIdentity", "<Arn>arn:aws:sts::" + ACCOUNT + ":assumed-role/ci/x</Arn>"
                + "<UserId>AROA:x</UserId><Account>" + ACCOUNT + "</Account>");
        answer("ecr:DescribeImages", jsonBody("{\"imageDetails\":[{\"imageDigest\":\"" + digest + "\",\"imageTags\":[\""
                + tag + "\"]}]}"));
        answer("ssm:GetParameters", jsonBody("{\"Parameters\":[],\"InvalidParameters\":"
                + "[\"/devmin/dev_min/confluent/api_secret\"]}"));
        return this;
    }

    /** {@code --publish}: the evidence bucket stores every new key (S3 answers a stored object with its ETag). */
    public AwsWorld publishing() {
        answer("s3:PutObject", aResponse().withStatus(200).withHeader("ETag", "\"9b2cf535f27731c974343645a3985328\""));
        return this;
    }

    /** {@code --all-enabled-regions}: the account has these regions enabled. */
    public AwsWorld enabledRegions(String... regions) {
        StringBuilder items = new StringBuilder();
        for (String region : regions) {
            items.append("<item><regionName>").append(region).append("</regionName><regionEndpoint>ec2.")
                    .append(region).append(".amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required")
                    .append("</optInStatus></item>");
        }
        queryAnswer("ec2:DescribeRegions", "<regionInfo>" + items + "</regionInfo>");
        return this;
    }

    /** What verify-iam calls: the simulation (answered per cell asked) and Access Analyzer's path. */
    public AwsWorld iam() {
        Operation simulate = operation("iam:SimulatePrincipalPolicy");
        operations.put(simulate.api(), simulate);
        server.stubFor(simulate.request().atPriority(10).willReturn(aResponse().withTransformers(IamSimulator.NAME)));
        queryAnswer("iam:ListRolePolicies", "<PolicyNames><member>execution</member></PolicyNames>"
                + "<IsTruncated>false</IsTruncated>");
        queryAnswer("iam:GetRolePolicy", "<RoleName>r</RoleName><PolicyName>execution</PolicyName>"
                + "<PolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D</PolicyDocument>");
        answer("access-analyzer:CheckAccessNotGranted", aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"result\":\"PASS\",\"message\":\"ok\"}"));
        return this;
    }
}
