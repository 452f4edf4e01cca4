package devmin.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Help a newcomer can read: picocli wraps each description and footer element to the terminal as a paragraph, so an
 * element that stops mid-sentence printed as a line of its own (…within --deadline: the caller's / account matches…).
 * Every element is a whole paragraph: it ends a sentence or a list's lead-in. And one option reads the same
 * everywhere.
 */
class HelpTextTest {

    @Test
    void everyDescriptionAndFooterElementIsAWholeParagraph() {
        List<String> fragments = new ArrayList<>();
        collect(DevminCommand.commandLine(), fragments);
        assertThat(fragments).as("help elements that stop mid-sentence").isEmpty();
    }

    @Test
    void theDeadlineOptionStatesTheRunDefaultTheRunDescriptionStates() {
        CommandLine run = DevminCommand.commandLine().getSubcommands().get("run");
        String deadline = String.join(" ", run.getCommandSpec().findOption("--deadline").description());
        assertThat(String.join(" ", run.getCommandSpec().usageMessage().description())).contains("default 30m");
        assertThat(deadline).contains("run 30m").contains("preflight 30s").contains("budget-posture 60s");
    }

    private static void collect(CommandLine command, List<String> fragments) {
        var usage = command.getCommandSpec().usageMessage();
        List<String> elements = new ArrayList<>(List.of(usage.description()));
        elements.addAll(List.of(usage.footer()));
        for (String element : elements) {
            String text = element.strip();
            if (!text.isEmpty() && !text.matches("(?s).*[.:)!?\"'`]$")) {
                fragments.add(command.getCommandSpec().qualifiedName() + ": \"" + text + "\"");
            }
        }
        command.getSubcommands().values().stream().filter(c -> c != command && !c.getCommandName().equals("help"))
                .forEach(c -> collect(c, fragments));
    }
}
