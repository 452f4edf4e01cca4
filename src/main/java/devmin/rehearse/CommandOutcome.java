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

    /**
     * What a failure message quotes, at most {@code lines} lines: Pulumi's "Diagnostics:" section (the program's and
     * the engine's errors) and stderr, without the notes that a plugin was found on PATH; else the end of stdout.
     */
    public String tail(int lines) {
        List<String> said = new java.util.ArrayList<>(diagnostics());
        stderr.lines().filter(CommandOutcome::meaningful).map(String::strip).forEach(said::add);
        if (said.isEmpty()) {
            List<String> all = stdout.lines().filter(CommandOutcome::meaningful).toList();
            said.addAll(all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        return String.join("\n", said.subList(0, Math.min(lines, said.size())));
    }

    private List<String> diagnostics() {
        List<String> section = new java.util.ArrayList<>();
        boolean in = false;
        for (String line : stdout.lines().toList()) {
            if (line.startsWith("Diagnostics:")) {
                in = true;
            } else if (in && !line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                break;
            } else if (in && meaningful(line)) {
                section.add(line.strip());
            }
        }
        return section;
    }

    /** Not blank, and not the CLI's note that a plugin was found on PATH (printed for every plugin, every run). */
    private static boolean meaningful(String line) {
        return !line.isBlank() && !line.matches(".*warning: using pulumi-[a-z-]+ from \\$PATH at .*")
                && !line.matches("\\s*pulumi:pulumi:Stack \\([^)]*\\):");
    }
}
