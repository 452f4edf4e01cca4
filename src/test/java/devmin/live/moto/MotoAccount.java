package devmin.live.moto;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Seeds moto through the AWS SDK, as the program and the window would leave an account: the core layer (evidence
 * bucket, repository with the pinned image, SSM handles) and, one at a time, what a window can leave behind.
 */
final class MotoAccount implements AutoCloseable {

    static final String REGION = "eu-west-2";
    static final String BUCKET = "devmin-dev-min-evidence-123456789012";
    static final String REPOSITORY = "fraud-platform";
    static final Map<String, String> DEMO = Map.of("devmin:stack", "dev-min", "devmin:layer", "demo",
            "devmin:environment", "dev_min");
    static final Map<String, String> OTHER_STACK = Map.of("devmin:stack", "another", "devmin:layer", "demo");

    private final URI endpoint;
    private final String region;
    private final List<AutoCloseable> clients = new ArrayList<>();
    final Ec2Client ec2;
    final EcsClient ecs;
    final ElasticLoadBalancingV2Client elbv2;
    final ElasticLoadBalancingClient elb;
    final RdsClient rds;
    final S3Client s3;
    final EcrClient ecr;
    final SsmClient ssm;
    final CloudWatchLogsClient logs;
    final IamClient iam;
    private Network network;

    /** The subnets (two zones) a leftover needs; belongs to no stack, so it is never a leftover itself. */
    record Network(String vpc, String subnetA, String subnetB, String securityGroup) {
    }

    MotoAccount(URI endpoint, String region) {
        this.endpoint = endpoint;
        this.region = region;
        this.ec2 = client(Ec2Client.builder());
        this.ecs = client(EcsClient.builder());
        this.elbv2 = client(ElasticLoadBalancingV2Client.builder());
        this.elb = client(ElasticLoadBalancingClient.builder());
        this.rds = client(RdsClient.builder());
        this.s3 = client(S3Client.builder().forcePathStyle(true));
        this.ecr = client(EcrClient.builder());
        this.ssm = client(SsmClient.builder());
        this.logs = client(CloudWatchLogsClient.builder());
        this.iam = client(IamClient.builder());
    }

