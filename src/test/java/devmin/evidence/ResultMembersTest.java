package devmin.evidence;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsResponse;

import java.lang.reflect.Method;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The result member table agrees with the SDK's own presence methods ({@code hasXxx()}). */
class ResultMembersTest {

    static SdkResponse empty(Class<? extends SdkResponse> type) throws Exception {
        Object builder = type.getMethod("builder").invoke(null);
        return (SdkResponse) software.amazon.awssdk.utils.builder.SdkBuilder.class.getMethod("build").invoke(builder);
    }

    @Test
    void everyDeclaredMemberExistsOnItsResponse() throws Exception {
        for (Class<? extends SdkResponse> type : ResultMembers.interpreted()) {
            SdkResponse response = empty(type);
            for (String member : ResultMembers.of(type)) {
                assertThat(ResultMembers.field(response, member)).as(type.getSimpleName() + "." + member).isPresent();
            }
        }
        assertThat(ResultMembers.interpreted()).hasSizeGreaterThanOrEqualTo(38);
        assertThat(ResultMembers.of(DescribeNatGatewaysResponse.class)).containsExactly("NatGateways");
        assertThat(ResultMembers.of(GetParametersResponse.class)).containsExactly("Parameters", "InvalidParameters");
        assertThat(ResultMembers.of(DescribeKeyPairsResponse.class)).isEmpty();
    }

    @Test
    void aResponseTheSdkBuiltFromNothingHasNoResultAndTheSdkAgrees() throws Exception {
        for (Class<? extends SdkResponse> type : ResultMembers.interpreted()) {
            SdkResponse response = empty(type);
            assertThat(ResultMembers.problem(response)).as(type.getSimpleName()).isPresent();
            for (String member : ResultMembers.of(type)) {
                Method has = hasMethod(type, member);
                if (has != null) {
                    assertThat((boolean) has.invoke(response)).as(type.getSimpleName() + "." + has.getName()).isFalse();
                }
            }
        }
    }

    static Method hasMethod(Class<?> type, String member) {
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0 && m.getName().equalsIgnoreCase("has" + member)) {
                return m;
            }
        }
        return null;
    }

    @Test
    void anEmptyListIsAnAnswerAnAbsentOneIsNot() {
        DescribeNatGatewaysResponse empty = DescribeNatGatewaysResponse.builder().natGateways(List.of()).build();
        DescribeNatGatewaysResponse absent = DescribeNatGatewaysResponse.builder().build();

        assertThat(empty.hasNatGateways()).isTrue();
        assertThat(ResultMembers.problem(empty)).isEmpty();
        assertThat(absent.hasNatGateways()).isFalse();
        assertThat(ResultMembers.problem(absent)).contains(
                "the answer has no NatGateways (HTTP 200 without the operation's result)");
        assertThat(ResultMembers.problem(DescribeNatGatewaysResponse.builder()
                .natGateways(NatGateway.builder().natGatewayId("nat-1").build()).build())).isEmpty();
        assertThat(ResultMembers.problem(ListClustersResponse.builder().clusterArns(List.of()).build())).isEmpty();
    }

    @Test
    void aScalarResultMustBeThere() {
        assertThat(ResultMembers.problem(GetCallerIdentityResponse.builder().account("123456789012").build())).isEmpty();
        assertThat(ResultMembers.problem(GetCallerIdentityResponse.builder().userId("x").build()))
                .contains("the answer has no Account (HTTP 200 without the operation's result)");
        assertThat(ResultMembers.problem(HeadBucketResponse.builder().bucketRegion("eu-west-2").build())).isEmpty();
    }

    @Test
    void everyDeclaredMemberMustBeThere() {
        assertThat(ResultMembers.problem(GetParametersResponse.builder().parameters(List.of())
                .invalidParameters(List.of()).build())).isEmpty();
        assertThat(ResultMembers.problem(GetParametersResponse.builder().parameters(List.of()).build()))
                .contains("the answer has no InvalidParameters (HTTP 200 without the operation's result)");
    }

    @Test
    void anOperationWithoutARuleIsRefused() {
        assertThat(ResultMembers.problem(GetResourcesResponse.builder().resourceTagMappingList(List.of()).build()))
                .isEmpty();
        assertThat(ResultMembers.problem(DescribeKeyPairsResponse.builder().build()))
                .contains("devmin has no rule to interpret a DescribeKeyPairsResponse");
    }
}
