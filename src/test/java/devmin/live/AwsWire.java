package devmin.live;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

/**
 * Real AWS wire responses on WireMock: query-protocol services (EC2, ELB, RDS) answer XML to a form POST naming the
 * Action (and Version); JSON-protocol services (ECS, ECR, SSM, Tagging) answer to an X-Amz-Target header; S3 is REST.
 */
public final class AwsWire {

    public static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private final WireMockServer server;

    public AwsWire(WireMockServer server) {
        this.server = server;
    }

    public static MappingBuilder query(String action, String version) {
        return post(urlPathEqualTo("/")).withRequestBody(containing("Action=" + action))
                .withRequestBody(containing("Version=" + version));
    }

    public static MappingBuilder json(String target) {
        return post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
    }

    public static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(body);
    }

    public static ResponseDefinitionBuilder jsonBody(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    /** S3's HeadBucket answer: no body, the bucket's region in a header. */
    public static ResponseDefinitionBuilder bucketHead() {
        return aResponse().withStatus(200).withHeader("x-amz-bucket-region", "eu-west-2");
    }

    public static ResponseDefinitionBuilder ec2Error(int status, String code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(
                "<Response><Errors><Error><Code>" + code + "</Code><Message>" + code + "</Message></Error></Errors>"
                        + "<RequestID>r-1</RequestID></Response>");
    }

    public static ResponseDefinitionBuilder jsonError(int status, String type) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + type + "\"}");
    }

    public static String natGateways(String items, String nextToken) {
        return "<DescribeNatGatewaysResponse xmlns=\"" + EC2_NS + "\"><requestId>r</requestId><natGatewaySet>" + items
                + "</natGatewaySet>" + (nextToken.isEmpty() ? "" : "<nextToken>" + nextToken + "</nextToken>")
                + "</DescribeNatGatewaysResponse>";
    }

    public static String nat(String id, String state) {
        return "<item><natGatewayId>" + id + "</natGatewayId><state>" + state + "</state></item>";
    }

    /** Every call of a clean region and an intact core, each answered once per test unless overridden. */
    public void cleanRegionAndIntactCore(String bucket) {
        server.stubFor(query("DescribeNatGateways", "2016-11-15").atPriority(10).willReturn(xml(natGateways("", ""))));
        server.stubFor(query("DescribeInstances", "2016-11-15").atPriority(10).willReturn(xml(
                "<DescribeInstancesResponse xmlns=\"" + EC2_NS + "\"><reservationSet/></DescribeInstancesResponse>")));
        server.stubFor(query("DescribeAddresses", "2016-11-15").atPriority(10).willReturn(xml(
                "<DescribeAddressesResponse xmlns=\"" + EC2_NS + "\"><addressesSet/></DescribeAddressesResponse>")));
        server.stubFor(query("DescribeVpcEndpoints", "2016-11-15").atPriority(10).willReturn(xml(
                "<DescribeVpcEndpointsResponse xmlns=\"" + EC2_NS + "\"><vpcEndpointSet/></DescribeVpcEndpointsResponse>")));
        server.stubFor(query("DescribeLoadBalancers", "2015-12-01").atPriority(10).willReturn(xml(
                "<DescribeLoadBalancersResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\">"
                        + "<DescribeLoadBalancersResult><LoadBalancers/></DescribeLoadBalancersResult>"
                        + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeLoadBalancersResponse>")));
        server.stubFor(query("DescribeLoadBalancers", "2012-06-01").atPriority(10).willReturn(xml(
                "<DescribeLoadBalancersResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/\">"
                        + "<DescribeLoadBalancersResult><LoadBalancerDescriptions/></DescribeLoadBalancersResult>"
                        + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeLoadBalancersResponse>")));
        server.stubFor(query("DescribeDBInstances", "2014-10-31").atPriority(10).willReturn(xml(
                "<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><DescribeDBInstancesResult>"
                        + "<DBInstances/></DescribeDBInstancesResult></DescribeDBInstancesResponse>")));
        server.stubFor(query("DescribeDBClusters", "2014-10-31").atPriority(10).willReturn(xml(
                "<DescribeDBClustersResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><DescribeDBClustersResult>"
                        + "<DBClusters/></DescribeDBClustersResult></DescribeDBClustersResponse>")));
        server.stubFor(json("AmazonEC2ContainerServiceV20141113.ListClusters").atPriority(10)
                .willReturn(jsonBody("{\"clusterArns\":[]}")));
        server.stubFor(json("ResourceGroupsTaggingAPI_20170126.GetResources").atPriority(10)
                .willReturn(jsonBody("{\"ResourceTagMappingList\":[],\"PaginationToken\":\"\"}")));
        server.stubFor(head(urlPathEqualTo("/" + bucket)).atPriority(10).willReturn(bucketHead()));
        // the caller is the stack's account; no role of the stack's name prefix; no Cloud Map namespace
        server.stubFor(query("GetCallerIdentity", "2011-06-15").atPriority(10).willReturn(xml(
                "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                        + "<Arn>arn:aws:sts::123456789012:assumed-role/devmin-dev-min-gha-window/ci</Arn>"
                        + "<UserId>AROA:ci</UserId><Account>123456789012</Account></GetCallerIdentityResult>"
                        + "</GetCallerIdentityResponse>")));
        server.stubFor(query("ListRoles", "2010-05-08").atPriority(10).willReturn(xml(
                "<ListRolesResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ListRolesResult><Roles/>"
                        + "<IsTruncated>false</IsTruncated></ListRolesResult></ListRolesResponse>")));
        server.stubFor(json("Route53AutoNaming_v20170314.ListNamespaces").atPriority(10)
                .willReturn(jsonBody("{\"Namespaces\":[]}")));
        // no pre-destroy snapshot published yet (verify-teardown looks for the newest when --snapshot is not given)
        server.stubFor(get(urlPathEqualTo("/" + bucket)).withQueryParam("list-type", equalTo("2")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/"
                                + "doc/2006-03-01/\"><Name>" + bucket + "</Name><KeyCount>0</KeyCount><MaxKeys>1000"
                                + "</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>")));
        server.stubFor(json("AmazonEC2ContainerRegistry_V20150921.DescribeRepositories").atPriority(10)
                .willReturn(jsonBody("{\"repositories\":[{\"repositoryName\":\"fraud-platform\"}]}")));
        server.stubFor(json("AmazonSSM.DescribeParameters").atPriority(10).willReturn(jsonBody(
                devmin.testing.CommittedHandles.describeParametersBody())));
        server.stubFor(json("Logs_20140328.DescribeLogGroups").atPriority(10).willReturn(jsonBody(
                devmin.testing.CommittedHandles.logGroupsBody(devmin.testing.CommittedHandles.LANES))));
    }
}
