package devmin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.engine.StackFiles;
import devmin.evidence.EvidenceDirectory;
import devmin.evidence.Provenance;
import devmin.plan.Plan;
import devmin.plan.PlanBuilder;
import devmin.plan.PlanJson;
import devmin.plan.PlanMarkdown;
import devmin.plan.PlanText;
import devmin.plan.StackPreview;
import devmin.plan.cost.PriceTable;
import devmin.plan.diagram.KindGraph;
import devmin.plan.diagram.MermaidDiagram;
import devmin.plan.diff.PlanDiff;
import devmin.plan.diff.PlanDiffJson;
import devmin.plan.diff.PlanDiffMarkdown;
import devmin.plan.diff.PlanDiffText;
import devmin.plan.diff.PlanDiffer;
import devmin.plan.diff.PlanSnapshot;
import devmin.plan.diff.PlanSnapshotReader;
import devmin.plan.diff.SnapshotFormatException;
import devmin.policy.PolicyConfig;
import devmin.policy.PolicyEngine;
import devmin.policy.PolicySetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import stacks.spec.InvalidSpecException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code devmin plan}: the whole environment offline, with its policy report, its cost, and what changed. */
@Command(name = "plan",
        header = "The whole environment offline: every resource, policy, cost, and the diff against an earlier plan.",
        mixinStandardHelpOptions = true,
        description = {
                "Show the whole environment offline: the real dev-min program runs under an embedded engine in "
                        + "preview mode (no cloud account, credentials, network or Pulumi CLI). Prints resources per "
                        + "layer, the handle registry, the policy report and a cost estimate against the budget; "
                        + "writes <out>/<environment>/plan/<UTC>/plan_snapshot.json (every declared resource with its "
                        + "inputs, secrets masked) and plan.md. Secure config is never decrypted.",
                "",
                "With --against FILE (an earlier plan_snapshot.json, schema v1 or v2) it prints what changed instead: "
                        + "resources added, removed and changed (property paths, old → new; a secret only as "
                        + "changed), protect flags, layer moves, policy findings that appeared or disappeared, and "
                        + "the cost delta; and writes plan_diff.json and plan_diff.md beside the snapshot."},
        footer = {"", "Exit codes: 0 ok; 1 a mandatory policy violation or an estimate above the budget (a diff "
                + "is never a failure); 2 invalid config, an unreadable --against file or an unusable --out "
                + "(nothing written); 64 usage."})
public final class PlanCommand implements Callable<Integer> {

    @Option(names = "--stack", defaultValue = "dev-min", description = "Stack name; reads Pulumi.<stack>.yaml (default: ${DEFAULT-VALUE}).")
    String stack;

    @Option(names = "--project-dir", defaultValue = "${env:DEVMIN_PROJECT_DIR:-.}", paramLabel = "DIR",
            description = "Directory holding Pulumi.yaml (default: $DEVMIN_PROJECT_DIR, which ./devmin sets to its "
                    + "own directory, else the current directory).")
    Path projectDir;

    @Option(names = "--out", paramLabel = "DIR", description = OutputDirectory.DEFAULT_DESCRIPTION)
    Path out;

    @Option(names = "--format", defaultValue = "text", description = "What to print: text, json or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--window-hours", defaultValue = "20", description = "Demo-window hours per month for the estimate (default: ${DEFAULT-VALUE}).")
    double windowHours;

    @Option(names = "--resources", description = "Text output: list every resource (one line each, by layer) with its key properties.")
    boolean resources;

    @Option(names = "--against", paramLabel = "FILE", description = "An earlier plan_snapshot.json to diff this plan against.")
    Path against;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Integer call() throws IOException {
        checkUsage();
        try {
            return plan(commandSpec.commandLine().getOut(), commandSpec.commandLine().getErr());
        } catch (Refused refused) {
            refused.lines.forEach(line -> commandSpec.commandLine().getErr().println(line));
            return 2;
        }
    }

