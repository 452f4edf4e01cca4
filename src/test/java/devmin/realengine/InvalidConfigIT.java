package devmin.realengine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An invalid config under the real CLI: the program lists every problem and nothing reaches the state. */
class InvalidConfigIT {

    static final String CANARY = "canary-ig-key-invalid-config-81b2";

    @Test
    void everyProblemIsNamedAndNothingIsCreated() {
        try (PulumiWorkspace workspace = PulumiWorkspace.ofCommittedProject(RealEngine.require())) {
            CommittedStackIT.succeeded(workspace.pulumi("stack", "init", "dev-min"));
            CommittedStackIT.succeeded(workspace.pulumi("config", "set", "--secret", "devmin:igApiKey", CANARY));
            CommittedStackIT.succeeded(workspace.pulumi("config", "set", "aws:region", "London"));
            CommittedStackIT.succeeded(workspace.pulumi("config", "set", "devmin:awsAccountId", "12345"));

            CliResult preview = workspace.pulumi("preview");
            assertThat(preview.exitCode()).as(preview.describe()).isNotZero();
            assertThat(preview.output()).contains("aws:region: got 'London'")
                    .contains("devmin:awsAccountId: got '12345'")
                    .doesNotContain("\tat ").doesNotContain(CANARY);

            CliResult up = workspace.pulumi("up", "--yes", "--skip-preview");
            assertThat(up.exitCode()).as(up.describe()).isNotZero();
            assertThat(Json.resources(workspace.exportState())).isEmpty();
            assertThat(workspace.stubCalls().creates()).isEmpty();
            assertThat(up.output()).doesNotContain(CANARY);
        }
    }

    /**
     * The committed stack file holds no secret (a fake ciphertext there made the CLI answer "illegal base64 data at
     * input byte 7"): a new user's first preview is refused naming the secret to set.
     */
    @Test
    void aStackWithoutItsSecretIsRefusedNamingIt() {
        try (PulumiWorkspace workspace = PulumiWorkspace.ofCommittedProject(RealEngine.require())) {
            CommittedStackIT.succeeded(workspace.pulumi("stack", "init", "dev-min"));

            CliResult preview = workspace.pulumi("preview");
            assertThat(preview.exitCode()).as(preview.describe()).isNotZero();
            assertThat(preview.output()).contains("missing configuration value").contains("igApiKey")
                    .doesNotContain("base64");
            assertThat(workspace.stubCalls().calls()).isEmpty();
        }
    }
}
