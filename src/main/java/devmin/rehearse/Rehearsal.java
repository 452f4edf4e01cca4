package devmin.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import devmin.engine.PreviewMocks;
import devmin.engine.StackConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dress rehearsal of one demo window on a {@link ThrowawayProject}: a new stack with throwaway secrets, a preview
 * with the policy pack, {@code up}, the window's status, the policy check on the stack export,
 * {@code destroy --exclude-protected}, and the status again. Every command runs under the real Pulumi CLI and language
 * host against the stub providers, so no cloud is touched. The first step that does not do what a window needs stops
 * the rehearsal with a {@link RehearsalException} naming it.
 */
public final class Rehearsal {

    /** The pack as the README passes it: the executable, which the CLI starts directly. */
    public static final String POLICY_PACK = "policies/devmin-policy-pack";
    static final String POLICY_CONFIG = "policies/policy-config.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHANGE_COUNT = Pattern.compile("^\\s+([+~-]|\\+-)?\\s*(\\d+ (to \\w+|created|updated"
            + "|deleted|replaced|unchanged|changed|to create|to update|to delete))\\s*$");

    private final ThrowawayProject project;
    private final StackConfig config;
    private final Path jar;
    private final Consumer<RehearsalStep> listener;
    private final String policyPack;
    private final List<RehearsalStep> steps = new ArrayList<>();

    /** @param policyPack what the preview passes to {@code --policy-pack}, relative to the project */
    public Rehearsal(ThrowawayProject project, StackConfig config, Path jar, String policyPack,
                     Consumer<RehearsalStep> listener) {
        this.project = project;
        this.policyPack = policyPack;
        this.config = config;
        this.jar = jar;
        this.listener = listener;
    }

    /** Runs every step in order; returns them when the window opened and closed as it should. */
    public List<RehearsalStep> run() throws RehearsalException {
        String stack = config.stack();
        PreviewMocks.pinnedImage(config).ifPresent(image -> project.setEnvironment("DEVMIN_STUB_ECR_IMAGES",
                image.repository() + ":" + image.tags().get(0) + "@" + image.digest()));
        newStack(stack);
        preview(stack);
        up(stack);
        windowStatus("window status (open)", stack, "open");
        policyCheck(stack);
        destroy(stack);
        windowStatus("window status (closed)", stack, "closed");
        return List.copyOf(steps);
    }

    private void newStack(String stack) throws RehearsalException {
        String step = "stack init";
        long started = System.nanoTime();
        required(step, project.pulumi("stack", "init", stack));
        List<String> secrets = secretKeys();
        for (String key : secrets) {
            required(step, project.pulumi("config", "set", "--secret", key, ThrowawayProject.randomText(16)));
        }
        doneSince(step, "new stack '" + stack + "' on a local file backend in " + project.backend() + "; "
                + (secrets.isEmpty() ? "no secrets to set" : "throwaway values for " + String.join(", ", secrets)),
                started);
    }

    /** Every secret the stack declares or sets, and the database's when the stack enables one. */
    private List<String> secretKeys() {
        List<String> keys = new ArrayList<>(config.secretKeys().stream().sorted().toList());
        String database = config.values().getOrDefault(config.project() + ":database", "");
        if (database.matches("(?s).*\"enabled\"\\s*:\\s*true.*")) {
            for (String key : List.of(config.project() + ":dbUser", config.project() + ":dbPassword")) {
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    private void preview(String stack) throws RehearsalException {
        String step = "preview with the policy pack";
        CommandOutcome outcome = required(step, project.pulumi("preview", "--stack", stack, "--policy-pack",
                policyPack, "--policy-pack-config", POLICY_CONFIG));
        doneIn(step, changes(outcome.stdout()) + "; " + policies(outcome.stdout()), outcome.millis());
    }

    private void up(String stack) throws RehearsalException {
        String step = "up";
        CommandOutcome outcome = required(step, project.pulumi("up", "--stack", stack, "--yes", "--skip-preview"));
        doneIn(step, changes(outcome.stdout()), outcome.millis());
    }

    private void destroy(String stack) throws RehearsalException {
        String step = "destroy --exclude-protected";
        CommandOutcome outcome = required(step, project.pulumi("destroy", "--stack", stack, "--exclude-protected",
                "--yes", "--skip-preview"));
        doneIn(step, changes(outcome.stdout()) + " (the protected core and confluent layers stay)", outcome.millis());
    }

    private void windowStatus(String step, String stack, String expected) throws RehearsalException {
        long started = System.nanoTime();
        CommandOutcome history = required(step, project.pulumi("stack", "history", "--stack", stack, "--json",
                "--page-size", "100"));
        Path file = write(step, "history.json", history.stdout());
        CommandOutcome status = required(step, devmin("window", "status", "--stack", stack, "--history",
                file.toString()));
        String window = field(step, status.stdout(), "window");
        if (!window.equals(expected)) {
            throw new RehearsalException(step, "devmin window status says the window is '" + window
                    + "', expected '" + expected + "': " + status.tail(1));
        }
        doneSince(step, "window " + window + ", decision " + field(step, status.stdout(), "decision"), started);
    }

    private void policyCheck(String stack) throws RehearsalException {
        String step = "policy check on the stack export";
        long started = System.nanoTime();
        CommandOutcome export = required(step, project.pulumi("stack", "export", "--stack", stack));
        Path file = write(step, "stack-export.json", export.stdout());
        CommandOutcome check = devmin("policy", "check", "--stack-export", file.toString(), "--waivers",
                "policies/waivers.yaml", "--policy-config", POLICY_CONFIG);
        String verdict = check.stdout().lines().filter(l -> l.startsWith("policy: ")).reduce((a, b) -> b)
                .orElse("no verdict printed");
        if (!check.succeeded()) {
            throw new RehearsalException(step, "devmin policy check exited " + check.exitCode() + ": " + verdict
                    + "\n" + check.stdout().lines().filter(l -> l.startsWith("MANDATORY")).reduce((a, b) -> a + "\n"
                    + b).orElse(check.tail(3)));
        }
        doneSince(step, verdict.substring("policy: ".length()), started);
    }

    private CommandOutcome devmin(String... args) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        return project.run(command);
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Path write(String step, String name, String content) throws RehearsalException {
        try {
            return Files.writeString(project.root().resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RehearsalException(step, "could not write " + name + ": " + e.getMessage());
        }
    }

    private static String field(String step, String json, String name) throws RehearsalException {
        try {
            JsonNode value = JSON.readTree(json).path(name);
            if (value.isMissingNode()) {
                throw new RehearsalException(step, "devmin window status printed no '" + name + "'");
            }
            return value.asText();
        } catch (IOException e) {
            throw new RehearsalException(step, "devmin window status printed no JSON: " + e.getMessage());
        }
    }

    private static CommandOutcome required(String step, CommandOutcome outcome) throws RehearsalException {
        if (!outcome.succeeded()) {
            String command = String.join(" ", outcome.command().subList(0, Math.min(3, outcome.command().size())))
                    .replaceAll("^\\S*/", "");
            throw new RehearsalException(step, "'" + command + " …' exited " + outcome.exitCode() + ":\n"
                    + outcome.tail(8).indent(4).stripTrailing());
        }
        return outcome;
    }

    /** The counts under "Resources:" in Pulumi's summary, e.g. "+ 295 to create". */
    static String changes(String stdout) {
        List<String> counts = new ArrayList<>();
        boolean inResources = false;
        for (String line : stdout.lines().toList()) {
            if (line.startsWith("Resources:")) {
                inResources = true;
                continue;
            }
            if (inResources) {
                Matcher matcher = CHANGE_COUNT.matcher(line);
                if (!matcher.matches()) {
                    break;
                }
                counts.add(line.trim());
            }
        }
        return counts.isEmpty() ? "no resource summary printed" : String.join(", ", counts);
    }

    /** The policy pack's line in Pulumi's "Policies:" summary. */
    static String policies(String stdout) {
        List<String> lines = stdout.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Policies:") && i + 1 < lines.size()) {
                return "policies: " + lines.get(i + 1).trim();
            }
        }
        return "no policy summary printed";
    }

    private void doneSince(String step, String summary, long startedNanos) {
        record(new RehearsalStep(step, summary, (System.nanoTime() - startedNanos) / 1_000_000));
    }

    private void doneIn(String step, String summary, long millis) {
        record(new RehearsalStep(step, summary, millis));
    }

    private void record(RehearsalStep finished) {
        steps.add(finished);
        listener.accept(finished);
    }
}
