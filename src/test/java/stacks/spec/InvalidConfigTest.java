package stacks.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import devmin.engine.EngineRun;
import devmin.cli.CliRun;
import devmin.engine.StackConfig;
import devmin.engine.StackFiles;
import devmin.graph.DeclaredResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static devmin.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every invalid config is rejected as a whole: the error names the key, the value and what is expected (for a typo,
 * what was probably meant), and the program declares nothing.
 */
class InvalidConfigTest {

    private static Arguments invalid(String what, UnaryOperator<StackConfig> bend, String expectedKey,
                                     String expectedMessage) {
        return Arguments.of(what, bend, expectedKey, expectedMessage);
    }

    private static ObjectNode s3Grant(String access, String prefix) {
        return new ObjectMapper().createObjectNode().put("access", access).put("prefix", prefix);
    }

    static Stream<Arguments> invalidConfigs() {
        int ig = laneIndex(committedConfig(), "ig");
        int reporter = laneIndex(committedConfig(), "reporter");
        String igKey = "devmin:lanes[ig]";
        String reporterKey = "devmin:lanes[reporter]";
        return Stream.of(
                invalid("missing region", c -> c.without("aws:region"), "aws:region",
                        "aws:region: got <missing>, expected an AWS region such as eu-west-2"),
                invalid("malformed region", c -> c.with("aws:region", "London"), "aws:region",
                        "aws:region: got 'London', expected an AWS region"),
                // us-east-7 has the shape of a region but no AWS region has that name (the SDK's metadata,
                // software.amazon.awssdk:regions 2.41.11); us-east-1 and us-east-2 are one edit away, the first wins.
                invalid("a region the AWS SDK does not know", c -> c.with("aws:region", "us-east-7"), "aws:region",
                        "aws:region: got 'us-east-7', expected a region the AWS SDK knows; did you mean us-east-1?"),
                invalid("a Confluent region on AWS with a typo", c -> editObject(c, "devmin:confluent",
                                x -> x.put("region", "eu-wset-2")), "devmin:confluent.region",
                        "devmin:confluent.region: got 'eu-wset-2', expected a region the AWS SDK knows; did you mean"
                                + " eu-west-2?"),
                invalid("account id of 11 digits", c -> c.with("devmin:awsAccountId", "12345678901"), "devmin:awsAccountId",
                        "got '12345678901', expected a 12-digit AWS account id"),
                invalid("missing owner", c -> c.without("devmin:owner"), "devmin:owner", "devmin:owner: got <missing>"),
                invalid("environment with upper case", c -> c.with("devmin:environment", "Dev-Min"), "devmin:environment",
                        "got 'Dev-Min', expected an environment name of lower-case letters"),
                invalid("budget not an object", c -> c.with("devmin:budget", "thirty"), "devmin:budget",
                        "devmin:budget: got 'thirty', expected a YAML object"),
                invalid("budget limit zero", c -> editObject(c, "devmin:budget", b -> b.put("monthlyLimit", 0)),
                        "devmin:budget.monthlyLimit", "got '0', expected a monthly amount > 0"),
                invalid("budget limit not a number", c -> editObject(c, "devmin:budget", b -> b.put("monthlyLimit", "thirty")),
                        "devmin:budget.monthlyLimit", "devmin:budget.monthlyLimit: got 'thirty', expected a monthly amount > 0"),
                invalid("thresholds descending", c -> editObject(c, "devmin:budget", b -> b.set("alertThresholds", array("20", "10"))),
                        "devmin:budget.alertThresholds[1]", "got '10', expected thresholds in strictly ascending order"),
                invalid("threshold above the limit", c -> editObject(c, "devmin:budget", b -> b.set("alertThresholds", array("10", "45"))),
                        "devmin:budget.alertThresholds[1]", "got '45', expected an amount > 0 and <= monthlyLimit 30"),
                invalid("recipient not an e-mail", c -> editObject(c, "devmin:budget", b -> b.set("recipients", array("ops-team"))),
                        "devmin:budget.recipients[0]", "got 'ops-team', expected an e-mail address"),
                invalid("misspelt budget field", c -> editObject(c, "devmin:budget", b -> b.set("monthlyLimt", b.remove("monthlyLimit"))),
                        "devmin:budget.monthlyLimt", "got <unknown key>, expected a field of devmin:budget; did you mean monthlyLimit?"),
                invalid("immutable subjects without the owner id", c -> editObject(c, "devmin:ci",
                                ci -> ci.remove("githubOwnerId")), "devmin:ci.githubOwnerId",
                        "gh api repos/example-org/fraud-platform --jq '.owner.id, .id'"),
                invalid("name subjects with ids", c -> editObject(c, "devmin:ci", ci -> ci.put("subjectForm", "name")),
                        "devmin:ci.githubOwnerId", "no numeric ids with subjectForm: name"),
                invalid("an unknown subject form", c -> editObject(c, "devmin:ci", ci -> ci.put("subjectForm", "id")),
                        "devmin:ci.subjectForm", "got 'id', expected immutable"),
                invalid("an OIDC provider of another account", c -> editObject(c, "devmin:ci", ci -> ci.put(
                                "oidcProviderArn", "arn:aws:iam::999999999999:oidc-provider/token.actions.githubusercontent.com")),
                        "devmin:ci.oidcProviderArn", "a provider in the stack's account 123456789012"),
                invalid("an OIDC provider for another issuer", c -> editObject(c, "devmin:ci", ci -> ci.put(
                                "oidcProviderArn", "arn:aws:iam::123456789012:oidc-provider/gitlab.com")),
                        "devmin:ci.oidcProviderArn", "expected the ARN of the account's existing GitHub OIDC provider"),
                invalid("repository without owner", c -> editObject(c, "devmin:ci", ci -> ci.put("repository", "fraud-platform")),
                        "devmin:ci.repository", "got 'fraud-platform', expected a fixed GitHub owner/repo"),
                invalid("wildcard owner", c -> editObject(c, "devmin:ci", ci -> ci.put("repository", "*/fraud-platform")),
                        "devmin:ci.repository", "(no wildcards)"),
                invalid("wildcard deploy ref", c -> editObject(c, "devmin:ci", ci -> ci.put("deployRef", "refs/heads/*")),
                        "devmin:ci.deployRef", "got 'refs/heads/*', expected a fixed git ref such as refs/heads/main (no wildcards)"),
                invalid("misspelt ci field", c -> editObject(c, "devmin:ci", ci -> ci.put("githubRepoID", 42)),
                        "devmin:ci.githubRepoID", "expected a field of devmin:ci; did you mean githubRepoId?"),
                invalid("mutable image tag", c -> editObject(c, "devmin:image", i -> i.put("tag", "latest")),
                        "devmin:image.tag", "got 'latest', expected an immutable tag git-<40 lower-case hex>"),
                invalid("short digest", c -> editObject(c, "devmin:image", i -> i.put("digest", "sha256:abc")),
                        "devmin:image.digest", "got 'sha256:abc', expected an image digest sha256:<64 lower-case hex>"),
                invalid("misspelt image field", c -> editObject(c, "devmin:image", i -> i.put("digets", "sha256:abc")),
                        "devmin:image.digets", "did you mean digest?"),
                invalid("cpu Fargate does not offer", c -> editLane(c, 0, l -> l.put("cpu", 300)), "devmin:lanes[seed-pack].cpu",
                        "got '300', expected Fargate cpu units, one of [256, 512, 1024, 2048, 4096, 8192, 16384]"),
                invalid("memory outside the cpu's band", c -> editLane(c, 0, l -> l.put("cpu", 512).put("memory", 8192)),
                        "devmin:lanes[seed-pack].memory", "got '8192', expected memory from 1024 to 4096 MiB in steps of 1024 for cpu 512"),
                invalid("negative desired count", c -> editLane(c, ig, l -> l.put("desiredCount", -1)), igKey + ".desiredCount",
                        "got '-1', expected a whole number from 0 to 10"),
                invalid("job with a desired count", c -> editLane(c, reporter, l -> l.put("desiredCount", 1)), reporterKey + ".desiredCount",
                        "expected no desiredCount on a job"),
                invalid("duplicate lane name", c -> editLane(c, 1, l -> l.put("name", "seed-pack")), "devmin:lanes[1].name",
                        "got 'seed-pack', expected a lane name not already used"),
                invalid("lane name unusable in resource names", c -> editLane(c, 0, l -> l.put("name", "Seed_Pack")), "devmin:lanes[0].name",
                        "got 'Seed_Pack', expected a lane name of 1-23 characters"),
                invalid("unknown lane kind", c -> editLane(c, 0, l -> l.put("kind", "daemon")), "devmin:lanes[seed-pack].kind",
                        "got 'daemon', expected service or job"),
                invalid("lane without command", c -> editLane(c, 0, l -> l.remove("command")), "devmin:lanes[seed-pack].command",
                        "got <missing>, expected the lane's entrypoint command"),
                invalid("lane produces an unknown topic", c -> editLane(c, ig, l -> l.set("produces", array("nope.v1"))), igKey + ".produces[0]",
                        "got 'nope.v1', expected a topic name from devmin:topics"),
                invalid("lane consumes an unknown topic", c -> editLane(c, ig, l -> l.set("consumes", array("nope.v1"))), igKey + ".consumes[0]",
                        "got 'nope.v1', expected a topic name from devmin:topics"),
                invalid("lane reads an undefined handle", c -> editLane(c, ig, l -> l.set("reads", array("SSM_DB_PASSWORD_PATH"))), igKey + ".reads[0]",
                        "(database handles exist only when devmin:database.enabled is true)"),
                invalid("a Kafka lane without its credentials", c -> editLane(c, ig, l -> l.set("reads",
                                array("SSM_CONFLUENT_BOOTSTRAP_PATH", "SSM_IG_API_KEY_PATH"))), igKey + ".reads",
                        "expected the Kafka handles of a lane that produces or consumes: add SSM_CONFLUENT_API_KEY_PATH,"
                                + " SSM_CONFLUENT_API_SECRET_PATH"),
                invalid("Kafka credentials on a lane without topics", c -> editLane(c, reporter, l -> l.set("reads",
                                array("SSM_CONFLUENT_BOOTSTRAP_PATH", "SSM_CONFLUENT_API_KEY_PATH",
                                        "SSM_CONFLUENT_API_SECRET_PATH"))), reporterKey + ".reads",
                        "expected Kafka handles only on a lane that produces or consumes a topic"),
                invalid("a lane calling a job", c -> editLane(c, ig, l -> l.set("calls", array("reporter"))),
                        igKey + ".calls[0]", "got 'reporter', expected another service lane with an ingressPort, one of [cm]"),
                invalid("a lane calling itself", c -> editLane(c, ig, l -> l.set("calls", array("ig"))),
                        igKey + ".calls[0]", "expected another service lane with an ingressPort"),
                invalid("misspelt lane field", c -> editLane(c, ig, l -> l.set("ingresPort", IntNode.valueOf(8080))), igKey + ".ingresPort",
                        "got <unknown key>, expected a field of " + igKey + "; did you mean ingressPort?"),
                invalid("misspelt S3 grant field", c -> editLane(c, reporter, l -> l.set("s3Access", new ObjectMapper().createArrayNode()
                                .add(new ObjectMapper().createObjectNode().put("acess", "read").put("prefix", "archive/")))),
                        reporterKey + ".s3Access[0].acess", "did you mean access?"),
                invalid("S3 grant with a wildcard", c -> editLane(c, reporter, l -> l.set("s3Access",
                                new ObjectMapper().createArrayNode().add(s3Grant("write", "*")))), reporterKey + ".s3Access[0].prefix",
                        "got '*', expected an S3 key prefix ending in '/'"),
                invalid("invalid Kafka topic name", c -> editTopic(c, 0, t -> t.put("name", "bad topic!")), "devmin:topics[0].name",
                        "got 'bad topic!', expected a Kafka topic name"),
                invalid("duplicate topic", c -> editTopic(c, 1, t -> t.put("name", "control.run-commands.v1")), "devmin:topics[1].name",
                        "expected a topic name not already in the catalog"),
                invalid("zero partitions", c -> editTopic(c, 0, t -> t.put("partitions", 0)), "devmin:topics[control.run-commands.v1].partitions",
                        "got '0', expected a whole number from 1 to 4096"),
                invalid("retention below -1", c -> editTopic(c, 0, t -> t.put("retentionMs", -2)), "devmin:topics[control.run-commands.v1].retentionMs",
                        "got '-2', expected a whole number >= -1"),
                invalid("unknown cleanup policy", c -> editTopic(c, 0, t -> t.set("cleanupPolicy", TextNode.valueOf("forever"))),
                        "devmin:topics[control.run-commands.v1].cleanupPolicy", "got 'forever', expected delete, compact or compact,delete"),
                invalid("misspelt topic field", c -> editTopic(c, 0, t -> t.put("partitons", 3)), "devmin:topics[control.run-commands.v1].partitons",
                        "did you mean partitions?"),
                invalid("log retention CloudWatch rejects", c -> c.with("devmin:logRetentionDays", "10"), "devmin:logRetentionDays",
                        "got '10', expected a CloudWatch Logs retention in days, one of [1, 3, 5, 7, 14, 30,"),
                invalid("readiness topic not in the catalog", c -> editObject(c, "devmin:confluent", x -> x.put("readinessTopic", "nope.v1")),
                        "devmin:confluent.readinessTopic", "got 'nope.v1', expected a topic name from devmin:topics"),
                invalid("misspelt confluent field", c -> editObject(c, "devmin:confluent", x -> x.put("regoin", "eu-west-2")),
                        "devmin:confluent.regoin", "did you mean region?"),
                invalid("misspelt database field", c -> c.with("devmin:database", "{\"enabled\":false,\"instanceClas\":\"db.t4g.small\"}"),
                        "devmin:database.instanceClas", "did you mean instanceClass?"),
                invalid("missing ingress API key secret", c -> c.without("devmin:igApiKey"), "devmin:igApiKey",
                        "got <missing>, expected the ingress API key, set with 'pulumi config set --secret devmin:igApiKey'"),
                invalid("database on without its secrets", c -> c.with("devmin:database", "{\"enabled\":true}"), "devmin:dbPassword",
                        "devmin:dbPassword: got <missing>, expected the database password"),
                invalid("lanes not a list", c -> c.with("devmin:lanes", "{}"), "devmin:lanes", "got '{}', expected a YAML list"),
                invalid("no lanes", c -> c.with("devmin:lanes", "[]"), "devmin:lanes", "got '[]', expected at least one lane"),
                invalid("no topics", c -> c.with("devmin:topics", "[]"), "devmin:topics", "got '[]', expected at least one topic"),
                invalid("a topic named '.'", c -> editTopic(c, 0, t -> t.put("name", ".")), "devmin:topics[0].name",
                        "got '.', expected a Kafka topic name: 1-249 of [a-zA-Z0-9._-], not '.' or '..'"),
                invalid("more partitions than a Basic cluster holds", c -> editTopic(c, 0, t -> t.put("partitions", 4096)),
                        "devmin:topics", "partitions in total', expected at most 4096 partitions, the limit of a Basic cluster"),
                invalid("ECR keeping no image", c -> c.with("devmin:ecrKeepTaggedImages", "0"), "devmin:ecrKeepTaggedImages",
                        "got '0', expected a whole number from 1 to 1000"),
                invalid("ECR keeping 1001 images", c -> c.with("devmin:ecrKeepTaggedImages", "1001"),
                        "devmin:ecrKeepTaggedImages", "got '1001', expected a whole number from 1 to 1000"),
                invalid("log retention in words", c -> c.with("devmin:logRetentionDays", "a week"), "devmin:logRetentionDays",
                        "got 'a week', expected a whole number"),
                invalid("GitHub owner id without the repository id", c -> editObject(c, "devmin:ci", ci -> ci.remove("githubRepoId")),
                        "devmin:ci.githubRepoId", "expected GitHub's numeric id for the immutable subject form"),
                invalid("no alert thresholds", c -> editObject(c, "devmin:budget", b -> b.set("alertThresholds", array())),
                        "devmin:budget.alertThresholds", "got <missing>, expected a non-empty list of ascending amounts"),
                invalid("no budget recipients", c -> editObject(c, "devmin:budget", b -> b.set("recipients", array())),
                        "devmin:budget.recipients", "got <missing>, expected at least one e-mail address"),
                invalid("two equal thresholds", c -> editObject(c, "devmin:budget", b -> b.set("alertThresholds", array("10", "10"))),
                        "devmin:budget.alertThresholds[1]", "got '10', expected thresholds in strictly ascending order"),
                invalid("spot neither true nor false", c -> editLane(c, ig, l -> l.put("spot", "maybe")), igKey + ".spot",
                        "got 'maybe', expected true or false"),
                invalid("cpu in words", c -> editLane(c, ig, l -> l.put("cpu", "lots")), igKey + ".cpu",
                        "got 'lots', expected a whole number >= 0"),
                invalid("S3 grant that deletes", c -> editLane(c, reporter, l -> l.set("s3Access",
                                new ObjectMapper().createArrayNode().add(s3Grant("delete", "archive/")))), reporterKey + ".s3Access[0].access",
                        "got 'delete', expected read or write"),
                invalid("database on without its user", c -> c.with("devmin:database", "{\"enabled\":true}")
                        .with("devmin:dbPassword", "p"), "devmin:dbUser", "devmin:dbUser: got <missing>, expected the database user"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConfigs")
    void rejectsTheConfigNamingTheKeyAndWhatIsExpectedAndDeclaresNothing(String what, UnaryOperator<StackConfig> bend,
                                                                        String key, String message) {
        StackConfig config = bend.apply(committedConfig());

        InvalidSpecException error = catchThrowableOfType(InvalidSpecException.class,
                () -> SpecParser.parse(ConfigSource.of(config.values()), "devmin", "dev-min"));
        assertThat(error).as("spec error for " + what).isNotNull();
        assertThat(error.errors()).extracting(SpecError::key).contains(key);
        assertThat(error.errors()).filteredOn(e -> e.key().equals(key)).extracting(SpecError::describe)
                .anySatisfy(described -> assertThat(described).contains(message));

        EngineRun run = preview(config);
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errors()).anySatisfy(logged -> assertThat(logged).contains(key));
        assertThat(declaredBeyondTheStack(run)).isEmpty();
    }

    static Stream<Arguments> unknownTopLevelKeys() {
        return Stream.of(
                Arguments.of("misspelt optional key", "  devmin:logRetentionDay: 7\n", "devmin:logRetentionDay",
                        "devmin:logRetentionDay: got <unknown key>, expected a key the program reads (see Pulumi.yaml);"
                                + " did you mean devmin:logRetentionDays?"),
                Arguments.of("misspelt required key", null, "devmin:budgte", "did you mean devmin:budget?"),
                Arguments.of("a key nothing reads", "  devmin:colour: blue\n", "devmin:colour",
                        "expected a key the program reads (see Pulumi.yaml), one of [aws:region, devmin:awsAccountId,"));
    }

    /** The stack file itself, as a user edits it: only a source that lists its keys can reject an unknown one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownTopLevelKeys")
    void anUnknownDevminKeyIsAnErrorWithWhatWasMeant(String what, String appended, String key, String message,
                                                     @TempDir Path dir) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        String stack = Files.readString(Path.of("Pulumi.dev-min.yaml"));
        Files.writeString(dir.resolve("Pulumi.dev-min.yaml"), appended == null
                ? stack.replace("  devmin:budget:", "  devmin:budgte:") : stack + appended);
        StackConfig config = StackFiles.load(dir, "dev-min");

        InvalidSpecException error = catchThrowableOfType(InvalidSpecException.class,
                () -> SpecParser.parse(ConfigSource.of(config.values(), config.secretKeys()), "devmin", "dev-min"));
        assertThat(error).as(what).isNotNull();
        assertThat(error.errors()).filteredOn(e -> e.key().equals(key)).extracting(SpecError::describe)
                .singleElement().satisfies(described -> assertThat(described).contains(message));

        Path out = dir.resolve("runs");
        CliRun plan = CliRun.of("plan", "--project-dir", dir.toString(), "--out", out.toString());
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.stderr()).contains(key).contains(message);
        assertThat(out).doesNotExist();
    }

    private static Path projectWithStackFile(Path dir, java.util.function.UnaryOperator<String> edit) throws Exception {
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.dev-min.yaml"), edit.apply(Files.readString(Path.of("Pulumi.dev-min.yaml"))));
        return dir;
    }

    /** Where in the file the mistake is, as line:column (counted from 1), whatever the text of the mistake. */
    private static String lineAndColumnOf(Path file, String text, int offsetInText) throws Exception {
        String content = Files.readString(file);
        int at = content.indexOf(text) + offsetInText;
        int line = (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        int column = at - content.lastIndexOf('\n', at - 1);
        return line + ":" + column;
    }

    static Stream<Arguments> yamlErrors() {
        return Stream.of(
                // "  devmin:owner" indented one more than its siblings: the parser trips over its ':'
                Arguments.of("broken indent", (UnaryOperator<String>) s -> s.replace("  devmin:owner:", "   devmin:owner:"),
                        "   devmin:owner:", "   devmin:owner".length(), "mapping values are not allowed here"),
                // an unclosed flow list runs into the next key, whose ':' the parser cannot take
                Arguments.of("unclosed [", (UnaryOperator<String>) s -> s.replace("alertThresholds: [10, 20, 28]",
                        "alertThresholds: [10, 20, 28"), "    recipients:", "    recipients".length(),
                        "expected ',' or ']'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlErrors")
    void aYamlSyntaxErrorNamesTheFileLineAndColumn(String what, UnaryOperator<String> edit, String at, int offset,
                                                   String problem, @TempDir Path dir) throws Exception {
        Path project = projectWithStackFile(dir, edit);
        Path out = dir.resolve("runs");

        CliRun plan = CliRun.of("plan", "--project-dir", project.toString(), "--out", out.toString());

        String where = project.resolve("Pulumi.dev-min.yaml") + ":" + lineAndColumnOf(project.resolve("Pulumi.dev-min.yaml"), at, offset);
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.stderr()).as(what).contains(where + ": not valid YAML: " + problem);
        assertThat(out).doesNotExist();
    }

    @Test
    void aMisspeltStackListsTheStacksThatExist(@TempDir Path dir) throws Exception {
        Path project = projectWithStackFile(dir, s -> s);
        Path out = dir.resolve("runs");

        CliRun plan = CliRun.of("plan", "--project-dir", project.toString(), "--stack", "dev-mim", "--out", out.toString());

        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.stderr()).contains("Pulumi.dev-mim.yaml: file not found").contains("no stack 'dev-mim'")
                .contains("the stacks here are dev-min").contains("did you mean --stack dev-min?");
        assertThat(out).doesNotExist();
    }

    @Test
    void outsideAProjectItSaysToRunFromTheRootOrPassTheProjectDir(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("runs");

        CliRun plan = CliRun.of("plan", "--project-dir", dir.toString(), "--out", out.toString());

        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.stderr()).contains("Pulumi.yaml: file not found").contains("is not a devmin project")
                .contains("run devmin from the project root").contains("--project-dir");
        assertThat(out).doesNotExist();
    }

    static Stream<Arguments> unusableOutDirectories() {
        return Stream.of(
                Arguments.of("a file", "evidence.txt", "exists and is not a directory"),
                Arguments.of("below a file", "evidence.txt/runs", "is a file, not a directory"));
    }

    @ParameterizedTest(name = "--out {0}")
    @MethodSource("unusableOutDirectories")
    void anUnusableOutSaysWhyAndWritesNothing(String what, String out, String reason, @TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("evidence.txt"), "kept");

        CliRun plan = CliRun.of("plan", "--out", dir.resolve(out).toString());

        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.stderr()).contains("--out " + dir.resolve(out)).contains(reason).contains("nothing was written");
        assertThat(Files.readString(dir.resolve("evidence.txt"))).isEqualTo("kept");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void reportsEveryProblemOfAConfigTogether() {
        StackConfig config = editLane(committedConfig(), 0, l -> l.put("cpu", 300))
                .with("aws:region", "London")
                .with("devmin:awsAccountId", "abc")
                .without("devmin:owner");

        InvalidSpecException error = catchThrowableOfType(InvalidSpecException.class,
                () -> SpecParser.parse(ConfigSource.of(config.values()), "devmin", "dev-min"));

        assertThat(error.errors()).extracting(SpecError::key).containsExactlyInAnyOrder(
                "aws:region", "devmin:awsAccountId", "devmin:owner", "devmin:lanes[seed-pack].cpu");
        assertThat(error.getMessage()).contains("4 problem(s)", "'London'", "'abc'", "<missing>", "'300'");
    }

    @Test
    void aLimitThatIsNotANumberIsOneProblemNotAlsoAZeroLimit() {
        StackConfig config = editObject(committedConfig(), "devmin:budget", b -> b.put("monthlyLimit", "thirty"));

        InvalidSpecException error = catchThrowableOfType(InvalidSpecException.class,
                () -> SpecParser.parse(ConfigSource.of(config.values()), "devmin", "dev-min"));

        assertThat(error.errors()).filteredOn(e -> e.key().equals("devmin:budget.monthlyLimit"))
                .extracting(SpecError::value).containsExactly("'thirty'");
    }

    @Test
    void aSecretStructuredKeyNeverShowsTheValueOfAFieldEither() {
        StackConfig config = editObject(committedConfig(), "devmin:budget", b -> b.put("monthlyLimit", "canary-7f3a"));

        InvalidSpecException error = catchThrowableOfType(InvalidSpecException.class, () -> SpecParser.parse(
                ConfigSource.of(config.values(), java.util.Set.of("devmin:budget")), "devmin", "dev-min"));

        assertThat(error.errors()).filteredOn(e -> e.key().equals("devmin:budget.monthlyLimit"))
                .extracting(SpecError::value).containsExactly("<secret>");
        assertThat(error.getMessage()).doesNotContain("canary-7f3a");
    }

    @Test
    void aValueIsShownWholeUpTo120CharactersAndCutBeyond() {
        assertThat(shownRegion("x".repeat(120))).isEqualTo("'" + "x".repeat(120) + "'");
        assertThat(shownRegion("y".repeat(121))).isEqualTo("'" + "y".repeat(117) + "...'");
    }

    private static String shownRegion(String region) {
        InvalidSpecException error = catchThrowableOfType(InvalidSpecException.class, () -> SpecParser.parse(
                ConfigSource.of(committedConfig().with("aws:region", region).values()), "devmin", "dev-min"));
        return error.errors().stream().filter(e -> e.key().equals("aws:region")).map(SpecError::value)
                .findFirst().orElseThrow();
    }

    @Test
    void errorNamesTheValueAndWhatIsExpected() {
        StackConfig config = committedConfig().with("devmin:awsAccountId", "12345");

        assertThatThrownBy(() -> SpecParser.parse(ConfigSource.of(config.values()), "devmin", "dev-min"))
                .hasMessageContaining("devmin:awsAccountId: got '12345', expected a 12-digit AWS account id");
    }

    @Test
    void neverShowsASecretValueInAnError() {
        String canary = "canary-secret-7f3a";
        StackConfig config = committedConfig().with("devmin:igApiKey", " ").with("devmin:awsAccountId", canary);

        InvalidSpecException error = catchThrowableOfType(InvalidSpecException.class,
                () -> SpecParser.parse(ConfigSource.of(config.values()), "devmin", "dev-min"));

        assertThat(error.errors()).filteredOn(e -> e.key().equals("devmin:igApiKey"))
                .extracting(SpecError::value).containsExactly("<secret>");
    }

    static List<DeclaredResource> declaredBeyondTheStack(EngineRun run) {
        return run.graph().resources().stream().filter(r -> !r.isStack()).toList();
    }
}
