package devmin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import devmin.engine.StackConfig;
import devmin.engine.StackFiles;
import devmin.evidence.EvidenceDirectory;
import devmin.evidence.Provenance;
import devmin.plan.LayerSummary;
import devmin.plan.Plan;
import devmin.plan.PlanBuilder;
import devmin.plan.PlanJson;
import devmin.plan.PlanMarkdown;
import devmin.plan.StackPreview;
import devmin.plan.cost.CostLine;
import devmin.plan.cost.PriceTable;
import devmin.policy.PolicyConfig;
import devmin.policy.PolicyEngine;
import devmin.policy.PolicySetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import stacks.spec.InvalidSpecException;
import stacks.spec.SpecError;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

/** {@code devmin plan}: the whole environment offline, with its policy report and its cost against the budget. */
@Command(name = "plan",
        header = "The whole environment offline, with its policy report and cost against the budget.",
        mixinStandardHelpOptions = true,
        description = {
                "Show the whole environment offline: the real dev-min program runs under an embedded engine in",
                "preview mode (no cloud account, credentials, network or Pulumi CLI). Prints resources per layer, the",
                "handle registry, the policy report and a cost estimate against the budget; writes",
                "<out>/<environment>/plan/<UTC>/plan_snapshot.json and plan.md. Secure config is never decrypted."},
        footer = {"", "Exit codes: 0 ok; 1 a mandatory policy violation or an estimate above the budget; 2 invalid",
                "config (every problem listed, nothing written); 64 usage."})
public final class PlanCommand implements Callable<Integer> {

    @Option(names = "--stack", defaultValue = "dev-min", description = "Stack name; reads Pulumi.<stack>.yaml (default: ${DEFAULT-VALUE}).")
    String stack;

    @Option(names = "--project-dir", defaultValue = ".", description = "Directory holding Pulumi.yaml (default: current directory).")
    Path projectDir;

    @Option(names = "--out", defaultValue = "runs", paramLabel = "DIR", description = "Evidence root (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--format", defaultValue = "text", description = "What to print: text, json or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--window-hours", defaultValue = "20", description = "Demo-window hours per month for the estimate (default: ${DEFAULT-VALUE}).")
    double windowHours;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = commandSpec.commandLine().getOut();
        PrintWriter stderr = commandSpec.commandLine().getErr();
        if (!java.util.List.of("text", "json", "markdown").contains(format)) {
            throw new picocli.CommandLine.ParameterException(commandSpec.commandLine(), "--format: got '" + format
                    + "', expected text, json or markdown");
        }
        if (windowHours < 0 || windowHours > 744) {
            throw new picocli.CommandLine.ParameterException(commandSpec.commandLine(), "--window-hours: got "
                    + windowHours + ", expected 0 to 744");
        }
        Instant started = Instant.now();
        StackPreview preview;
        PolicyEngine policy;
        try {
            StackConfig config = StackFiles.load(projectDir, stack);
            preview = StackPreview.of(config);
            policy = PolicySetup.engine(projectDir.resolve(PolicyConfig.DEFAULT_WAIVERS), null,
                    LocalDate.now(ZoneOffset.UTC));
        } catch (StackFiles.StackFileException | PolicyConfig.PolicyConfigException e) {
            stderr.println("devmin plan: " + e.getMessage());
            return 2;
        } catch (InvalidSpecException e) {
            stderr.println("devmin plan: the stack config is invalid (" + e.errors().size()
                    + " problem(s)); nothing was declared or written:");
            for (SpecError error : e.errors()) {
                stderr.println("  - " + error.describe());
            }
            return 2;
        }
        Provenance provenance = Provenance.start(projectDir, stack, preview.spec().image().tag(),
                preview.spec().image().digest(), started);
        Plan plan = PlanBuilder.build(preview, policy, PriceTable.bundled(), windowHours, provenance);

        String json = JSON.writeValueAsString(PlanJson.of(plan));
        String markdown = PlanMarkdown.of(plan);
        EvidenceDirectory evidence = EvidenceDirectory.create(out, plan.spec().environment(), "plan", started);
        evidence.write("plan_snapshot.json", json);
        evidence.write("plan.md", markdown);
        switch (format) {
            case "json" -> stdout.println(json);
            case "markdown" -> stdout.print(markdown);
            default -> printText(stdout, plan);
        }
        stdout.flush();
        stderr.println("devmin plan: wrote " + evidence.path().resolve("plan_snapshot.json") + " and plan.md");
        return plan.passes() ? 0 : 1;
    }

    private static void printText(PrintWriter out, Plan plan) {
        out.printf("devmin plan — stack %s, environment %s, %s (account %s)%n%n", plan.spec().stack(),
                plan.spec().environment(), plan.spec().awsRegion(), plan.spec().awsAccountId());
        for (LayerSummary layer : plan.layers()) {
            out.printf("%s: %d resources, %d protected%n", layer.layer(), layer.total(), layer.protectedCount());
            layer.sortedByType().forEach((type, count) -> out.printf("  %4d  %s%n", count, type));
        }
        out.printf("%nhandles (%d):%n", plan.handles().size());
        plan.handles().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> out.printf("  %-32s %s%n", e.getKey(), e.getValue()));
        out.println();
        PolicyCheckCommand.printText(out, plan.policy());
        out.println();
        plan.cost().ifPresentOrElse(c -> {
            out.printf("cost (%s): idle %.2f/month; open window %.4f/hour; at %.0f window-hours %.2f/month; budget %s%n",
                    c.currency(), c.idleMonthly(), c.windowHourly(), c.windowHours(), c.monthlyTotal(),
                    c.budgetLimit().toPlainString());
            for (CostLine l : c.violations()) {
                out.printf("  violation: %s would add %.2f/month%n", l.item(), l.amount());
            }
            out.printf("  alert thresholds reached: %s%n", c.thresholdsCrossed().isEmpty() ? "none"
                    : c.thresholdsCrossed().stream().map(java.math.BigDecimal::toPlainString).toList());
        }, () -> out.println("cost: no estimate (" + plan.costUnavailable() + ")"));
        out.printf("%nplan: %s%n", plan.passes() ? "PASS" : "FAIL");
        plan.blockers().forEach(b -> out.println("  blocker: " + b));
    }
}
