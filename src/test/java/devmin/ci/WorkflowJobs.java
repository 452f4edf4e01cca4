package devmin.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The jobs of {@code .github/workflows/*.yml} as the role coverage test needs them: the GitHub environment a job runs
 * in, the role it assumes (the repository variable its {@code configure-aws-credentials} step reads), and everything
 * it runs that may call AWS — {@code ./devmin <command>}, {@code pulumi <command>} (in {@code run:} or through
 * {@code pulumi/actions}) and {@code aws <service> <operation>}. Comments in scripts are ignored.
 */
final class WorkflowJobs {

    static final Path WORKFLOWS = Path.of(".github", "workflows");

    /** Something a job runs that may call AWS, e.g. {@code devmin preflight} or {@code pulumi destroy}. */
    record Use(String tool, String command, List<String> flags) {
        @Override
        public String toString() {
            return (tool + " " + command + " " + String.join(" ", flags)).trim();
        }
    }

    record Job(String workflow, String id, Optional<String> environment, Optional<String> roleVariable,
               List<Use> uses) {
        String name() {
            return workflow + "/" + id;
        }
    }

    private static final Pattern DEVMIN = Pattern.compile("(?:^|[\\s;&|(])\\./devmin\\s+([a-z][a-z-]*)"
            + "(?:\\s+([a-z][a-z-]*))?");
    private static final Pattern PULUMI = Pattern.compile("(?:^|[\\s;&|(])pulumi\\s+([a-z]+)(?:\\s+([a-z]+))?([^\\n]*)");
    private static final Pattern AWS = Pattern.compile("(?:^|[\\s;&|($])aws\\s+([a-z0-9-]+)\\s+([a-z0-9-]+)");
    private static final Pattern VARIABLE = Pattern.compile("vars\\.([A-Z0-9_]+)");

    private WorkflowJobs() {
    }

    static List<Job> all() {
        List<Job> jobs = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                JsonNode workflow = yaml.readTree(file.toFile());
                workflow.path("jobs").fields().forEachRemaining(job -> jobs.add(job(file.getFileName().toString(),
                        job.getKey(), job.getValue())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jobs;
    }

    private static Job job(String workflow, String id, JsonNode job) {
        Optional<String> environment = job.path("environment").isTextual()
                ? Optional.of(job.path("environment").asText())
                : Optional.ofNullable(job.path("environment").path("name").textValue());
        Optional<String> role = Optional.empty();
        List<Use> uses = new ArrayList<>();
        for (JsonNode step : job.path("steps")) {
            String action = step.path("uses").asText("");
            if (action.startsWith("aws-actions/configure-aws-credentials@")) {
                Matcher variable = VARIABLE.matcher(step.path("with").path("role-to-assume").asText(""));
                role = variable.find() ? Optional.of(variable.group(1)) : Optional.of("<not a repository variable>");
            }
            if (action.startsWith("pulumi/actions@") && step.path("with").has("command")) {
                JsonNode with = step.path("with");
                List<String> flags = new ArrayList<>();
                if (with.path("exclude-protected").asBoolean(false)) {
                    flags.add("--exclude-protected");
                }
                if (with.path("refresh").asBoolean(false)) {
                    flags.add("--refresh");
                }
                uses.add(new Use("pulumi", with.path("command").asText(), flags));
            }
            if (step.has("run")) {
                uses.addAll(scripted(withoutComments(step.path("run").asText())));
            }
        }
        return new Job(workflow, id, environment, role, uses);
    }

    static List<Use> scripted(String script) {
        List<Use> uses = new ArrayList<>();
        Matcher devmin = DEVMIN.matcher(script);
        while (devmin.find()) {
            String two = devmin.group(2) == null ? devmin.group(1) : devmin.group(1) + " " + devmin.group(2);
            uses.add(new Use("devmin", two, List.of()));
        }
        Matcher pulumi = PULUMI.matcher(script);
        while (pulumi.find()) {
            String command = pulumi.group(1).equals("stack") && pulumi.group(2) != null
                    ? "stack " + pulumi.group(2) : pulumi.group(1);
            List<String> flags = new ArrayList<>();
            for (String flag : List.of("--exclude-protected", "--refresh", "--target")) {
                if (pulumi.group(3).contains(flag)) {
                    flags.add(flag);
                }
            }
            uses.add(new Use("pulumi", command, flags));
        }
        Matcher aws = AWS.matcher(script);
        while (aws.find()) {
            uses.add(new Use("aws", aws.group(1) + " " + aws.group(2), List.of()));
        }
        return uses;
    }

    /** A script without its comments: {@code #} at the start of a word, to the end of the line. */
    static String withoutComments(String script) {
        return script.lines().map(line -> line.replaceAll("(^|\\s)#.*$", "")).reduce("", (a, b) -> a + b + "\n");
    }
}
