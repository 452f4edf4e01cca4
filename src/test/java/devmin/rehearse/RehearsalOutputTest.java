package devmin.rehearse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a rehearsal reads what the Pulumi CLI printed, and what it copies of the user's stack file. */
class RehearsalOutputTest {

    // The summary and diagnostics as pulumi 3.274.1 prints them (seen in devmin rehearse --keep, 2026-12-06).
    static final String UP = """
            Updating (dev-min):
                 Type                 Name             Status
             +   pulumi:pulumi:Stack  devmin-dev-min   created

            Resources:
                + 297 created

            Duration: 40s
            """;
    static final String DESTROY = """
            Resources:
                - 47 deleted
                250 unchanged

            Duration: 11s
            """;
    static final String FAILED_PREVIEW = """
            Previewing update (dev-min):
            Diagnostics:
              pulumi:pulumi:Stack (devmin-dev-min):
                error: devmin: invalid configuration (1 problem):
                  - aws:region: got 'London', expected an AWS region code
            Resources:
                + 1 to create
            """;

    @Test
    void theChangeCountsAreReadFromTheResourcesSummary() {
        assertThat(Rehearsal.changes(UP)).isEqualTo("+ 297 created");
        assertThat(Rehearsal.changes(DESTROY)).isEqualTo("- 47 deleted, 250 unchanged");
        assertThat(Rehearsal.changes("no summary here")).isEqualTo("no resource summary printed");
    }

    @Test
    void thePolicyLineIsTheOneAfterPolicies() {
        assertThat(Rehearsal.policies("Policies:\n    ✅ devmin-policies@v1.0.0 (local: policies/devmin-policy-pack)\n"))
                .isEqualTo("policies: ✅ devmin-policies@v1.0.0 (local: policies/devmin-policy-pack)");
    }

    @Test
    void aFailureQuotesPulumisDiagnosticsNotTheLanguageHostsPathNote() {
        CommandOutcome failed = new CommandOutcome(List.of("pulumi", "preview"), 255, FAILED_PREVIEW,
                "warning: using pulumi-language-java from $PATH at /x/pulumi-language-java\n", 10);
        assertThat(failed.tail(8)).contains("aws:region: got 'London'").doesNotContain("$PATH")
                .doesNotContain("Resources:");
    }

    @Test
    void aPolicyPackThatDidNotStartIsQuotedFromStderrPastTheDiagnosticsWarnings() {
        CommandOutcome failed = new CommandOutcome(List.of("pulumi", "preview"), 1, """
                Diagnostics:
                  pulumi:pulumi:Stack (devmin-dev-min):
                    warning: using pulumi-resource-aws from $PATH at /x/pulumi-resource-aws

                """, "error: policy pack \"policies\" failed to start: plugin [policies] did not begin responding\n", 10);
        assertThat(failed.tail(8)).isEqualTo(
                "error: policy pack \"policies\" failed to start: plugin [policies] did not begin responding");
    }

    @Test
    void theCopiedStackFileLosesOnlyTheSecureValuesAndTheEncryptionSalt() {
        String stackFile = """
                encryptionsalt: v1:abc:def
                config:
                  aws:region: eu-west-2
                  devmin:igApiKey:
                    secure: v1:cipher-text
                  devmin:owner: team
                """;
        assertThat(ThrowawayProject.withoutSecrets(stackFile)).isEqualTo("""
                config:
                  aws:region: eu-west-2
                  devmin:owner: team
                """);
    }
}
