package stacks.spec;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The regions the AWS SDK knows, and the priced region a plan names for an unpriced one. */
class AwsRegionsTest {

    @Test
    void theSdksRegionsAreKnownAndItsGlobalPseudoRegionsAreNot() {
        assertThat(AwsRegions.known()).contains("eu-west-2", "us-east-1", "ap-south-1")
                .doesNotContain("aws-global", "us-east-7");
    }

    @Test
    void theNearestPricedRegionSharesTheAreaAndDirectionFirst() {
        List<String> priced = List.of("eu-central-1", "eu-west-2", "us-east-1", "us-west-2");
        assertThat(AwsRegions.nearestPriced("eu-west-3", priced)).contains("eu-west-2");
        assertThat(AwsRegions.nearestPriced("eu-north-1", priced)).contains("eu-central-1");
        assertThat(AwsRegions.nearestPriced("us-west-1", priced)).contains("us-west-2");
        assertThat(AwsRegions.nearestPriced("sa-east-1", priced)).contains("eu-central-1");
    }
}
