package devmin.cli;

import devmin.engine.StackConfig;
import devmin.engine.StackFiles;
import devmin.graph.StackGraph;
import devmin.plan.LayerSummary;
import devmin.plan.StackPreview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import stacks.spec.InvalidSpecException;
import stacks.spec.SpecError;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code devmin plan}: the whole environment offline, from the committed stack files. */
@Command(name = "plan",
        mixinStandardHelpOptions = true,
        description = {
                "Run the real dev-min program offline (embedded engine, preview mode: no cloud account, no",
                "credentials, no Pulumi CLI) and show what each layer declares."},
        footer = {"", "Exit codes: 0 ok; 2 invalid config (every problem listed, nothing written); 64 usage."})
public final class PlanCommand implements Callable<Integer> {

    @Option(names = "--stack", defaultValue = "dev-min", description = "Stack name; reads Pulumi.<stack>.yaml (default: ${DEFAULT-VALUE}).")
    String stack;

    @Option(names = "--project-dir", defaultValue = ".", description = "Directory holding Pulumi.yaml (default: current directory).")
    Path projectDir;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() {
        PrintWriter out = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        StackConfig config;
        StackPreview preview;
        try {
            config = StackFiles.load(projectDir, stack);
            preview = StackPreview.of(config);
        } catch (StackFiles.StackFileException e) {
            err.println("devmin plan: " + e.getMessage());
            return 2;
        } catch (InvalidSpecException e) {
            err.println("devmin plan: the stack config is invalid (" + e.errors().size() + " problem(s)); nothing was declared or written:");
            for (SpecError error : e.errors()) {
                err.println("  - " + error.describe());
            }
            return 2;
        }
        StackGraph graph = preview.run().graph();
        graph.customResourcesByLayer().forEach((layer, resources) -> {
            LayerSummary summary = LayerSummary.of(layer, resources);
            out.printf("%s: %d resources (%d protected)%n", layer, summary.total(), summary.protectedCount());
            summary.sortedByType().forEach((type, count) -> out.printf("  %3d  %s%n", count, type));
        });
        out.flush();
        return 0;
    }
}
