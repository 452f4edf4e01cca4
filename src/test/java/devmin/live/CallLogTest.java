package devmin.live;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesResponse;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Interpret or refuse, call by call, with the SDK's own response objects. */
class CallLogTest {

    static AwsServiceException error(int status, String code) {
        return (AwsServiceException) AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }

    @Test
    void anAnswerWithItsResultIsReturnedAndRecorded() {
        CallLog log = new CallLog();
        var answer = ListClustersResponse.builder().clusterArns(List.of()).build();

        assertThat(log.call("ecs:ListClusters", () -> answer)).isSameAs(answer);
        assertThat(log.calls()).containsExactly("ecs:ListClusters");
    }

    @Test
    void anAnswerWithoutItsResultIsUnverifiedNamingTheCall() {
        CallLog log = new CallLog();

        assertThatThrownBy(() -> log.call("ecs:ListClusters", () -> ListClustersResponse.builder().build()))
                .isInstanceOf(CallLog.Unverified.class)
                .hasMessage("ecs:ListClusters: the answer has no clusterArns (HTTP 200 without the operation's result)");
        assertThat(log.calls()).containsExactly("ecs:ListClusters");
    }

    @Test
    void anSdkFailureIsUnverifiedNamingTheCall() {
        CallLog log = new CallLog();

        assertThatThrownBy(() -> log.call("ecs:ListClusters", () -> {
            throw error(400, "AccessDeniedException");
        })).isInstanceOf(CallLog.Unverified.class).hasMessageStartingWith("ecs:ListClusters: access denied");
    }

    @Test
    void findTurnsTheAcceptedFailureIntoAbsenceAndNothingElse() {
        CallLog log = new CallLog();

        assertThat(log.find("ecs:ListClusters", () -> {
            throw error(400, "ClusterNotFoundException");
        }, e -> true)).isEmpty();
        assertThatThrownBy(() -> log.find("ecs:ListClusters", () -> {
            throw error(500, "InternalError");
        }, e -> false)).isInstanceOf(CallLog.Unverified.class).hasMessageContaining("HTTP 500");
        assertThatThrownBy(() -> log.find("ecs:ListClusters", () -> ListClustersResponse.builder().build(), e -> true))
                .isInstanceOf(CallLog.Unverified.class).hasMessageContaining("no clusterArns");
        assertThat(log.find("ecs:ListClusters", () -> ListClustersResponse.builder().clusterArns("a").build(),
                e -> true)).map(ListClustersResponse::clusterArns).isEqualTo(Optional.of(List.of("a")));
        assertThat(log.calls()).hasSize(4);
    }

    /** Pages as a paginator yields them: lazily, counting how many were fetched. */
    static <T> Iterable<T> lazily(List<T> pages, AtomicInteger fetched) {
        return () -> new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < pages.size();
            }

            @Override
            public T next() {
                fetched.incrementAndGet();
                return pages.get(next++);
            }
        };
    }

    static DescribeNatGatewaysResponse page(String token) {
        return DescribeNatGatewaysResponse.builder().natGateways(List.of()).nextToken(token).build();
    }

    @Test
    void everyPageIsRecorded() {
        CallLog log = new CallLog();
        AtomicInteger fetched = new AtomicInteger();

        var pages = log.pages("ec2:DescribeNatGateways", () -> lazily(List.of(page("t2"), page("t3"), page(null)),
                fetched));

        assertThat(pages).hasSize(3);
        assertThat(log.calls()).containsExactly("ec2:DescribeNatGateways", "ec2:DescribeNatGateways (page 2)",
                "ec2:DescribeNatGateways (page 3)");
    }

    @Test
    void aRepeatedPaginationTokenStopsTheListingAtOnce() {
        CallLog log = new CallLog();
        AtomicInteger fetched = new AtomicInteger();

        assertThatThrownBy(() -> log.pages("ec2:DescribeNatGateways", () -> lazily(List.of(page("t2"), page("t3"),
                page("t2"), page("t4"), page(null)), fetched)))
                .isInstanceOf(CallLog.Unverified.class)
                .hasMessage("ec2:DescribeNatGateways (page 3): the answer repeats the pagination token 't2' it gave"
                        + " before, so the listing would never end");
        assertThat(fetched.get()).isEqualTo(3);
    }

    @Test
    void anEmptyTokenEndsAListingAndIsNoRepetition() {
        CallLog log = new CallLog();
        var last = GetResourcesResponse.builder().resourceTagMappingList(List.of()).paginationToken("").build();

        assertThat(log.pages("tag:GetResources", () -> List.of(last, last))).hasSize(2);
    }

    @Test
    void aPageWithoutItsResultStopsTheListing() {
        CallLog log = new CallLog();
        AtomicInteger fetched = new AtomicInteger();

        assertThatThrownBy(() -> log.pages("ec2:DescribeNatGateways", () -> lazily(List.of(page("t2"),
                DescribeNatGatewaysResponse.builder().build(), page(null)), fetched)))
                .isInstanceOf(CallLog.Unverified.class)
                .hasMessageStartingWith("ec2:DescribeNatGateways (page 2): the answer has no NatGateways");
        assertThat(fetched.get()).isEqualTo(2);
    }

    @Test
    void aFailingPageIsRecordedAsFailed() {
        CallLog log = new CallLog();
        Iterable<DescribeNatGatewaysResponse> failing = () -> new Iterator<>() {
            int served;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public DescribeNatGatewaysResponse next() {
                if (served++ == 0) {
                    return page("t2");
                }
                throw error(503, "RequestLimitExceeded");
            }
        };

        assertThatThrownBy(() -> log.pages("ec2:DescribeNatGateways", () -> failing))
                .isInstanceOf(CallLog.Unverified.class).hasMessageContaining("throttled past the retries");
        assertThat(log.calls()).containsExactly("ec2:DescribeNatGateways", "ec2:DescribeNatGateways (page 2, failed)");
    }

    @Test
    void resultsSayWhatWasFound() {
        CallLog log = new CallLog();
        log.note("x:Y");

        CheckResult clean = log.result("c", "r", List.of(), "clean", "dirty");
        CheckResult dirty = log.result("c", "r", List.of("a", "b"), "clean", "dirty");
        CheckResult unknown = log.unverified("c", "r", "why", List.of("u"));

        assertThat(clean.status()).isEqualTo(CheckStatus.PASS);
        assertThat(clean.message()).isEqualTo("clean");
        assertThat(clean.apiCalls()).containsExactly("x:Y");
        assertThat(dirty.status()).isEqualTo(CheckStatus.BLOCKER);
        assertThat(dirty.message()).isEqualTo("dirty: a, b");
        assertThat(dirty.found()).containsExactly("a", "b");
        assertThat(unknown.status()).isEqualTo(CheckStatus.UNVERIFIED);
        assertThat(unknown.found()).containsExactly("u");
    }
}
