package devmin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import devmin.engine.StackConfig;
import devmin.engine.StackFiles;
import devmin.evidence.EvidenceDirectory;
import devmin.evidence.EvidencePublisher;
import devmin.evidence.Provenance;
import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import stacks.core.CoreNames;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.InvalidSpecException;
import stacks.spec.SpecParser;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;

/** What every live command does around its checks: load the spec, write and publish the verdict, print a summary. */
final class LiveRun {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LiveRun() {
    }

    /** What every live command reads before it calls AWS: the spec and its deadline. */
    record Inputs(EnvironmentSpec spec, long deadlineMillis) {
    }

    /**
     * The spec and the deadline, or empty after telling the user what is wrong (the command then exits 2).
     *
     * @param command the command's name for the message, e.g. {@code verify-iam}
     */
    static Optional<Inputs> inputs(LiveOptions options, long defaultDeadlineMillis, String command, PrintWriter err) {
        try {
            return Optional.of(new Inputs(spec(options), options.deadlineMillis(defaultDeadlineMillis)));
        } catch (IllegalArgumentException e) {
            err.println("devmin " + command + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** @throws IllegalArgumentException with a readable message when the stack files or config are unusable */
    static EnvironmentSpec spec(LiveOptions options) {
        try {
            StackConfig config = StackFiles.load(options.projectDir, options.stack);
            return SpecParser.parse(ConfigSource.of(config.values(), config.secretKeys()), config.project(),
                    config.stack());
        } catch (StackFiles.StackFileException e) {
            throw new IllegalArgumentException(e.getMessage());
        } catch (InvalidSpecException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    static Provenance provenance(LiveOptions options, EnvironmentSpec spec) {
        return Provenance.start(options.projectDir, options.stack, spec.image().tag(), spec.image().digest());
    }

    /** Writes {@code <name>.json} and {@code <name>.md} locally, and with --publish to the evidence bucket. */
    static int finish(LiveOptions options, EnvironmentSpec spec, AwsClients aws, Verdict verdict, String phase,
                      String name, String title, PrintWriter out, PrintWriter err) throws IOException {
        String json = JSON.writeValueAsString(verdict.toJson());
        String markdown = verdict.toMarkdown(title);
        Instant at = verdict.provenance().startedAt();
        EvidenceDirectory dir = EvidenceDirectory.create(options.out, spec.environment(), phase, at);
        dir.write(name + ".json", json);
        dir.write(name + ".md", markdown);
        out.printf("%s: %s — %d checks, %d API calls%n", title, verdict.overallPass() ? "PASS"
                        : verdict.exitCode() == 1 ? "FAIL" : "UNVERIFIED", verdict.checks().size(),
                verdict.checks().stream().mapToInt(c -> c.apiCalls().size()).sum());
        verdict.blockers().forEach(b -> out.println("  blocker: " + b));
        out.println("evidence: " + dir.path().resolve(name + ".json"));
        int code = verdict.exitCode();
        if (options.publish) {
            String stamp = dir.path().getFileName().toString();
            EvidencePublisher publisher = new EvidencePublisher(aws.s3(spec.awsRegion()), CoreNames.of(spec).bucketName());
            try {
                publisher.publish(EvidencePublisher.key(spec.environment(), spec.stack(), phase, stamp, name + ".json"),
                        json, "application/json");
                publisher.publish(EvidencePublisher.key(spec.environment(), spec.stack(), phase, stamp, name + ".md"),
                        markdown, "text/markdown");
                out.println("published: s3://" + CoreNames.of(spec).bucketName() + "/"
                        + EvidencePublisher.key(spec.environment(), spec.stack(), phase, stamp, name + ".json"));
            } catch (EvidencePublisher.EvidenceExistsException e) {
                err.println("devmin: " + e.getMessage());
                code = Math.max(code, 2);
            } catch (software.amazon.awssdk.core.exception.SdkException e) {
                err.println("devmin: publishing evidence failed: "
                        + devmin.live.aws.AwsFailure.describe(e));
                code = Math.max(code, 2);
            }
        }
        out.flush();
        return code;
    }
}
