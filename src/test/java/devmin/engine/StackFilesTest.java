package devmin.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stack files are resolved as the Pulumi CLI hands config to the program; secure values are never decrypted. */
class StackFilesTest {

    @Test
    void resolvesDefaultsQualifiesKeysEncodesStructuresAndHidesSecureValues(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Pulumi.yaml"), """
                name: demo
                runtime: java
                config:
                  retention:
                    type: integer
                    default: 7
                  token:
                    type: string
                    secret: true
                """);
        Files.writeString(dir.resolve("Pulumi.s.yaml"), """
                config:
                  aws:region: eu-west-2
                  demo:lanes: [{name: a}]
                  owner: team
                  demo:apiKey:
                    secure: v1:abc:CIPHERTEXT
                """);

        StackConfig config = StackFiles.load(dir, "s");

        assertThat(config.project()).isEqualTo("demo");
        assertThat(config.values()).containsEntry("demo:retention", "7").containsEntry("aws:region", "eu-west-2")
                .containsEntry("demo:lanes", "[{\"name\":\"a\"}]").containsEntry("demo:owner", "team");
        assertThat(config.values().get("demo:apiKey")).isEqualTo(StackFiles.placeholder("v1:abc:CIPHERTEXT"))
                .matches(StackFiles.PLACEHOLDER);
        // declared secret, not set in the stack: the CLI would refuse the stack; a plan marks it and says so
        assertThat(config.values()).containsEntry("demo:token", StackFiles.UNSET_SECRET);
        assertThat(StackFiles.unsetSecrets(config)).containsExactly("demo:token");
        assertThat(config.secretKeys()).containsExactlyInAnyOrder("demo:apiKey", "demo:token");
        assertThat(config.values().toString()).doesNotContain("CIPHERTEXT");
    }

    @Test
    void thePlaceholderFingerprintsTheCiphertextSoASecretSetAgainIsSeenWithoutItsValue() {
        String first = StackFiles.placeholder("v1:salt:first-ciphertext");

        assertThat(first).isEqualTo(StackFiles.placeholder("v1:salt:first-ciphertext"))
                .isNotEqualTo(StackFiles.placeholder("v1:salt:second-ciphertext"))
                .startsWith(StackFiles.SECRET_PLACEHOLDER + ":").doesNotContain("first-ciphertext");
        // SHA-256("v1:salt:first-ciphertext"), first 8 bytes, as computed by `printf %s … | sha256sum`
        assertThat(first).endsWith(":" + SHA256_PREFIX_OF_FIRST);
    }

    private static final String SHA256_PREFIX_OF_FIRST = "f9de361030956d8f";

    @Test
    void aMissingOrMalformedFileIsNamed(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> StackFiles.load(dir, "s")).hasMessageContaining("Pulumi.yaml: file not found");

        Files.writeString(dir.resolve("Pulumi.yaml"), "name: demo\nruntime: java\n");
        Files.writeString(dir.resolve("Pulumi.s.yaml"), "config: [unclosed\n");
        assertThatThrownBy(() -> StackFiles.load(dir, "s")).hasMessageContaining("Pulumi.s.yaml:2:1: not valid YAML");
    }
}