    /**
     * One Cloud Map call through the service's own JSON protocol (the SDK's servicediscovery module is not served
     * here; moto does not check signatures, so a fixed Authorization header names the region).
     */
    com.fasterxml.jackson.databind.JsonNode cloudMap(String operation, String body) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(endpoint.resolve("/"))
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", "Route53AutoNaming_v20170314." + operation)
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261206/" + region
                            + "/servicediscovery/aws4_request, SignedHeaders=host, Signature=0")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
            var response = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(operation + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private <C extends AutoCloseable, B extends AwsClientBuilder<B, C>> C client(B builder) {
        C client = builder.region(Region.of(region)).endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "moto")))
                .build();
        clients.add(client);
        return client;
    }

    // ---- the core layer

    MotoAccount evidenceBucket() {
        s3.createBucket(b -> b.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint(region)));
        return this;
    }

    MotoAccount repositoryWithImage(String tag, String digest) {
        ecr.createRepository(b -> b.repositoryName(REPOSITORY));
        ecr.putImage(b -> b.repositoryName(REPOSITORY).imageTag(tag).imageDigest(digest).imageManifest(
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                        + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":2,"
                        + "\"digest\":\"sha256:" + "c".repeat(64) + "\"},\"layers\":[]}"));
        return this;
    }

    /** Each lane's log group, as core keeps them. */
    MotoAccount laneLogGroups(List<String> lanes) {
        lanes.forEach(lane -> logs.createLogGroup(b -> b.logGroupName("/devmin/dev_min/" + lane)));
        return this;
    }

    MotoAccount handle(String path, String value) {
        ssm.putParameter(b -> b.name(path).value(value).type(ParameterType.SECURE_STRING).overwrite(true));
        return this;
    }

    // ---- what a window can leave behind

    Network network() {
        if (network == null) {
            String vpc = ec2.createVpc(b -> b.cidrBlock("10.20.0.0/16")).vpc().vpcId();
            String a = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.20.1.0/24").availabilityZone(region + "a"))
                    .subnet().subnetId();
            String c = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.20.2.0/24").availabilityZone(region + "b"))
                    .subnet().subnetId();
            String group = ec2.createSecurityGroup(b -> b.vpcId(vpc).groupName("shared").description("shared"))
                    .groupId();
            network = new Network(vpc, a, c, group);
        }
        return network;
    }

    String natGateway() {
        String allocation = ec2.allocateAddress(b -> b.domain(DomainType.VPC)).allocationId();
        return ec2.createNatGateway(b -> b.subnetId(network().subnetA()).allocationId(allocation)).natGateway()
                .natGatewayId();
    }

    String applicationLoadBalancer(String name, Map<String, String> tags) {
        return elbv2.createLoadBalancer(b -> b.name(name).subnets(network().subnetA(), network().subnetB())
                .tags(tags.entrySet().stream().map(e -> software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag
                        .builder().key(e.getKey()).value(e.getValue()).build()).toList()))
                .loadBalancers().get(0).loadBalancerArn();
    }

    void classicLoadBalancer(String name, Map<String, String> tags) {
        elb.createLoadBalancer(b -> b.loadBalancerName(name).availabilityZones(region + "a")
                .listeners(Listener.builder().protocol("HTTP").loadBalancerPort(80).instancePort(8080).build())
                .tags(tags.entrySet().stream().map(e -> software.amazon.awssdk.services.elasticloadbalancing.model.Tag
                        .builder().key(e.getKey()).value(e.getValue()).build()).toList()));
    }

    String cluster(String name, Map<String, String> tags) {
        return ecs.createCluster(b -> b.clusterName(name).tags(ecsTags(tags))).cluster().clusterArn();
    }

    String service(String cluster, String name, int desired, Map<String, String> tags) {
        taskDefinition();
        return ecs.createService(b -> b.cluster(cluster).serviceName(name).taskDefinition("devmin-probe")
                .desiredCount(desired).launchType(LaunchType.FARGATE).tags(ecsTags(tags))).service().serviceArn();
    }

    /** moto 5.2.5 fails (HTTP 500) to run an awsvpc task in server mode, so the probe task uses bridge networking. */
    String runningTask(String cluster, Map<String, String> tags) {
        taskDefinition();
        return ecs.runTask(b -> b.cluster(cluster).taskDefinition("devmin-probe").launchType(LaunchType.FARGATE)
                .tags(ecsTags(tags))).tasks().get(0).taskArn();
    }

    private void taskDefinition() {
        ecs.registerTaskDefinition(b -> b.family("devmin-probe").networkMode("bridge")
                .containerDefinitions(ContainerDefinition.builder()
                .name("probe").image("public.ecr.aws/docker/library/busybox:latest").memory(128).build()));
    }

    String dbInstance(String id, Map<String, String> tags) {
        return rds.createDBInstance(b -> b.dbInstanceIdentifier(id).engine("postgres").dbInstanceClass("db.t4g.micro")
                .allocatedStorage(20).masterUsername("devmin").masterUserPassword("not-a-secret-1")
                .tags(tags.entrySet().stream().map(e -> software.amazon.awssdk.services.rds.model.Tag.builder()
                        .key(e.getKey()).value(e.getValue()).build()).toList())).dbInstance().dbInstanceIdentifier();
    }

    String instance(Map<String, String> tags) {
        String image = ec2.describeImages(b -> b.owners("amazon")).images().get(0).imageId();
        return ec2.runInstances(b -> b.imageId(image).minCount(1).maxCount(1).instanceType("t3.micro")
                .subnetId(network().subnetA()).tagSpecifications(tags(ResourceType.INSTANCE, tags)))
                .instances().get(0).instanceId();
    }

    String elasticIp(Map<String, String> tags) {
        return ec2.allocateAddress(b -> b.domain(DomainType.VPC)
                .tagSpecifications(tags(ResourceType.ELASTIC_IP, tags))).allocationId();
    }

    String interfaceEndpoint(Map<String, String> tags) {
        return ec2.createVpcEndpoint(b -> b.vpcId(network().vpc()).vpcEndpointType(VpcEndpointType.INTERFACE)
                .serviceName("com.amazonaws." + region + ".ssm").subnetIds(network().subnetA())
                .tagSpecifications(tags(ResourceType.VPC_ENDPOINT, tags))).vpcEndpoint().vpcEndpointId();
    }

    String securityGroup(String name, Map<String, String> tags) {
        return ec2.createSecurityGroup(b -> b.vpcId(network().vpc()).groupName(name).description(name)
                .tagSpecifications(tags(ResourceType.SECURITY_GROUP, tags))).groupId();
    }

    private static TagSpecification tags(ResourceType type, Map<String, String> tags) {
        return TagSpecification.builder().resourceType(type).tags(tags.entrySet().stream()
                .map(e -> software.amazon.awssdk.services.ec2.model.Tag.builder().key(e.getKey()).value(e.getValue())
                        .build()).toList()).build();
    }

    private static List<software.amazon.awssdk.services.ecs.model.Tag> ecsTags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> software.amazon.awssdk.services.ecs.model.Tag.builder()
                .key(e.getKey()).value(e.getValue()).build()).toList();
    }

    @Override
    public void close() {
        clients.forEach(c -> {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing on the way out
            }
        });
    }
}
