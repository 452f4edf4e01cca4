package stacks.spec;

import devmin.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.filledIn;
import static devmin.testing.Fixtures.filledInFile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed file's example values (its {@code # REPLACE} lines) are found by key, value and line: a plan on the
 * committed file passes with a warning naming each; a filled-in config has none.
 */
class PlaceholdersTest {

    static final Path COMMITTED = Path.of("Pulumi.dev-min.yaml");

    private static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text) && !lines.get(i).trim().startsWith("#")) {
                return i + 1;
            }
        }
        throw new AssertionError("no line holds " + text);
    }

    @Test
    void everyExampleValueOfTheCommittedFileIsFoundWithItsKeyValueAndLine() throws Exception {
        List<Placeholders.Placeholder> found = Placeholders.in(committedConfig().source());

        String file = COMMITTED.normalize().toString();
        assertThat(found).extracting(Placeholders.Placeholder::key, Placeholders.Placeholder::value,
                Placeholders.Placeholder::position).containsExactly(
                tuple("devmin:awsAccountId", "123456789012", file + ":" + lineOf(COMMITTED, "devmin:awsAccountId:")),
                tuple("devmin:budget.recipients[0]", "platform-alerts@example.com",
                        file + ":" + lineOf(COMMITTED, "platform-alerts@example.com")),
                tuple("devmin:ci.repository", "example-org/fraud-platform",
                        file + ":" + lineOf(COMMITTED, "repository: example-org/")),
                tuple("devmin:ci.githubOwnerId", "10000001", file + ":" + lineOf(COMMITTED, "githubOwnerId:")),
                tuple("devmin:ci.githubRepoId", "20000002", file + ":" + lineOf(COMMITTED, "githubRepoId:")));
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    @Test
    void everyLineMarkedReplaceHoldsADeclaredPlaceholder() throws Exception {
        List<String> lines = Files.readAllLines(COMMITTED);
        List<Integer> marked = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s+[^#\\s].*# REPLACE.*")) {
                marked.add(i + 1);
            }
        }
        assertThat(marked).isNotEmpty();
        assertThat(Placeholders.in(committedConfig().source())).extracting(p -> Integer.parseInt(
                p.position().substring(p.position().lastIndexOf(':') + 1))).containsExactlyElementsOf(marked);
    }

    @Test
    void aFilledInConfigHasNone() {
        assertThat(Placeholders.in(filledIn(committedConfig()).source())).isEmpty();
    }

    @Test
    void onlyTheReservedExampleDomainsAreExamples() {
        assertThat(Placeholders.atAnExampleDomain("ops@example.com")).isTrue();
        assertThat(Placeholders.atAnExampleDomain("ops@alerts.Example.ORG")).isTrue();
        assertThat(Placeholders.atAnExampleDomain("ops@example.net")).isTrue();
        assertThat(Placeholders.atAnExampleDomain("ops@notexample.com")).isFalse();
        assertThat(Placeholders.atAnExampleDomain("ops@example.community")).isFalse();
    }

    @Test
    void planOnTheCommittedFilePassesAndWarnsAboutEachPlaceholderWithItsLine(@TempDir Path dir) throws Exception {
        CliRun plan = CliRun.of("plan", "--project-dir", ".", "--out", dir.resolve("runs").toString());

        assertThat(plan.exitCode()).as(plan.stdout() + plan.stderr()).isZero();
        String file = COMMITTED.normalize().toString();
        assertThat(plan.stdout()).contains("warning: placeholder: " + file + ":" + lineOf(COMMITTED,
                        "devmin:awsAccountId:") + ": devmin:awsAccountId is still the example value '123456789012'")
                .contains("devmin:budget.recipients[0] is still the example value 'platform-alerts@example.com'")
                .contains("devmin:ci.repository is still the example value 'example-org/fraud-platform'")
                .contains("devmin:ci.githubOwnerId is still the example value '10000001'")
                .contains("devmin:ci.githubRepoId is still the example value '20000002'");
    }

    @Test
    void planOnAFilledInFileHasNoPlaceholderWarning(@TempDir Path dir) throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.copy(Path.of("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Files.writeString(project.resolve("Pulumi.dev-min.yaml"), filledInFile(Files.readString(COMMITTED)));

        CliRun plan = CliRun.of("plan", "--project-dir", project.toString(), "--out", dir.resolve("runs").toString());

        assertThat(plan.exitCode()).as(plan.stdout() + plan.stderr()).isZero();
        assertThat(plan.stdout()).contains("warning: devmin:igApiKey is not set").doesNotContain("placeholder");
    }
}
