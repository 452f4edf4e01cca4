package devmin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import devmin.window.HistoryFormatException;
import devmin.window.StackHistory;
import devmin.window.StackList;
import devmin.window.WindowStatus;
import devmin.window.WindowTtl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/** {@code devmin window}: the demo window's state, decided from the stack's history. */
@Command(name = "window", mixinStandardHelpOptions = true,
        header = "The demo window's state, from the stack's history.",
        description = "The demo window's state, from the stack's history.",
        subcommands = {WindowCommand.Status.class})
public final class WindowCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a window command is required (try 'devmin window status')");
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            header = "Is the demo window open, and must the TTL sweep close it?",
            description = {"Decide from 'pulumi stack history --json' whether the stack's demo window is open and "
                    + "whether it has been open for longer than --ttl-hours. The demo layer exists unless the last "
                    + "update or destroy surely removed it (a destroy that succeeded, or an update that succeeded with "
                    + "devmin:demoWindow: closed); refreshes, imports and previews neither open nor hide a window; a "
                    + "failed destroy leaves it open and is retried at once. The TTL counts from the first operation "
                    + "after the last close. With --stacks (the output of 'pulumi stack ls --json'), a stack the "
                    + "backend does not hold has nothing to close. Prints the decision as JSON "
                    + "(devmin.window-status/v1) and a one-line summary on stderr."},
            footer = {"", "Exit codes: 0 decided (see \"decision\": close or none); 2 the history or stack list is "
                    + "not what pulumi prints; 64 usage (e.g. a --ttl-hours that is not a number)."})
    static final class Status implements Callable<Integer> {

        @Option(names = "--stack", defaultValue = "dev-min", description = "Stack name (default: ${DEFAULT-VALUE}).")
        String stack;

        @Option(names = "--history", paramLabel = "FILE|-", description = "The output of 'pulumi stack history"
                + " --json' (use --page-size to cover the window, e.g. 100), or - for standard input.")
        String history;

        @Option(names = "--stacks", paramLabel = "FILE", description = "The output of 'pulumi stack ls --json': a"
                + " stack it does not list has nothing to close (and --history is not read).")
        Path stacks;

        @Option(names = "--ttl-hours", defaultValue = "4", paramLabel = "HOURS",
                description = "How long a window may stay open (default: ${DEFAULT-VALUE}); decimals allowed.")
        String ttlHours;

        @Option(names = "--now", paramLabel = "INSTANT", description = "Decide as of this time (RFC 3339, e.g."
                + " 2026-11-30T18:00:00Z); default: now.")
        String now;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            double ttl = ttl();
            Instant at = instant();
            var err = spec.commandLine().getErr();
            WindowStatus status;
            try {
                if (stacks != null && !StackList.parse(read(stacks.toString()), stacks.toString()).holds(stack)) {
                    status = WindowTtl.noStack(stack, ttl, at);
                } else if (history == null) {
                    throw new ParameterException(spec.commandLine(), "--history: required (the output of 'pulumi"
                            + " stack history --json', or -)");
                } else {
                    status = WindowTtl.decide(stack, StackHistory.parse(read(history), history), ttl, at);
                }
            } catch (HistoryFormatException e) {
                err.println("devmin window status: " + e.getMessage());
                return 2;
            } catch (NoSuchFileException e) {
                err.println("devmin window status: " + e.getFile() + ": file not found");
                return 2;
            }
            spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(status.toJson()));
            err.println("window " + status.window() + ": " + status.decision() + " — " + status.reason());
            return 0;
        }

        private double ttl() {
            String text = ttlHours.trim();
            double value;
            try {
                value = text.matches("\\d+(\\.\\d+)?") ? Double.parseDouble(text) : -1;
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value <= 0) {
                throw new ParameterException(spec.commandLine(), "--ttl-hours: got '" + ttlHours
                        + "', expected a number of hours greater than 0, such as 4 or 0.5");
            }
            return value;
        }

        private Instant instant() {
            if (now == null) {
                return Instant.now();
            }
            try {
                return Instant.parse(now.trim());
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--now: got '" + now
                        + "', expected an RFC 3339 UTC time such as 2026-11-30T18:00:00Z");
            }
        }

        private static String read(String source) throws IOException {
            if (source.equals("-")) {
                return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(source), StandardCharsets.UTF_8);
        }
    }
}
