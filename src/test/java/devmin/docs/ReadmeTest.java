package devmin.docs;

import devmin.cli.DevminCommand;
import devmin.plan.PlanMarkdown;
import devmin.plan.Plans;
import devmin.testing.Fixtures;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README a new user reads first: one screen of commands that exist, the test command CI runs, and the layer
 * diagram the plan draws. Run with {@code -Ddevmin.docs.regenerate=true} to rewrite the diagram after a change to
 * the program (docs/layers.mmd and the README's mermaid block), then review the diff.
 */
class ReadmeTest {

    static final Path README = Path.of("README.md");
    static final Path DIAGRAM = Path.of("docs", "layers.mmd");
    /** The line .ci/run runs and the README shows: they must stay the same line. */
    static final String TEST_COMMAND = "mvn -B verify     # build the jar and pass every test";
    /** A devmin invocation in a code span or block: the jar or the script, then its words up to a shell separator. */
    static final Pattern INVOCATION = Pattern.compile("(?:^|[\\s`(/])devmin(?:\\.jar)? ([^`|;#)<>\\n]*)");
    static final Pattern CODE = Pattern.compile("```[a-z]*\\n(.*?)```|`([^`\\n]+)`", Pattern.DOTALL);

    @Test
    void theReadmeFitsInTwoHundredAndFiftyLines() throws IOException {
        assertThat(Files.readAllLines(README)).hasSizeLessThanOrEqualTo(250);
    }

    @Test
    void theReadmeOpensWithThePlanAndTheTestCommandThatCiRuns() throws IOException {
        String readme = read(README);
        String firstBlock = readme.substring(readme.indexOf("```bash"), readme.indexOf("```", readme.indexOf(
                "```bash") + 3));
        assertThat(firstBlock).contains("./devmin plan").contains(TEST_COMMAND);
        assertThat(read(Path.of(".ci", "run"))).contains("\n" + TEST_COMMAND + "\n");
    }

    @Test
    void everyDevminCommandAndFlagInTheReadmeExists() throws IOException {
        List<String> problems = problems(read(README));
        assertThat(problems).as("devmin commands and flags in README.md that the CLI does not have").isEmpty();
    }

    @Test
    void theCheckFindsACommandOrAFlagThatDoesNotExist() {
        assertThat(problems("`./devmin plan --windw-hours 3` and `devmin rehearsal`"))
                .containsExactly("devmin plan: no option --windw-hours", "devmin: no command 'rehearsal'");
        assertThat(problems("```\n./devmin window status --ttl-hours 4 --history h.json  # ok\n```")).isEmpty();
    }

    @Test
    void theLayerDiagramIsTheOneThePlanDrawsForTheCommittedStack() throws IOException {
        String diagram = PlanMarkdown.diagram(Plans.plan(Fixtures.committedConfig()));
        String readme = read(README);
        Matcher block = Pattern.compile("```mermaid\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        if (Boolean.getBoolean("devmin.docs.regenerate")) {
            Files.writeString(DIAGRAM, diagram, StandardCharsets.UTF_8);
            if (block.find()) {
                Files.writeString(README, readme.substring(0, block.start(1)) + diagram
                        + readme.substring(block.end(1)), StandardCharsets.UTF_8);
            }
            return;
        }
        assertThat(read(DIAGRAM)).as(DIAGRAM + " (regenerate: -Ddevmin.docs.regenerate=true)").isEqualTo(diagram);
        assertThat(block.find()).as("README.md has a mermaid block").isTrue();
        assertThat(block.group(1)).as("README.md's diagram (regenerate: -Ddevmin.docs.regenerate=true)")
                .isEqualTo(diagram);
    }

    /** Each devmin invocation in the code of a Markdown text whose command or flag the CLI does not have. */
    static List<String> problems(String markdown) {
        List<String> problems = new ArrayList<>();
        Matcher code = CODE.matcher(markdown);
        while (code.find()) {
            String text = code.group(1) != null ? code.group(1) : code.group(2);
            Matcher invocation = INVOCATION.matcher(text);
            while (invocation.find()) {
                check(invocation.group(1), problems);
            }
        }
        return problems;
    }

    private static void check(String words, List<String> problems) {
        CommandLine command = DevminCommand.commandLine();
        List<String> tokens = Arrays.stream(words.trim().split("\\s+"))
                .map(t -> t.replaceAll("^\\[+|[\\]…,.]+$", "")).filter(t -> !t.isEmpty()).toList();
        boolean inPath = true;
        for (String token : tokens) {
            if (token.startsWith("--")) {
                String flag = token.contains("=") ? token.substring(0, token.indexOf('=')) : token;
                if (!command.getCommandSpec().optionsMap().containsKey(flag)) {
                    problems.add(command.getCommandSpec().qualifiedName() + ": no option " + flag);
                }
                inPath = false;
            } else if (inPath && command.getSubcommands().containsKey(token)) {
                command = command.getSubcommands().get(token);
            } else if (inPath && !command.getSubcommands().isEmpty() && token.matches("[a-z][a-z-]+")) {
                problems.add(command.getCommandSpec().qualifiedName() + ": no command '" + token + "'");
                return;
            } else {
                inPath = false;
            }
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
