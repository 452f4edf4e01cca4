package devmin.program;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LanguageHostEnvironmentTest {

    @Test
    void readsAddressesProjectStackConfigAndSecretKeysFromTheEnvironment() {
        LanguageHostEnvironment host = LanguageHostEnvironment.from(Map.of(
                "PULUMI_ENGINE", "127.0.0.1:4000",
                "PULUMI_PROJECT", "devmin",
                "PULUMI_STACK", "dev-min",
                "PULUMI_CONFIG", "{\"devmin:owner\":\"team\",\"devmin:budget\":{\"monthlyLimit\":30},\"devmin:retries\":3}",
                "PULUMI_CONFIG_SECRET_KEYS", "[\"devmin:igApiKey\"]"));

        assertThat(host.engine()).isEqualTo("127.0.0.1:4000");
        assertThat(host.project()).isEqualTo("devmin");
        assertThat(host.stack()).isEqualTo("dev-min");
        // a structured value stays JSON text, as the language host passes it; a text value loses its quotes
        assertThat(host.config()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "devmin:owner", "team",
                "devmin:budget", "{\"monthlyLimit\":30}",
                "devmin:retries", "3"));
        assertThat(host.secretKeys()).containsExactly("devmin:igApiKey");
    }

    @Test
    void anEmptyEnvironmentGivesEmptyValuesAndNoConfig() {
        LanguageHostEnvironment host = LanguageHostEnvironment.from(Map.of());

        assertThat(host.engine()).isEmpty();
        assertThat(host.project()).isEmpty();
        assertThat(host.stack()).isEmpty();
        assertThat(host.config()).isEmpty();
        assertThat(host.secretKeys()).isEmpty();
    }

    @Test
    void legacyConfigKeysAndSecretKeysAreCleanedAlike() {
        LanguageHostEnvironment host = LanguageHostEnvironment.from(Map.of(
                "PULUMI_CONFIG", "{\"devmin:config:igApiKey\":\"x\",\"aws:config:region\":\"eu-west-2\"}",
                "PULUMI_CONFIG_SECRET_KEYS", "[\"devmin:config:igApiKey\"]"));

        assertThat(host.config()).containsOnlyKeys("devmin:igApiKey", "aws:region");
        assertThat(host.secretKeys()).containsExactly("devmin:igApiKey");
    }

    @Test
    void cleanDropsOnlyAConfigSegmentRightAfterTheNamespace() {
        assertThat(LanguageHostEnvironment.clean("devmin:config:lanes")).isEqualTo("devmin:lanes");
        assertThat(LanguageHostEnvironment.clean("devmin:lanes")).isEqualTo("devmin:lanes");
        assertThat(LanguageHostEnvironment.clean("devmin:lanes:config:x")).isEqualTo("devmin:lanes:config:x");
        assertThat(LanguageHostEnvironment.clean("devmin:configured")).isEqualTo("devmin:configured");
        // no namespace before the colon: not the legacy form
        assertThat(LanguageHostEnvironment.clean(":config:lanes")).isEqualTo(":config:lanes");
        assertThat(LanguageHostEnvironment.clean("lanes")).isEqualTo("lanes");
        assertThat(LanguageHostEnvironment.clean("a:config:")).isEqualTo("a:");
    }

    @Test
    void invalidConfigJsonIsRefusedNamingBothVariablesAndNotTheirContent() {
        String canary = "CANARY-not-json-7d1f";

        assertThatThrownBy(() -> LanguageHostEnvironment.from(Map.of("PULUMI_CONFIG", "{" + canary)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PULUMI_CONFIG or PULUMI_CONFIG_SECRET_KEYS is not valid JSON")
                .hasNoCause();
        assertThatThrownBy(() -> LanguageHostEnvironment.from(Map.of("PULUMI_CONFIG_SECRET_KEYS", "[" + canary)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(canary);
    }
}
