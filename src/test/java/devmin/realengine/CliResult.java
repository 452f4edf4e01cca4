package devmin.realengine;

import java.util.List;

/** One command run by a test: what it was, how it ended and everything it printed. */
public record CliResult(List<String> command, int exitCode, String stdout, String stderr, long millis) {

    public String output() {
        return stdout + stderr;
    }

    /** For assertion messages: the command and the tail of what it printed. */
    public String describe() {
        String out = output();
        String tail = out.length() > 6000 ? "…" + out.substring(out.length() - 6000) : out;
        return String.join(" ", command) + " → exit " + exitCode + " after " + millis + " ms\n" + tail;
    }
}
