package devmin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import devmin.policy.Finding;
import devmin.policy.PolicyConfig;
import devmin.policy.PolicyEngine;
import devmin.policy.PolicyReport;
import devmin.policy.PolicySetup;
import devmin.policy.ResourceView;
import devmin.policy.input.InputDocuments;
import devmin.policy.input.InputFormatException;
import devmin.policy.input.PreviewReader;
import devmin.policy.input.StackExportReader;
import devmin.policy.report.PolicyReportJson;
import devmin.policy.report.PolicyReportMarkdown;
import devmin.policy.report.SarifReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code devmin policy check}: the rule pack over a stack export or a preview's JSON. */
@Command(name = "check",
        header = "Evaluate the rule pack on a stack export or a preview, with JSON, SARIF and Markdown reports.", mixinStandardHelpOptions = true,
        description = "Evaluate the dev-min rule pack on 'pulumi stack export' or 'pulumi preview --json --show-sames'"
                + " output.",
        footer = {"", "Exit codes: 0 no mandatory finding; 1 mandatory findings (each printed with rule id, URN and "
                + "message); 2 unreadable or unrecognised input, including a partial preview (made without "
                + "--show-sames) and content after the JSON document; 64 usage.",
                "Example: pulumi stack export -s dev-min > export.json, then devmin policy check --stack-export "
                + "export.json."})
public final class PolicyCheckCommand implements Callable<Integer> {

    static final class Input {
        @Option(names = "--stack-export", paramLabel = "FILE", description = "JSON written by 'pulumi stack export'.")
        Path stackExport;
        @Option(names = "--preview", paramLabel = "FILE", description = "JSON written by 'pulumi preview --json --show-sames'"
                + " (a preview without --show-sames lists only changing resources and is refused).")
        Path preview;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--format", defaultValue = "text", description = "What to print: text, json, sarif or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write policy_report.json, .sarif and .md into DIR.")
    Path out;

    @Option(names = "--waivers", paramLabel = "FILE", defaultValue = "policies/waivers.yaml", description = "Waivers file (default: ${DEFAULT-VALUE}; missing means none).")
    Path waivers;

    @Option(names = "--policy-config", paramLabel = "FILE", description = "Pulumi policy-pack config (JSON/YAML): enforcement levels by rule name or id, optional 'waivers'.")
    Path policyConfig;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Judge waiver expiry as of this date (default: today, UTC).")
    LocalDate asOf;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (!List.of("text", "json", "sarif", "markdown").contains(format)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format: got '" + format
                    + "', expected text, json, sarif or markdown");
        }
        List<ResourceView> views;
        PolicyEngine engine;
        long started = System.nanoTime();
        try {
            views = read();
            engine = PolicySetup.engine(waivers, policyConfig, asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC));
        } catch (InputFormatException | PolicyConfig.PolicyConfigException e) {
            stderr.println("devmin policy check: " + e.getMessage());
            return 2;
        }
        long read = System.nanoTime();
        PolicyReport report = engine.evaluate(views);
        long evaluated = System.nanoTime();
        String json = JSON.writeValueAsString(PolicyReportJson.of(report));
        String sarif = JSON.writeValueAsString(SarifReport.of(report, engine));
        String markdown = PolicyReportMarkdown.of(report);
        switch (format) {
            case "json" -> stdout.println(json);
            case "sarif" -> stdout.println(sarif);
            case "markdown" -> stdout.print(markdown);
            default -> printText(stdout, report);
        }
        stderr.printf("devmin policy check: read %d resources in %d ms, evaluated %d rules in %d ms%n", views.size(),
                (read - started) / 1_000_000, engine.pack().rules().size(), (evaluated - read) / 1_000_000);
        stdout.flush();
        if (out != null) {
            Files.createDirectories(out);
            Files.writeString(out.resolve("policy_report.json"), json);
            Files.writeString(out.resolve("policy_report.sarif"), sarif);
            Files.writeString(out.resolve("policy_report.md"), markdown);
        }
        return report.passes() ? 0 : 1;
    }

    private List<ResourceView> read() throws InputFormatException {
        Path file = input.stackExport != null ? input.stackExport : input.preview;
        JsonNode root = InputDocuments.read(file);
        return input.stackExport != null ? StackExportReader.read(root, file.toString())
                : PreviewReader.read(root, file.toString());
    }

    static void printText(PrintWriter out, PolicyReport report) {
        for (Finding f : report.findings()) {
            out.printf("%s %s %s%n    %s%n", f.enforcement().wireName().toUpperCase(java.util.Locale.ROOT), f.ruleId(),
                    f.urn(), f.message());
        }
        long waiverProblems = report.findings().stream()
                .filter(f -> f.ruleId().equals(devmin.policy.PolicyEngine.WAIVER_RULE_ID)).count();
        out.printf("policy: %s — %d resources, %d mandatory, %d advisory, %d waived, %d/%d rules passed%s%n",
                report.passes() ? "PASS" : "FAIL", report.evaluatedResources(), report.mandatory().size(),
                report.findings().size() - report.mandatory().size(), report.waived().size(),
                report.passedRules().size(), devmin.policy.RulePack.devmin().rules().size(),
                waiverProblems == 0 ? "" : "; " + waiverProblems + " problem(s) with the waivers themselves ("
                        + devmin.policy.PolicyEngine.WAIVER_RULE_ID + ")");
    }
}
