package devmin.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options every live check shares. */
public final class LiveOptions {

    @Option(names = "--stack", defaultValue = "dev-min", description = "Stack name; reads Pulumi.<stack>.yaml (default: ${DEFAULT-VALUE}).")
    String stack;

    @Option(names = "--project-dir", defaultValue = "${env:DEVMIN_PROJECT_DIR:-.}", paramLabel = "DIR",
            description = "Directory holding Pulumi.yaml (default: $DEVMIN_PROJECT_DIR, which ./devmin sets to its "
                    + "own directory, else the current directory).")
    Path projectDir;

    @Option(names = "--out", paramLabel = "DIR", description = OutputDirectory.DEFAULT_DESCRIPTION)
    Path out;

    @Option(names = "--publish", description = "Publish the verdict to the evidence bucket first (If-None-Match: *, never overwriting); if that fails, the local verdict records it and cannot pass.")
    boolean publish;

    @Option(names = "--parallelism", defaultValue = "8", description = "Checks run at once (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--deadline", paramLabel = "DURATION", description = "Deadline for the whole command, e.g. 30s or 2m (default: preflight 30s, budget-posture 60s, run 30m,"
            + " others 120s); a check still running then is unverified, and run stops a task still running.")
    String deadline;

    @Option(names = "--region", paramLabel = "REGION", description = "Region to check (repeatable; default: the stack's region).")
    List<String> regions = new ArrayList<>();

    /** {@code --out}, else the project's {@code runs/}: where {@code plan} writes too. */
    Path evidenceRoot() {
        return OutputDirectory.evidenceRoot(out, projectDir);
    }

    long deadlineMillis(long defaultMillis) {
        return deadline == null ? defaultMillis : millis("--deadline", deadline);
    }

    /** A duration option's value in ms ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}). */
    static long millis(String option, String text) {
        String d = text.trim();
        if (d.matches("\\d{1,9}ms")) {
            return Long.parseLong(d.substring(0, d.length() - 2));
        }
        if (d.matches("\\d{1,9}[smh]")) {
            long n = Long.parseLong(d.substring(0, d.length() - 1));
            return n * switch (d.charAt(d.length() - 1)) {
                case 's' -> 1000L;
                case 'm' -> 60_000L;
                default -> 3_600_000L;
            };
        }
        throw new IllegalArgumentException(option + ": got '" + text + "', expected a duration like 500ms, 30s, 2m or 1h");
    }
}
