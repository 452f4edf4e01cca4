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

    @Option(names = "--out", defaultValue = "runs", paramLabel = "DIR", description = "Evidence root (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--publish", description = "Publish the verdict to the evidence bucket first (If-None-Match: *, never overwriting); if that fails, the local verdict records it and cannot pass.")
    boolean publish;

    @Option(names = "--parallelism", defaultValue = "8", description = "Checks run at once (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--deadline", paramLabel = "DURATION", description = "Deadline for all checks, e.g. 30s or 2m (preflight 30s, others 120s by default); a check still running then is unverified.")
    String deadline;

    @Option(names = "--region", paramLabel = "REGION", description = "Region to check (repeatable; default: the stack's region).")
    List<String> regions = new ArrayList<>();

    long deadlineMillis(long defaultMillis) {
        if (deadline == null) {
            return defaultMillis;
        }
        String d = deadline.trim();
        if (d.matches("\\d+ms")) {
            return Long.parseLong(d.substring(0, d.length() - 2));
        }
        if (d.matches("\\d+s")) {
            return Long.parseLong(d.substring(0, d.length() - 1)) * 1000;
        }
        if (d.matches("\\d+m")) {
            return Long.parseLong(d.substring(0, d.length() - 1)) * 60_000;
        }
        throw new IllegalArgumentException("--deadline: got '" + deadline + "', expected a duration like 500ms, 30s or 2m");
    }
}
