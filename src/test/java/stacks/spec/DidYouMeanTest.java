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
}
