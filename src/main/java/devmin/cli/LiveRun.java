package devmin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import devmin.engine.StackConfig;
import devmin.engine.StackFiles;
import devmin.evidence.EvidenceDirectory;
import devmin.evidence.EvidencePublisher;
import devmin.evidence.Provenance;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsFailure;
import devmin.live.aws.AwsSettings;
import software.amazon.awssdk.core.exception.SdkException;
import stacks.core.CoreNames;
import stacks.spec.EnvironmentSpec;
import stacks.spec.InvalidSpecException;
import stacks.spec.Placeholders;
import stacks.spec.SpecParser;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What every live command does around its checks: load the spec, write and publish the verdict, print a summary. */
final class LiveRun {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What {@code --publish} calls: one {@code If-None-Match: *} PutObject per evidence file. */
    static final Set<String> PUBLISH_ACTIONS = Set.of("s3:PutObject");

    private LiveRun() {
    }

    /** A live command's AWS actions (IAM names): those its checks call, and what {@code --publish} calls. */
    static Set<String> awsActions(String... called) {
        Set<String> all = new TreeSet<>(PUBLISH_ACTIONS);
        all.addAll(List.of(called));
        return Collections.unmodifiableSet(all);
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

    /**
     * The example values of the committed stack file still in the stack's config (see {@link Placeholders}); read
     * after {@link #spec}, so the files are known to be readable.
     */
    static List<Placeholders.Placeholder> placeholders(LiveOptions options) {
        try {
            return Placeholders.in(StackFiles.load(options.projectDir, options.stack).source());
        } catch (StackFiles.StackFileException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** @throws IllegalArgumentException with a readable message when the stack files or config are unusable */
    static EnvironmentSpec spec(LiveOptions options) {
        try {
            StackConfig config = StackFiles.load(options.projectDir, options.stack);
            return SpecParser.parse(config.source(), config.project(),
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

    /**
     * The AWS clients of a live command, or empty after telling the user in one line that there are no credentials
     * (the command then exits 2): asked once, before any check, instead of one SDK dump per check.
     */
    static Optional<AwsClients> clients(String command, PrintWriter err) {
        return clients(command, err, new AwsClients(AwsSettings.fromEnvironment(System.getenv())), System.getenv());
    }

    /** {@link #clients(String, PrintWriter)} with the clients and environment given (tests give them). */
    static Optional<AwsClients> clients(String command, PrintWriter err, AwsClients aws, java.util.Map<String, String> env) {
        Optional<String> missing = aws.missingCredentials(env);
        if (missing.isPresent()) {
            aws.close();
            err.println("devmin " + command + ": " + missing.get());
            err.flush();
            return Optional.empty();
        }
        return Optional.of(aws);
    }

    /**
     * Writes {@code <name>.json} and {@code <name>.md} locally, and with --publish first to the evidence bucket. A
     * publication that fails is recorded in the local verdict as an unverified check (so it cannot pass) and the
     * command fails; when it succeeds, the local files are the published ones.
     */
    static int finish(LiveOptions options, EnvironmentSpec spec, AwsClients aws, Verdict verdict, String phase,
                      String name, String title, PrintWriter out, PrintWriter err) throws IOException {
        EvidenceDirectory dir = EvidenceDirectory.create(options.evidenceRoot(), spec.environment(), phase,
                verdict.provenance().startedAt());
        Verdict recorded = options.publish ? publish(spec, aws, verdict, phase, name, title, dir, out, err) : verdict;
        dir.write(name + ".json", json(recorded));
        dir.write(name + ".md", recorded.toMarkdown(title));
        out.printf("%s: %s — %d checks, %d API calls%n", title, recorded.overallPass() ? "PASS"
                        : recorded.exitCode() == 1 ? "FAIL" : "UNVERIFIED", recorded.checks().size(),
                recorded.checks().stream().mapToInt(c -> c.apiCalls().size()).sum());
        recorded.blockers().forEach(b -> out.println("  blocker: " + b));
        recorded.warnings().forEach(w -> out.println("  warning: " + w));
        out.println("evidence: " + dir.path().resolve(name + ".json"));
        out.flush();
        return recorded.exitCode();
    }

    /** The verdict as published, or with an unverified {@code evidence-published} check when publishing failed. */
    private static Verdict publish(EnvironmentSpec spec, AwsClients aws, Verdict verdict, String phase, String name,
                                   String title, EvidenceDirectory dir, PrintWriter out, PrintWriter err)
            throws IOException {
        String bucket = CoreNames.of(spec).bucketName();
        String stamp = dir.path().getFileName().toString();
        String jsonKey = EvidencePublisher.key(spec.environment(), spec.stack(), phase, stamp, name + ".json");
        String markdownKey = EvidencePublisher.key(spec.environment(), spec.stack(), phase, stamp, name + ".md");
        ObjectNode publication = JsonNodeFactory.instance.objectNode();
        ObjectNode where = publication.putObject("publication");
        where.put("published", true);
        where.put("uri", "s3://" + bucket + "/" + jsonKey);
        Verdict published = verdict.with(publication);
        EvidencePublisher publisher = new EvidencePublisher(aws.s3(spec.awsRegion()), bucket);
        String failure;
        try {
            publisher.publish(markdownKey, published.toMarkdown(title), "text/markdown");
            publisher.publish(jsonKey, json(published), "application/json");
            out.println("published: " + where.get("uri").asText());
            return published;
        } catch (EvidencePublisher.NotPublishedException e) {
            failure = e.getMessage();
        } catch (SdkException e) {
            failure = "publishing to s3://" + bucket + "/" + jsonKey + " failed: " + AwsFailure.describe(e);
        }
        err.println("devmin: " + failure);
        where.put("published", false);
        where.put("error", failure);
        return verdict.with(new CheckResult("evidence-published", spec.awsRegion(), CheckStatus.UNVERIFIED,
                "the verdict was not published: " + failure, List.of("s3:PutObject"), List.of()), publication);
    }

    private static String json(Verdict verdict) throws IOException {
        return JSON.writeValueAsString(verdict.toJson());
    }
}
