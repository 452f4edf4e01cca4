package devmin.live.moto;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * How to leave one real resource of each demo-layer kind behind on moto, through the AWS API, and what the stack's
 * state would record for it (the AWS provider's id and ARN). Prerequisites a kind needs (a VPC for a subnet, a
 * cluster for a service) are scaffolding outside the inventory and untagged, so only the resource itself is the
 * leftover under test.
 */
final class MotoDemoKinds {

    /** What the state records for a created resource. */
    record Created(String id, String arn) {
    }

    /**
     * One kind: how to create it, and whether moto can answer devmin's direct read of it (if not, the proof must say
     * unverified, never pass; {@code note} says why).
     */
    record Kind(BiFunction<MotoAccount, String, Created> create, boolean motoReads, String note) {
    }

    static final String ACCOUNT = "123456789012";
    static final String EC2 = "arn:aws:ec2:" + MotoAccount.REGION + ":" + ACCOUNT + ":";
    private static final AtomicInteger CIDR = new AtomicInteger(10);
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    /** Every kind devmin can leave behind on moto, by Pulumi type token. */
    static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("aws:ec2/vpc:Vpc", reads((a, name) -> {
                String id = a.ec2.createVpc(b -> b.cidrBlock("10.50.0.0/16")).vpc().vpcId();
                return new Created(id, EC2 + "vpc/" + id);
            })),
            Map.entry("aws:ec2/subnet:Subnet", reads((a, name) -> {
                String id = subnet(a);
                return new Created(id, EC2 + "subnet/" + id);
            })),
            Map.entry("aws:ec2/routeTable:RouteTable", reads((a, name) -> {
                String id = a.ec2.createRouteTable(b -> b.vpcId(a.network().vpc())).routeTable().routeTableId();
                return new Created(id, EC2 + "route-table/" + id);
            })),
            Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", reads((a, name) -> {
                String table = a.ec2.createRouteTable(b -> b.vpcId(a.network().vpc())).routeTable().routeTableId();
                String subnet = subnet(a);
                return new Created(a.ec2.associateRouteTable(b -> b.routeTableId(table).subnetId(subnet))
                        .associationId(), "");
            })),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", reads((a, name) -> {
                String id = a.ec2.createSecurityGroup(b -> b.vpcId(a.network().vpc()).groupName(name)
                        .description(name)).groupId();
                return new Created(id, EC2 + "security-group/" + id);
            })),
            Map.entry("aws:ec2/internetGateway:InternetGateway", reads((a, name) -> {
                String id = a.ec2.createInternetGateway(b -> { }).internetGateway().internetGatewayId();
                return new Created(id, EC2 + "internet-gateway/" + id);
            })),
            Map.entry("aws:ecs/cluster:Cluster", reads((a, name) -> {
                String arn = a.ecs.createCluster(b -> b.clusterName(name)).cluster().clusterArn();
                return new Created(arn, arn);
            })),
            Map.entry("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", reads((a, name) -> {
                a.ecs.createCluster(b -> b.clusterName(name));
                a.ecs.putClusterCapacityProviders(b -> b.cluster(name).capacityProviders("FARGATE", "FARGATE_SPOT")
                        .defaultCapacityProviderStrategy(CapacityProviderStrategyItem.builder()
                                .capacityProvider("FARGATE_SPOT").weight(1).build()));
                return new Created(name, "");
            })),
            Map.entry("aws:ecs/service:Service", reads((a, name) -> {
                String cluster = a.ecs.createCluster(b -> b.clusterName("scaffold")).cluster().clusterArn();
                String family = taskDefinition(a, "scaffold-task");
                String arn = a.ecs.createService(b -> b.cluster(cluster).serviceName(name).taskDefinition(family)
                        .desiredCount(0).launchType(LaunchType.FARGATE)).service().serviceArn();
                return new Created(arn, arn);
            })),
            Map.entry("aws:ecs/taskDefinition:TaskDefinition", reads((a, name) -> {
                String family = "devmin-dev-min-" + name;
                String arn = a.ecs.registerTaskDefinition(b -> b.family(family).networkMode("awsvpc")
                        .requiresCompatibilitiesWithStrings("FARGATE").cpu("256").memory("512")
                        .containerDefinitions(ContainerDefinition.builder().name("lane")
                                .image("public.ecr.aws/docker/library/busybox:latest").build()))
                        .taskDefinition().taskDefinitionArn();
                return new Created(family, arn);
            })),
            Map.entry("aws:iam/role:Role", reads((a, name) -> {
                var role = a.iam.createRole(b -> b.roleName("devmin-dev-min-" + name).assumeRolePolicyDocument(TRUST))
                        .role();
                return new Created(role.roleName(), role.arn());
            })),
            Map.entry("aws:iam/rolePolicy:RolePolicy", reads((a, name) -> {
                String role = "scaffold-" + name;
                a.iam.createRole(b -> b.roleName(role).assumeRolePolicyDocument(TRUST));
                a.iam.putRolePolicy(b -> b.roleName(role).policyName(name).policyDocument("{\"Version\":"
                        + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"logs:PutLogEvents\","
                        + "\"Resource\":\"*\"}]}"));
                return new Created(role + ":" + name, "");
            })),
            Map.entry("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", reads((a, name) -> {
                JsonNode namespace = namespace(a, name + ".internal");
                return new Created(namespace.path("Id").asText(), namespace.path("Arn").asText());
            })),
            Map.entry("aws:servicediscovery/service:Service", reads((a, name) -> {
                String namespace = namespace(a, "scaffold.internal").path("Id").asText();
                JsonNode service = a.cloudMap("CreateService", "{\"Name\":\"" + name + "\",\"NamespaceId\":\""
                        + namespace + "\",\"DnsConfig\":{\"DnsRecords\":[{\"Type\":\"A\",\"TTL\":10}]}}")
                        .path("Service");
                return new Created(service.path("Id").asText(), service.path("Arn").asText());
            })),
            Map.entry("aws:rds/subnetGroup:SubnetGroup", reads((a, name) -> {
                String arn = a.rds.createDBSubnetGroup(b -> b.dbSubnetGroupName(name).dbSubnetGroupDescription(name)
                        .subnetIds(a.network().subnetA(), a.network().subnetB())).dbSubnetGroup().dbSubnetGroupArn();
                return new Created(name, arn);
            })),
            Map.entry("aws:rds/instance:Instance", reads((a, name) -> {
                var db = a.rds.createDBInstance(b -> b.dbInstanceIdentifier(name).engine("postgres")
                        .dbInstanceClass("db.t4g.micro").allocatedStorage(20).masterUsername("devmin")
                        .masterUserPassword("not-a-secret-1")).dbInstance();
                return new Created(db.dbiResourceId(), db.dbInstanceArn());
            })));

    private static Kind reads(BiFunction<MotoAccount, String, Created> create) {
        return new Kind(create, true, "");
    }

    private static String subnet(MotoAccount a) {
        int n = CIDR.getAndIncrement() % 250 + 3;
        return a.ec2.createSubnet(b -> b.vpcId(a.network().vpc()).cidrBlock("10.20." + n + ".0/24")
                .availabilityZone(MotoAccount.REGION + "a")).subnet().subnetId();
    }

    private static String taskDefinition(MotoAccount a, String family) {
        a.ecs.registerTaskDefinition(b -> b.family(family).networkMode("awsvpc")
                .containerDefinitions(ContainerDefinition.builder()
                .name("probe").image("public.ecr.aws/docker/library/busybox:latest").memory(128).build()));
        return family;
    }

    /** A private DNS namespace by name (created once), as ListNamespaces summarizes it. */
    private static JsonNode namespace(MotoAccount a, String name) {
        for (JsonNode n : a.cloudMap("ListNamespaces", "{}").path("Namespaces")) {
            if (n.path("Name").asText().equals(name)) {
                return n;
            }
        }
        // moto refuses a second private namespace in one VPC (ConflictingDomainExists): each gets its own
        String vpc = a.ec2.createVpc(b -> b.cidrBlock("10.70.0.0/16")).vpc().vpcId();
        a.cloudMap("CreatePrivateDnsNamespace", "{\"Name\":\"" + name + "\",\"Vpc\":\"" + vpc + "\"}");
        for (JsonNode n : a.cloudMap("ListNamespaces", "{}").path("Namespaces")) {
            if (n.path("Name").asText().equals(name)) {
                return n;
            }
        }
        throw new IllegalStateException("moto did not create namespace " + name);
    }

    private MotoDemoKinds() {
    }
}
