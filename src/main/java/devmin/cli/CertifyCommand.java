package devmin.cli;

import devmin.certify.BucketEvidence;
import devmin.certify.CertifyPhase;
import devmin.certify.Certification;
import devmin.certify.EvidenceSource;
import devmin.certify.LocalEvidence;
import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import stacks.core.CoreNames;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code devmin certify}: one verdict for a window or phase, over every verdict it rests on. */
@Command(name = "certify",
        header = "Certify a window (or a phase) from its phase verdicts, each named by key and sha256.",
        mixinStandardHelpOptions = true,
        description = {"Take the newest verdict of each kind the phase requires, from the local evidence root (--out, else "
                + "<project-dir>/runs, where every command writes) and, with --from-bucket, the evidence bucket: open = "
                + "plan, budget-posture, preflight, verify-iam, readiness; close = snapshot pre-destroy, "
                + "verify-teardown; window = both, plus the newest job run of every job lane (required for each "
                + "--require-run). Each is referenced by its evidence key and the sha256 of its bytes. It is first read "
                + "for what it is: its schema must be its kind's, in the version this certify reads (a preflight "
                + "verdict saved as readiness_snapshot.json is refused), a job run must be of its lane and a "
                + "certificate of its phase, and it must list its checks (the plan: its policy rules), none failed if "
                + "it claims to pass; a file refused is named with the reason. It then counts only if it passed and its "
                + "provenance names this stack and the pinned image digest. A window certificate takes an opening "
                + "verdict it cannot find from the newest passing open certificate that references it (the plan stays "
                + "local to the job that opened the window), and fails when a closing verdict is older than an opening "
                + "one (another window's). Writes <out>/<environment>/certify/<UTC>/certification_<phase>.json and .md."},
        footer = {"",
                "Exit codes: 0 certified; 1 a required verdict is missing, failed, or belongs to another stack, image "
                + "or window (each named); 2 could not verify (a file that is not a verdict of its kind: no or another "
                + "schema or version, another lane or phase, no checks; an S3 error or an answer that is not S3's, "
                + "unusable options, no AWS credentials when the bucket is read or --publish is set, a failed "
                + "--publish); 64 usage."})
public final class CertifyCommand implements Callable<Integer> {

    /** IAM actions: reading the bucket with --from-bucket (ListObjectsV2 is authorized as s3:ListBucket), publish. */
    public static final Set<String> AWS_ACTIONS = Set.of("s3:ListBucket", "s3:GetObject", "s3:PutObject");

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Mixin
    LiveOptions options;

    @Option(names = "--phase", defaultValue = "window", paramLabel = "PHASE", description = "open, close or window (default: ${DEFAULT-VALUE}).")
    String phase;

    @Option(names = "--from-bucket", description = "Also read the verdicts published to the evidence bucket.")
    boolean fromBucket;

    @Option(names = "--require-run", paramLabel = "JOB_LANE", description = "A job lane whose run this window must have (repeatable; window phase).")
    List<String> requiredRuns = new ArrayList<>();

    @Option(names = "--since", paramLabel = "UTC", description = "Ignore verdicts of runs before this instant (2026-11-30T18:00:00Z or 20261130T180000Z).")
    String since;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        var inputs = LiveRun.inputs(options, 120_000, "certify", err);
        if (inputs.isEmpty()) {
            return 2;
        }
        EnvironmentSpec environment = inputs.get().spec();
        Certification.Request request;
        try {
            request = new Certification.Request(phase(), runs(environment), stamp(since));
        } catch (IllegalArgumentException e) {
            err.println("devmin certify: " + e.getMessage());
            return 2;
        }
        Optional<AwsClients> clients = fromBucket || options.publish ? LiveRun.clients("certify", err)
                : Optional.of(new AwsClients(AwsSettings.fromEnvironment(System.getenv())));
        if (clients.isEmpty()) {
            return 2;
        }
        try (AwsClients aws = clients.get()) {
            List<EvidenceSource> sources = new ArrayList<>();
            sources.add(new LocalEvidence(options.evidenceRoot(), environment.environment()));
            if (fromBucket) {
                sources.add(new BucketEvidence(aws.s3(environment.awsRegion()), CoreNames.of(environment).bucketName(),
                        environment.environment(), environment.stack()));
            }
            Verdict verdict = Certification.certify(sources, environment, request, options.parallelism,
                    inputs.get().deadlineMillis(), LiveRun.provenance(options, environment));
            return LiveRun.finish(options, environment, aws, verdict, "certify", "certification_"
                    + request.phase().wireName(), "Certification (" + request.phase().wireName() + ") "
                    + environment.stack(), spec.commandLine().getOut(), err);
        }
    }

    private CertifyPhase phase() {
        try {
            return CertifyPhase.valueOf(phase.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--phase: got '" + phase + "', expected open, close or window");
        }
    }

    private Set<String> runs(EnvironmentSpec environment) {
        List<String> jobs = environment.lanes().stream().filter(l -> !l.isService()).map(LaneSpec::name).toList();
        for (String lane : requiredRuns) {
            if (!jobs.contains(lane)) {
                throw new IllegalArgumentException("--require-run: got '" + lane + "', expected a job lane: "
                        + String.join(", ", jobs));
            }
        }
        return new LinkedHashSet<>(requiredRuns);
    }

    /** {@code --since} as a run stamp (run folders sort by it), empty for no bound. */
    static String stamp(String since) {
        if (since == null || since.isBlank()) {
            return "";
        }
        String s = since.trim();
        if (s.matches("\\d{8}T\\d{6}Z")) {
            return s;
        }
        try {
            return STAMP.format(Instant.parse(s));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since: got '" + since + "', expected a UTC instant like"
                    + " 2026-11-30T18:00:00Z or a run stamp like 20261130T180000Z");
        }
    }
}