    private int plan(PrintWriter stdout, PrintWriter stderr) throws IOException, Refused {
        Path evidenceRoot = OutputDirectory.evidenceRoot(out, projectDir);
        Instant started = Instant.now();
        Optional<String> unusable = OutputDirectory.problem(evidenceRoot);
        if (unusable.isPresent()) {
            throw new Refused("devmin plan: --out " + evidenceRoot + ": " + unusable.get() + "; nothing was written");
        }
        Inputs inputs = readInputs();
        Provenance provenance = Provenance.start(projectDir, stack, inputs.preview().spec().image().tag(),
                inputs.preview().spec().image().digest(), started);
        Plan plan = PlanBuilder.build(inputs.preview(), inputs.policy(), PriceTable.bundled(), windowHours, provenance);
        ObjectNode snapshot = PlanJson.of(plan);
        Optional<PlanDiff> diff = inputs.base().map(base -> PlanDiffer.diff(base, headSnapshot(snapshot)));
        EvidenceDirectory evidence = evidenceDirectory(evidenceRoot, plan, started);

        String json = JSON.writeValueAsString(snapshot);
        String markdown = PlanMarkdown.of(plan);
        evidence.write("plan_snapshot.json", json);
        evidence.write("plan.md", markdown);
        if (diff.isPresent()) {
            String diffJson = JSON.writeValueAsString(PlanDiffJson.of(diff.get()));
            String diffMarkdown = diffMarkdown(plan, diff.get());
            evidence.write("plan_diff.json", diffJson);
            evidence.write("plan_diff.md", diffMarkdown);
            printDiff(stdout, plan, diff.get(), diffJson, diffMarkdown);
        } else {
            printPlan(stdout, plan, json, markdown);
        }
        stdout.flush();
        stderr.println("devmin plan: wrote " + evidence.path().resolve("plan_snapshot.json") + " and plan.md"
                + (diff.isPresent() ? ", plan_diff.json and plan_diff.md" : ""));
        return plan.passes() ? 0 : 1;
    }

    /** What the plan is made from; the earlier plan is read first, so a wrong --against costs no preview. */
    private record Inputs(Optional<PlanSnapshot> base, StackPreview preview, PolicyEngine policy) {
    }

    private Inputs readInputs() throws Refused {
        try {
            Optional<PlanSnapshot> base = against == null ? Optional.empty()
                    : Optional.of(PlanSnapshotReader.read(against));
            StackPreview preview = StackPreview.of(StackFiles.load(projectDir, stack));
            PolicyEngine policy = PolicySetup.engine(projectDir.resolve(PolicyConfig.DEFAULT_WAIVERS), null,
                    LocalDate.now(ZoneOffset.UTC));
            return new Inputs(base, preview, policy);
        } catch (SnapshotFormatException | StackFiles.StackFileException | PolicyConfig.PolicyConfigException e) {
            throw new Refused("devmin plan: " + e.getMessage() + "; nothing was written");
        } catch (InvalidSpecException e) {
            List<String> lines = new ArrayList<>(List.of("devmin plan: the stack config is invalid ("
                    + e.errors().size() + " problem(s)); nothing was declared or written:"));
            e.errors().stream().map(error -> "  - " + error.describe()).forEach(lines::add);
            throw new Refused(lines);
        }
    }

    private static EvidenceDirectory evidenceDirectory(Path root, Plan plan, Instant started) throws Refused {
        try {
            return EvidenceDirectory.create(root, plan.spec().environment(), "plan", started);
        } catch (IOException e) {
            throw new Refused("devmin plan: --out " + root + ": cannot create the evidence directory: "
                    + OutputDirectory.reason(e) + "; nothing was written");
        }
    }

    /** Bad input the plan cannot go on with: exit 2, these lines on stderr, nothing written. */
    private static final class Refused extends Exception {
        private final List<String> lines;

        Refused(String line) {
            this(List.of(line));
        }

        Refused(List<String> lines) {
            super(String.join("\n", lines), null, false, false);
            this.lines = List.copyOf(lines);
        }
    }

    private void checkUsage() {
        if (!List.of("text", "json", "markdown").contains(format)) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(), "--format: got '" + format
                    + "', expected text, json or markdown");
        }
        if (windowHours < 0 || windowHours > 744) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(), "--window-hours: got "
                    + windowHours + ", expected 0 to 744");
        }
    }

    private void printDiff(PrintWriter stdout, Plan plan, PlanDiff diff, String json, String markdown) {
        switch (format) {
            case "json" -> stdout.println(json);
            case "markdown" -> stdout.print(markdown);
            default -> {
                PlanDiffText.print(stdout, diff);
                PlanText.verdict(stdout, plan);
            }
        }
    }

    private void printPlan(PrintWriter stdout, Plan plan, String json, String markdown) {
        switch (format) {
            case "json" -> stdout.println(json);
            case "markdown" -> stdout.print(markdown);
            default -> PlanText.print(stdout, plan, resources, PolicyCheckCommand::printText);
        }
    }

    /** This plan read back through the same reader as the earlier one, so both sides are compared alike. */
    private static PlanSnapshot headSnapshot(ObjectNode snapshot) {
        try {
            return PlanSnapshotReader.of(snapshot, "this plan");
        } catch (SnapshotFormatException e) {
            throw new IllegalStateException("this plan's own snapshot does not read back: " + e.getMessage(), e);
        }
    }

    private static String diffMarkdown(Plan plan, PlanDiff diff) {
        String diagram = MermaidDiagram.of(KindGraph.of(plan.resources(),
                PlanMarkdown.findingsByUrn(plan.policy().findings()), diff), PlanMarkdown.layerTitles(plan.layers()));
        return PlanDiffMarkdown.of(diff, diagram);
    }
}
