package stacks.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static stacks.spec.ConfigKeys.*;

/**
 * Builds the {@link EnvironmentSpec} from raw stack config and validates it as a whole: every problem is collected
 * and reported together in one {@link InvalidSpecException}; on any problem no spec exists, so nothing is declared.
 */
public final class SpecParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> LOG_RETENTION_DAYS_ALLOWED = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180,
            365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private final ConfigSource config;
    private final Problems problems;

    private SpecParser(ConfigSource config) {
        this.config = config;
        this.problems = new Problems(config::isSecret, config::position);
    }

    public static EnvironmentSpec parse(ConfigSource config, String project, String stack) {
        return new SpecParser(config).build(project, stack);
    }

    private EnvironmentSpec build(String project, String stack) {
        rejectUnknownKeys();
        String region = knownRegion(AWS_REGION, requiredScalar(AWS_REGION, Patterns.AWS_REGION,
                Patterns.AWS_REGION_TEXT));
        String accountId = requiredScalar(AWS_ACCOUNT_ID, Patterns.ACCOUNT_ID, Patterns.ACCOUNT_ID_TEXT);
        String environment = scalar(ENVIRONMENT, "dev_min", Patterns.ENVIRONMENT,
                "an environment name of lower-case letters, digits and '_' such as dev_min");
        String owner = requiredScalar(OWNER, Patterns.OWNER, "a team or person name usable as a tag value");
        BudgetSpec budget = budget();
        CiSpec ci = ci();
        ImageSpec image = image();
        DatabaseSpec database = database();
        List<TopicSpec> topics = new TopicCatalogParser(problems).parse(object(TOPICS, true, true));
        List<LaneSpec> lanes = new LaneCatalogParser(problems).parse(object(LANES, true, true));
        ConfluentSpec confluent = confluent();
        int logRetention = (int) integerScalar(LOG_RETENTION_DAYS, 7);
        if (!LOG_RETENTION_DAYS_ALLOWED.contains(logRetention)) {
            problems.invalid(LOG_RETENTION_DAYS, String.valueOf(logRetention),
                    "a CloudWatch Logs retention in days, one of " + new java.util.TreeSet<>(LOG_RETENTION_DAYS_ALLOWED));
        }
        int keepImages = (int) integerScalar(ECR_KEEP_TAGGED_IMAGES, 10);
        if (keepImages < 1 || keepImages > 1000) {
            problems.invalid(ECR_KEEP_TAGGED_IMAGES, String.valueOf(keepImages), "a whole number from 1 to 1000");
        }
        boolean windowOpen = scalar(DEMO_WINDOW, "open", Pattern.compile("open|closed"),
                "open (declare the demo layer) or closed (core and confluent only)").equals("open");
        requireSecret(IG_API_KEY, "the ingress API key, set with 'pulumi config set --secret " + IG_API_KEY + "'");
        if (database.enabled()) {
            requireSecret(DB_USER, "the database user, set with 'pulumi config set --secret " + DB_USER + "'");
            requireSecret(DB_PASSWORD, "the database password, set with 'pulumi config set --secret "
                    + DB_PASSWORD + "'");
        }

        EnvironmentSpec spec = new EnvironmentSpec(project, stack, environment, owner, accountId, region, budget, ci,
                image, lanes, topics, confluent, logRetention, keepImages, database, windowOpen);
        CrossReferenceChecks.check(spec, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems.errors());
        }
        return spec;
    }

    /** A {@code devmin:*} key the program does not read is a typo (other namespaces belong to providers). */
    private void rejectUnknownKeys() {
        config.presentKeys().ifPresent(keys -> keys.stream().sorted()
                .filter(key -> key.startsWith(NAMESPACE + ":") && !ALL.contains(key))
                .forEach(key -> problems.unknown(key, key, ALL, "a key the program reads (see Pulumi.yaml)")));
    }

    /** A region of the right shape that the AWS SDK does not know (us-east-7, eu-wset-2) is a problem too. */
    private String knownRegion(String key, String region) {
        if (!region.isEmpty() && Patterns.AWS_REGION.matcher(region).matches() && !AwsRegions.isKnown(region)) {
            problems.invalid(key, region, AwsRegions.expected(region, "eu-west-2"));
        }
        return region;
    }

    private String requiredScalar(String key, Pattern pattern, String expected) {
        Optional<String> raw = config.get(key);
        if (raw.isEmpty() || raw.get().isBlank()) {
            problems.missing(key, expected);
            return "";
        }
        return checked(key, raw.get(), pattern, expected);
    }

    private String scalar(String key, String fallback, Pattern pattern, String expected) {
        return config.get(key).map(value -> checked(key, value, pattern, expected)).orElse(fallback);
    }

    private String checked(String key, String value, Pattern pattern, String expected) {
        if (!pattern.matcher(value).matches()) {
            problems.invalid(key, value, expected);
            return "";
        }
        return value;
    }

    private long integerScalar(String key, long fallback) {
        Optional<String> raw = config.get(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        if (!raw.get().trim().matches("-?\\d{1,9}")) {
            problems.invalid(key, raw.get(), "a whole number");
            return fallback;
        }
        return Long.parseLong(raw.get().trim());
    }

    private void requireSecret(String key, String expected) {
        Optional<String> value = config.get(key);
        if (value.isEmpty()) {
            problems.missing(key, expected);
        } else if (value.get().isBlank()) {
            problems.invalidSecret(key, "a non-empty secret value");
        }
    }

    /** A structured config value (the language host passes it as JSON text). */
    private JsonNode object(String key, boolean required, boolean isList) {
        String expectedShape = isList ? "a YAML list" : "a YAML object";
        Optional<String> raw = config.get(key);
        if (raw.isEmpty()) {
            if (required) {
                problems.missing(key, expectedShape);
            }
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = JSON.readTree(raw.get());
            if (node == null || (isList ? !node.isArray() : !node.isObject())) {
                problems.invalid(key, raw.get(), expectedShape);
                return MissingNode.getInstance();
            }
            return node;
        } catch (JsonProcessingException e) {
            problems.invalid(key, raw.get(), expectedShape);
            return MissingNode.getInstance();
        }
    }

    private BudgetSpec budget() {
        JsonNode node = object(BUDGET, true, false);
        JsonFields f = new JsonFields(node, BUDGET, problems);
        if (node.isMissingNode()) { // unset or not an object: reported once, not once per field it then lacks
            return new BudgetSpec(BigDecimal.ZERO, "USD", List.of(), List.of());
        }
        f.rejectUnknown(BUDGET_FIELDS);
        Optional<BigDecimal> parsedLimit = f.decimal("monthlyLimit", "a monthly amount > 0");
        BigDecimal limit = parsedLimit.orElse(BigDecimal.ZERO);
        if (parsedLimit.isPresent() && limit.signum() <= 0) {
            problems.invalid(f.key("monthlyLimit"), limit.toPlainString(), "a monthly amount > 0");
        }
        String currency = f.text("currency", "USD", Patterns.CURRENCY, "a 3-letter currency code such as USD");
        List<BigDecimal> thresholds = new ArrayList<>();
        List<JsonNode> rawThresholds = f.list("alertThresholds");
        if (rawThresholds.isEmpty()) {
            problems.missing(f.key("alertThresholds"), "a non-empty list of ascending amounts <= monthlyLimit");
        }
        for (int i = 0; i < rawThresholds.size(); i++) {
            String key = f.key("alertThresholds") + "[" + i + "]";
            Optional<BigDecimal> value = JsonFields.decimalValue(rawThresholds.get(i), key, "an amount > 0", problems);
            if (value.isEmpty()) {
                continue;
            }
            if (value.get().signum() <= 0 || (limit.signum() > 0 && value.get().compareTo(limit) > 0)) {
                problems.invalid(key, value.get().toPlainString(), "an amount > 0 and <= monthlyLimit "
                        + limit.toPlainString());
            } else if (!thresholds.isEmpty() && value.get().compareTo(thresholds.get(thresholds.size() - 1)) <= 0) {
                problems.invalid(key, value.get().toPlainString(), "thresholds in strictly ascending order");
            }
            thresholds.add(value.get());
        }
        List<String> recipients = f.textList("recipients", Patterns.EMAIL, "an e-mail address");
        if (f.list("recipients").isEmpty()) {
            problems.missing(f.key("recipients"), "at least one e-mail address for budget alerts");
        }
        return new BudgetSpec(limit, currency, thresholds, recipients);
    }

    private CiSpec ci() {
        JsonNode node = object(CI, true, false);
        if (node.isMissingNode()) { // unset or not an object: reported once, not once per field it then lacks
            return new CiSpec("", "", 0, 0, "", "refs/heads/main", "refs/heads/main", "",
                    CiSpec.SubjectForm.IMMUTABLE, "");
        }
        JsonFields f = new JsonFields(node, CI, problems);
        f.rejectUnknown(CI_FIELDS);
        String slug = f.requiredText("repository", Patterns.GITHUB_SLUG, Patterns.GITHUB_SLUG_TEXT);
        var matcher = Patterns.GITHUB_SLUG.matcher(slug);
        boolean valid = matcher.matches();
        long ownerId = f.integer("githubOwnerId", 0, 1, Long.MAX_VALUE);
        long repoId = f.integer("githubRepoId", 0, 1, Long.MAX_VALUE);
        String form = f.text("subjectForm", "immutable", Pattern.compile("immutable|name"),
                "immutable (repo:owner@<id>/repo@<id>, GitHub's default since mid-2026) or name (repo:owner/repo)");
        CiSpec.SubjectForm subjectForm = form.equals("name") ? CiSpec.SubjectForm.NAME : CiSpec.SubjectForm.IMMUTABLE;
        checkSubjectIds(f, subjectForm, ownerId, repoId, slug);
        String providerArn = f.text("oidcProviderArn", "", Patterns.GITHUB_OIDC_PROVIDER_ARN,
                "the ARN of the account's existing GitHub OIDC provider, arn:aws:iam::<account>:oidc-provider/"
                        + "token.actions.githubusercontent.com");
        String environment = f.text("deployEnvironment", "", Patterns.GITHUB_ENVIRONMENT,
                "a GitHub environment name such as dev-min");
        String gitRefText = "a fixed git ref such as refs/heads/main (no wildcards)";
        String deployRef = f.text("deployRef", "refs/heads/main", Patterns.GIT_REF, gitRefText);
        String releaseRef = f.text("releaseRef", "refs/heads/main", Patterns.GIT_REF, gitRefText);
        String previewEnvironment = f.text("previewEnvironment", "", Patterns.GITHUB_ENVIRONMENT,
                "a GitHub environment name such as dev-min-preview");
        return new CiSpec(valid ? matcher.group(1) : "", valid ? matcher.group(2) : "", ownerId, repoId,
                environment, deployRef, releaseRef, previewEnvironment, subjectForm, providerArn);
    }

    /** The immutable form needs both ids; the name form takes none (they would say the other form was meant). */
    private void checkSubjectIds(JsonFields f, CiSpec.SubjectForm form, long ownerId, long repoId, String slug) {
        String repository = slug.isEmpty() ? "OWNER/REPO" : slug;
        if (form == CiSpec.SubjectForm.IMMUTABLE) {
            for (String id : List.of("githubOwnerId", "githubRepoId")) {
                if ((id.equals("githubOwnerId") ? ownerId : repoId) == 0) {
                    problems.invalid(f.key(id), "<missing>", "GitHub's numeric id for the immutable subject form"
                            + " (read both with: gh api repos/" + repository + " --jq '.owner.id, .id'), or"
                            + " subjectForm: name for a repository whose tokens still carry name subjects");
                }
            }
        } else if (ownerId != 0 || repoId != 0) {
            problems.invalid(f.key(ownerId != 0 ? "githubOwnerId" : "githubRepoId"), String.valueOf(
                    ownerId != 0 ? ownerId : repoId), "no numeric ids with subjectForm: name (ids are for the"
                    + " immutable form)");
        }
    }

    private ImageSpec image() {
        JsonNode node = object(IMAGE, true, false);
        JsonFields f = new JsonFields(node, IMAGE, problems);
        if (node.isMissingNode()) {
            return new ImageSpec("", "", "");
        }
        f.rejectUnknown(IMAGE_FIELDS);
        return new ImageSpec(
                f.requiredText("repository", Patterns.ECR_REPOSITORY, "an ECR repository name such as fraud-platform"),
                f.requiredText("tag", Patterns.IMAGE_TAG, "an immutable tag git-<40 lower-case hex>"),
                f.requiredText("digest", Patterns.IMAGE_DIGEST, "an image digest sha256:<64 lower-case hex>"));
    }

    private ConfluentSpec confluent() {
        JsonNode node = object(CONFLUENT, true, false);
        JsonFields f = new JsonFields(node, CONFLUENT, problems);
        if (node.isMissingNode()) {
            return new ConfluentSpec("AWS", "", "");
        }
        f.rejectUnknown(CONFLUENT_FIELDS);
        String cloud = f.text("cloud", "AWS", Patterns.CONFLUENT_CLOUD, "AWS, GCP or AZURE");
        String region = f.requiredText("region", Patterns.CLOUD_REGION,
                "the cloud region of the Kafka cluster, e.g. eu-west-2");
        // On AWS, Confluent Cloud names its regions by the AWS region code ("Cloud providers and regions for
        // Confluent Cloud", docs.confluent.io/cloud/current/clusters/regions.html, read 2026-12-06), so the SDK's
        // list is the check; GCP and Azure regions are only checked for shape.
        if (cloud.equals("AWS") && Patterns.CLOUD_REGION.matcher(region).matches() && !AwsRegions.isKnown(region)) {
            problems.invalid(CONFLUENT + ".region", region, AwsRegions.expected(region, "eu-west-2"));
        }
        return new ConfluentSpec(cloud, region,
                f.text("readinessTopic", "", Patterns.KAFKA_TOPIC, Patterns.KAFKA_TOPIC_TEXT));
    }

    private DatabaseSpec database() {
        JsonNode node = object(DATABASE, false, false);
        if (node.isMissingNode()) {
            return new DatabaseSpec(false, "db.t4g.micro", 20);
        }
        JsonFields f = new JsonFields(node, DATABASE, problems);
        f.rejectUnknown(DATABASE_FIELDS);
        return new DatabaseSpec(
                f.bool("enabled", false),
                f.text("instanceClass", "db.t4g.micro", Patterns.RDS_CLASS, "an RDS instance class such as db.t4g.micro"),
                (int) f.integer("allocatedStorageGb", 20, 20, 100));
    }
}
