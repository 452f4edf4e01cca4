package stacks.spec;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DidYouMeanTest {

    private static final List<String> KEYS = List.of("monthlyLimit", "currency", "alertThresholds", "recipients");

    @Test
    void aDroppedLetterASwapOrADifferentCaseIsATypo() {
        assertThat(DidYouMean.closest("monthlyLimt", KEYS)).contains("monthlyLimit");
        assertThat(DidYouMean.closest("currnecy", KEYS)).contains("currency");
        assertThat(DidYouMean.closest("Recipients", KEYS)).contains("recipients");
        assertThat(DidYouMean.closest("dev-mim", List.of("dev-min", "prod"))).contains("dev-min");
    }

    @Test
    void aDifferentNameIsNotATypoOfAnything() {
        assertThat(DidYouMean.closest("owner", KEYS)).isEmpty();
        assertThat(DidYouMean.closest("x", List.of("ci"))).isEmpty();
    }

    @Test
    void theClosestWinsAndTiesGoAlphabetically() {
        assertThat(DidYouMean.closest("cpus", List.of("cpu", "cpuss"))).contains("cpu");
        assertThat(DidYouMean.closest("ab", List.of("ac", "aa"))).contains("aa");
    }

    @Test
    void theDistanceIsTheOptimalStringAlignmentDistance() {
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("abc", "")).isEqualTo(3);
        assertThat(DidYouMean.distance("ab", "ba")).isEqualTo(1);
        assertThat(DidYouMean.distance("abcd", "acbd")).isEqualTo(1);
        assertThat(DidYouMean.distance("CA", "abc")).as("no substring is edited twice").isEqualTo(3);
        assertThat(DidYouMean.distance("Currency", "currency")).isZero();
    }

    @Test
    void theToleranceGrowsWithTheLengthOfTheName() {
        assertThat(DidYouMean.tolerance("cpus")).isEqualTo(1);
        assertThat(DidYouMean.tolerance("image")).isEqualTo(2);
        assertThat(DidYouMean.tolerance("recipients")).isEqualTo(2);
        assertThat(DidYouMean.tolerance("monthlyLimit")).isEqualTo(3);
    }

    @Test
    void aNearerCandidateWinsOverAnAlphabeticallyEarlierOne() {
        assertThat(DidYouMean.closest("recipient", List.of("recipients", "aecipientx"))).contains("recipients");
    }
}
