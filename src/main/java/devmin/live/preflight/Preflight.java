package devmin.live.preflight;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import devmin.evidence.Provenance;
import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.Checks;
import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsFailure;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import devmin.live.aws.SsmParameterNames;
import stacks.core.CoreNames;
import stacks.handles.SsmHandles;
import stacks.spec.EnvironmentSpec;
import stacks.spec.Placeholders;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fast readiness before a window: the caller is in the spec's account, the pinned tag resolves to exactly the pinned
 * digest, every SSM handle exists (names only), Kafka is usable with the runtime credentials, and the evidence bucket
 * is reachable — concurrently, within one deadline.
 */
public final class Preflight {

    public static final String SCHEMA = "devmin.preflight-snapshot/v1";

    private final AwsClients aws;
    private final EnvironmentSpec spec;
    private final String region;
    private final List<Placeholders.Placeholder> placeholders;

    /** A preflight of a spec that holds none of the committed file's example values. */
    public Preflight(AwsClients aws, EnvironmentSpec spec) {
        this(aws, spec, List.of());
    }

    /** @param placeholders the example values still in the stack's config ({@link Placeholders#in}): blockers */
    public Preflight(AwsClients aws, EnvironmentSpec spec, List<Placeholders.Placeholder> placeholders) {
        this.aws = aws;
        this.spec = spec;
        this.region = spec.awsRegion();
        this.placeholders = List.copyOf(placeholders);
    }

    public Verdict run(KafkaUsability kafka, String kafkaProtocol, int parallelism, long deadlineMillis,
                       Provenance provenance) {
        List<Checks.Named> checks = List.of(
                new Checks.Named("placeholders", "config", this::placeholders),
                new Checks.Named("caller-identity", region, this::callerIdentity),
                new Checks.Named("image", region, this::image),
                new Checks.Named("handles", region, this::handles),
                new Checks.Named("evidence-bucket", region, this::bucket),
                new Checks.Named("kafka", "kafka", log -> kafka(kafka, kafkaProtocol, log)));
        List<CheckResult> results = Checks.run(checks, parallelism, deadlineMillis);
        var context = JsonNodeFactory.instance.objectNode();
        context.put("stack", spec.stack());
        context.put("account", spec.awsAccountId());
        context.put("region", region);
        return new Verdict(SCHEMA, results, context, provenance.finished());
    }

    /** The committed file's example values are valid in shape but no real environment's: not ready while left. */
    CheckResult placeholders(CallLog log) {
        return log.result("placeholders", "config", placeholders.stream().map(Placeholders.Placeholder::describe)
                .toList(), "no example value of the committed stack file is left in the config",
                "example values of the committed stack file are still in the config; replace them (see"
                        + " docs/configuration.md)");
    }

    CheckResult callerIdentity(CallLog log) {
        String account = log.call("sts:GetCallerIdentity", () -> aws.sts(region).getCallerIdentity()).account();
        List<String> wrong = account.equals(spec.awsAccountId()) ? List.of()
                : List.of("credentials are for account " + account + ", the stack is " + spec.awsAccountId());
        return log.result("caller-identity", region, wrong, "caller is in account " + account, "wrong account");
    }

    CheckResult image(CallLog log) {
        String repository = CoreNames.of(spec).ecrRepositoryName();
        List<String> problems = new ArrayList<>();
        // ECR API reference, DescribeImages errors: ImageNotFoundException (no such tag) and
        // RepositoryNotFoundException (no such repository) both say what is absent, so both are named blockers.
        var absence = new java.util.concurrent.atomic.AtomicReference<String>("");
        var images = log.find("ecr:DescribeImages", () -> aws.ecr(region).describeImages(b -> b
                .repositoryName(repository).imageIds(ImageIdentifier.builder().imageTag(spec.image().tag()).build())),
                e -> recordAbsence(e, absence, "ImageNotFoundException", "RepositoryNotFoundException"));
        if (absence.get().equals("RepositoryNotFoundException")) {
            return log.result("image", region, List.of("repository " + repository + " does not exist (deploy the core"
                    + " layer first)"), "", "image not as pinned");
        }
        images.ifPresent(found -> found.imageDetails().stream().map(d -> d.imageDigest())
                .filter(d -> !spec.image().digest().equals(d))
                .forEach(d -> problems.add("tag " + spec.image().tag() + " points at " + d + ", the stack pins "
                        + spec.image().digest())));
        if (images.map(found -> found.imageDetails().isEmpty()).orElse(true)) {
            problems.add("tag " + spec.image().tag() + " is not in " + repository);
        }
        return log.result("image", region, problems, "tag " + spec.image().tag() + " resolves to the pinned digest",
                "image not as pinned");
    }

    /** Whether the failure is one of the codes meaning "absent"; remembers which. */
    private static boolean recordAbsence(software.amazon.awssdk.core.exception.SdkException e,
                                         java.util.concurrent.atomic.AtomicReference<String> which, String... codes) {
        for (String code : codes) {
            if (AwsFailure.hasCode(e, code)) {
                which.set(code);
                return true;
            }
        }
        return false;
    }

    CheckResult handles(CallLog log) {
        List<String> names = SsmHandles.allPaths(spec);
        List<String> missing = SsmParameterNames.missing(aws.ssm(region), names, log).stream()
                .map(n -> "missing " + n).toList();
        return log.result("handles", region, missing, "every SSM handle exists", "SSM handles missing");
    }

    CheckResult bucket(CallLog log) {
        String bucket = CoreNames.of(spec).bucketName();
        log.call("s3:HeadBucket", () -> aws.s3(region).headBucket(b -> b.bucket(bucket)));
        return log.pass("evidence-bucket", region, "evidence bucket " + bucket + " is reachable");
    }

    CheckResult kafka(KafkaUsability kafka, String protocol, CallLog log) {
        List<String> paths = SsmHandles.preflightKafkaPaths(spec.environment());
        var parameters = log.call("ssm:GetParameters", () -> aws.ssm(region).getParameters(b -> b.withDecryption(true)
                .names(paths)));
        if (!parameters.invalidParameters().isEmpty()) {
            return log.result("kafka", "kafka", parameters.invalidParameters().stream().map(p -> "missing " + p).toList(),
                    "", "the preflight probe's Kafka credentials missing from SSM");
        }
        Map<String, String> values = new java.util.HashMap<>();
        parameters.parameters().forEach(p -> values.put(p.name(), p.value()));
        var connection = new KafkaUsability.Connection(values.get(paths.get(0)), values.get(paths.get(1)),
                values.get(paths.get(2)), protocol);
        return kafka.check(connection, catalogTopics(spec), spec.confluent().readinessTopic(), log);
    }

    /** Every topic of the catalog: preflight proves each exists and is visible to the probe's principal. */
    public static List<String> catalogTopics(EnvironmentSpec spec) {
        return spec.topics().stream().map(stacks.spec.TopicSpec::name).sorted().toList();
    }

    public static KafkaUsability kafka(Duration timeout) {
        return new KafkaUsability(timeout);
    }
}
