package devmin.realengine;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed stack file is kept in the format the Pulumi CLI writes it back in (a comment one space after its value,
 * a top-level number quoted), so creating the stack and setting the secret a new user must set add only the stack's
 * salt and that secret's lines: every committed line, comments included, stays as it is.
 */
class StackFileFormatIT {

    static final String CANARY = "canary-ig-key-format-5d1e";

    @Test
    void settingTheIngressSecretAddsItsLinesAndChangesNoOther() throws Exception {
        try (PulumiWorkspace workspace = PulumiWorkspace.ofCommittedProject(RealEngine.require())) {
            Path stackFile = workspace.project().resolve("Pulumi.dev-min.yaml");
            List<String> committed = Files.readAllLines(stackFile);

            // a new user's two steps: `stack init` (with a passphrase it adds the stack's encryptionsalt; it also
            // writes the whole file back in the CLI's format) and setting the secret
            CommittedStackIT.succeeded(workspace.pulumi("stack", "init", "dev-min"));
            CommittedStackIT.succeeded(workspace.pulumi("config", "set", "--secret", "devmin:igApiKey", CANARY));

            List<String> after = Files.readAllLines(stackFile);
            int at = after.indexOf("  devmin:igApiKey:");
            assertThat(at).as("the secret's key line in\n%s", String.join("\n", after)).isNotNegative();
            assertThat(after.get(at + 1)).matches("    secure: v1:\\S+");
            List<String> rest = new ArrayList<>(after);
            rest.subList(at, at + 2).clear();
            assertThat(rest.get(rest.size() - 1)).as("stack init's salt, the file's last line")
                    .startsWith("encryptionsalt: v1:");
            assertThat(rest.subList(0, rest.size() - 1)).as("every other line as committed")
                    .containsExactlyElementsOf(committed);
            assertThat(String.join("\n", after)).doesNotContain(CANARY);
        }
    }
}
