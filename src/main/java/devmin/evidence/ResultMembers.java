package devmin.evidence;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.accessanalyzer.model.CheckAccessNotGrantedResponse;
import software.amazon.awssdk.services.budgets.model.DescribeBudgetResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.GetCostForecastResponse;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbSubnetGroupsResponse;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.ssm.model.DescribeParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Map.entry;

/**
 * The member every AWS answer devmin reads must carry to count as an answer. Given an HTTP 200 whose body is not the
 * operation's result (an empty body, a proxy's HTML page, another document), the SDK builds an empty response, and an
 * empty list reads as "nothing there"; so a response without its result member is refused. A list member is absent when
 * the SDK auto-constructed it (what {@code hasXxx()} reports), any other member when it is null. An operation missing
 * from this table is refused too, so a new check cannot skip the question.
 */
public final class ResultMembers {

    private static final Map<Class<? extends SdkResponse>, List<String>> REQUIRED = Map.ofEntries(
            entry(DescribeNatGatewaysResponse.class, List.of("NatGateways")),
            entry(DescribeInstancesResponse.class, List.of("Reservations")),
            entry(DescribeAddressesResponse.class, List.of("Addresses")),
            entry(DescribeVpcEndpointsResponse.class, List.of("VpcEndpoints")),
            entry(DescribeVpcsResponse.class, List.of("Vpcs")),
            entry(DescribeSubnetsResponse.class, List.of("Subnets")),
            entry(DescribeSecurityGroupsResponse.class, List.of("SecurityGroups")),
            entry(DescribeInternetGatewaysResponse.class, List.of("InternetGateways")),
            entry(DescribeRouteTablesResponse.class, List.of("RouteTables")),
            entry(DescribeNetworkInterfacesResponse.class, List.of("NetworkInterfaces")),
            entry(DescribeRegionsResponse.class, List.of("Regions")),
            entry(software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse.class,
                    List.of("LoadBalancers")),
            entry(software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsResponse.class,
                    List.of("TagDescriptions")),
            entry(software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse.class,
                    List.of("TargetGroups")),
            entry(software.amazon.awssdk.services.elasticloadbalancing.model.DescribeLoadBalancersResponse.class,
                    List.of("LoadBalancerDescriptions")),
            entry(software.amazon.awssdk.services.elasticloadbalancing.model.DescribeTagsResponse.class,
                    List.of("TagDescriptions")),
            entry(ListClustersResponse.class, List.of("clusterArns")),
            entry(DescribeClustersResponse.class, List.of("clusters")),
            entry(ListServicesResponse.class, List.of("serviceArns")),
            entry(DescribeServicesResponse.class, List.of("services")),
            entry(ListTasksResponse.class, List.of("taskArns")),
            entry(DescribeTasksResponse.class, List.of("tasks")),
            entry(DescribeTaskDefinitionResponse.class, List.of("taskDefinition")),
            entry(RunTaskResponse.class, List.of("tasks")),
            entry(StopTaskResponse.class, List.of("task")),
            entry(DescribeDbInstancesResponse.class, List.of("DBInstances")),
            entry(DescribeDbClustersResponse.class, List.of("DBClusters")),
            entry(DescribeDbSubnetGroupsResponse.class, List.of("DBSubnetGroups")),
            entry(GetResourcesResponse.class, List.of("ResourceTagMappingList")),
            entry(DescribeLogGroupsResponse.class, List.of("logGroups")),
            entry(GetLogEventsResponse.class, List.of("events")),
            entry(GetCostAndUsageResponse.class, List.of("ResultsByTime")),
            entry(GetCostForecastResponse.class, List.of("Total")),
            entry(DescribeBudgetResponse.class, List.of("Budget")),
            entry(GetRoleResponse.class, List.of("Role")),
            entry(ListRolePoliciesResponse.class, List.of("PolicyNames")),
            entry(software.amazon.awssdk.services.iam.model.ListRolesResponse.class, List.of("Roles")),
            entry(software.amazon.awssdk.services.iam.model.ListRoleTagsResponse.class, List.of("Tags")),
            entry(GetRolePolicyResponse.class, List.of("PolicyDocument")),
            entry(SimulatePrincipalPolicyResponse.class, List.of("EvaluationResults")),
            entry(CheckAccessNotGrantedResponse.class, List.of("result")),
            entry(DescribeRepositoriesResponse.class, List.of("repositories")),
            entry(DescribeImagesResponse.class, List.of("imageDetails")),
            entry(DescribeParametersResponse.class, List.of("Parameters")),
            entry(GetParametersResponse.class, List.of("Parameters", "InvalidParameters")),
            entry(GetCallerIdentityResponse.class, List.of("Account")),
            // S3 answers HeadBucket with headers only; the bucket's region is the header only S3 sends.
            entry(HeadBucketResponse.class, List.of("BucketRegion")),
            entry(PutObjectResponse.class, List.of("ETag")),
            // A V2 listing always counts its keys (an empty one too); a V1 answer or a foreign document does not.
            entry(ListObjectsV2Response.class, List.of("KeyCount")),
            entry(GetObjectResponse.class, List.of("ETag")));

    private ResultMembers() {
    }

    /** Every response type devmin knows how to interpret. */
    public static Set<Class<? extends SdkResponse>> interpreted() {
        return REQUIRED.keySet();
    }

    /** The members {@code type} must carry. */
    public static List<String> of(Class<? extends SdkResponse> type) {
        return REQUIRED.getOrDefault(type, List.of());
    }

    /** Why {@code response} is not an answer devmin can read, or empty when it carries its result members. */
    public static Optional<String> problem(SdkResponse response) {
        List<String> members = REQUIRED.get(response.getClass());
        if (members == null) {
            return Optional.of("devmin has no rule to interpret a " + response.getClass().getSimpleName());
        }
        for (String member : members) {
            Optional<SdkField<?>> field = field(response, member);
            if (field.isEmpty() || isAbsent(field.get().getValueOrDefault(response))) {
                return Optional.of("the answer has no " + member + " (HTTP 200 without the operation's result)");
            }
        }
        return Optional.empty();
    }

    /** The field of the model member {@code member} (its wire name may differ, e.g. EC2's {@code natGatewaySet}). */
    public static Optional<SdkField<?>> field(SdkResponse response, String member) {
        return response.sdkFields().stream().filter(f -> member.equals(f.memberName())).findFirst();
    }

    static boolean isAbsent(Object value) {
        return value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap;
    }
}
