package devmin.cli;

import devmin.engine.StackConfig;
import devmin.engine.StackFiles;
import devmin.rehearse.EngineTools;
import devmin.rehearse.Rehearsal;
import devmin.rehearse.RehearsalException;
import devmin.rehearse.RehearsalStep;
import devmin.rehearse.ThrowawayProject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code devmin rehearse}: one demo window, opened and closed under the real Pulumi CLI, with no cloud. */
@Command(name = "rehearse",
        header = "A dress rehearsal of a demo window under the real Pulumi CLI, offline: no cloud is touched.",
        mixinStandardHelpOptions = true,
        description = {
                "Run a demo window of the stack end to end with the real Pulumi CLI and Java language host, against "
                        + "the stub providers (honest test doubles of pulumi-aws and pulumi-confluentcloud) that "
                        + "tools/pulumi-tools builds offline.",
                "",
                "The project is copied to a temporary directory with its own PULUMI_HOME, a local file backend and a "
                        + "generated passphrase; your ~/.pulumi, backend and stacks are never read or written, and no "
                        + "AWS, Confluent or Pulumi variable of your shell reaches a command. Secrets get throwaway "
                        + "values. The CLI saves that state once per command, not after every step "
                        + "(PULUMI_SKIP_CHECKPOINTS=true): a throwaway backend needs no more, a real window's does.",
                "",
                "Steps: stack init; preview with the policy pack; up; window status (open); the policy check on the "
                        + "stack export; destroy --exclude-protected; window status (closed). Each step is printed "
                        + "with what it did and how long it took. Use it to try a config change end to end before a "
                        + "real window spends money."},
        footer = {"", "Exit codes: 0 the window opened and closed cleanly; 1 a step failed (the step is named, with "
                + "the end of its output); 2 the tools, the jar or the stack file could not be had (nothing ran); "
                + "64 usage."})
public final class RehearseCommand implements Callable<Integer> {

    @Option(names = "--stack", defaultValue = "dev-min", description = "Stack name; reads Pulumi.<stack>.yaml (default: ${DEFAULT-VALUE}).")
    String stack;

    @Option(names = "--project-dir", defaultValue = "${env:DEVMIN_PROJECT_DIR:-.}", paramLabel = "DIR",
            description = "Directory holding Pulumi.yaml (default: $DEVMIN_PROJECT_DIR, which ./devmin sets to its "
                    + "own directory, else the current directory).")
    Path projectDir;

    @Option(names = "--policy-pack", paramLabel = "PATH", defaultValue = Rehearsal.POLICY_PACK,
            description = "What the preview passes to pulumi's --policy-pack, relative to the project: the pack's "
                    + "executable or its directory, policies (default: ${DEFAULT-VALUE}).")
    String policyPack;

    @Option(names = "--keep", description = "Keep the temporary directory (project copy, backend, every command's "
            + "output) and print where it is; by default it is deleted.")
    boolean keep;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path jar = projectDir.resolve("target").resolve("devmin.jar");
        StackConfig config;
        try {
            config = StackFiles.load(projectDir, stack);
        } catch (StackFiles.StackFileException e) {
            err.println("devmin rehearse: " + e.getMessage() + "; nothing ran");
            return 2;
        }
        if (!Files.isRegularFile(jar)) {
            err.println("devmin rehearse: " + jar + ": file not found; build it with ./devmin (which builds when the"
                    + " jar is missing) or mvn -B -DskipTests package; nothing ran");
            return 2;
        }
        long started = System.nanoTime();
        out.println("devmin rehearse: stack " + stack + ", offline: real Pulumi CLI, stub providers, throwaway"
                + " backend");
        out.flush();
        EngineTools tools;
        try {
            tools = EngineTools.build(projectDir);
        } catch (RehearsalException e) {
            err.println("devmin rehearse: " + e.getMessage() + "; nothing ran");
            return 2;
        }
        print(out, new RehearsalStep("tools", "pulumi and pulumi-language-java in " + tools.engineBin()
                + ", stub providers in " + tools.stubsBin(), (System.nanoTime() - started) / 1_000_000));
        ThrowawayProject project;
        try {
            project = ThrowawayProject.copyOf(projectDir, stack, jar, tools);
        } catch (IOException e) {
            err.println("devmin rehearse: could not copy the project to a temporary directory: " + e.getMessage()
                    + "; nothing ran");
            return 2;
        }
        try {
            List<RehearsalStep> steps = new Rehearsal(project, config, jar.toAbsolutePath(), policyPack,
                    step -> print(out, step))
                    .run();
            out.printf(Locale.ROOT, "rehearse: PASS — %d steps in %s. No cloud was touched: every resource was"
                    + " created and deleted by the stub providers, on a local backend%s.%n", steps.size() + 1,
                    seconds((System.nanoTime() - started) / 1_000_000), keep ? " kept in " + project.root()
                    : " that is now deleted");
            return 0;
        } catch (RehearsalException e) {
            out.flush();
            err.println("devmin rehearse: " + e.getMessage());
            err.println("rehearse: FAIL. No cloud was touched (stub providers, local backend"
                    + (keep ? " kept in " + project.root() : "; rerun with --keep to inspect it") + ").");
            return 1;
        } finally {
            if (!keep) {
                project.close();
            }
        }
    }

    private static void print(PrintWriter out, RehearsalStep step) {
        out.printf(Locale.ROOT, "  %-34s %7s  %s%n", step.name(), seconds(step.millis()), step.summary());
        out.flush();
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
