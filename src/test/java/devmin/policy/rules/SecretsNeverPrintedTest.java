package devmin.policy.rules;

import devmin.policy.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A finding names the variable and the kind of secret, never the secret: each value carries a canary. */
class SecretsNeverPrintedTest {

    static final String CANARY = "CANARY7x";

    @ParameterizedTest
    @ValueSource(strings = {"AKIACANARY7X00000000", "[default]\\naws_secret_access_key = CANARY7x"
            + "abcdefghijklmnopqrstuvwxyz0123456789ab", "ghp_CANARY7x" + "abcdefghijklmnopqrstuvwxyz01234",
            "github_pat_CANARY7x_abcdefghijklmnopqrstuvwxyz", "xoxb-CANARY7x-123456789",
            "https://hooks.slack.com/services/TCANARY7x/B0123/abcdef", "-----BEGIN PRIVATE KEY----- CANARY7x",
            "password=\\\"CANARY7x\\\"", "rediss://:CANARY7x@cache:6379", "https://CANARY7xabcdefghijklmnopqrst@github.com/o/r"})
    void aFindingNeverCarriesTheValue(String value) {
        List<Violation> found = new NoPlaintextSecretsInTaskEnvironment().check(WorkloadRuleCases.env("SETTING",
                value));

        assertThat(found).as(value).singleElement().satisfies(v -> {
            assertThat(v.message()).contains("plaintext secret in SETTING (");
            assertThat(v.message().toUpperCase(Locale.ROOT)).doesNotContain(CANARY.toUpperCase(Locale.ROOT));
        });
    }
}
