package devmin.rehearse;

import java.util.List;

/** What one command of a rehearsal printed and how it ended. */
public record CommandOutcome(List<String> command, int exitCode, String stdout, String stderr, long millis) {

    public CommandOutcome {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** The last lines of stderr (else stdout): what a failure message quotes. */
    public String tail(int lines) {
        String text = stderr.isBlank() ? stdout : stderr;
        List<String> all = text.lines().filter(l -> !l.isBlank()).toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
