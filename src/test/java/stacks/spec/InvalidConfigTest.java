package stacks.spec;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import devmin.engine.EngineRun;
import devmin.engine.StackConfig;
import devmin.graph.DeclaredResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static devmin.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every invalid config is rejected as a whole: the error names the key, and the program declares nothing. */
class InvalidConfigTest {

    private static Arguments invalid(String what, UnaryOperator<StackConfig> bend, String expectedKey) {
        return Arguments.of(what, bend, expectedKey);
    }

    static Stream<Arguments> invalidConfigs() {
        int ig = laneIndex(committedConfig(), "ig");
        int reporter = laneIndex(committedConfig(), "reporter");
        return Stream.of(
                invalid("missing region", c -> c.without("aws:region"), "aws:region"),
                invalid("malformed region", c -> c.with("aws:region", "London"), "aws:region"),
                invalid("account id of 11 digits", c -> c.with("devmin:awsAccountId", "12345678901"), "devmin:awsAccountId"),
                invalid("missing owner", c -> c.without("devmin:owner"), "devmin:owner"),
                invalid("environment with upper case", c -> c.with("devmin:environment", "Dev-Min"), "devmin:environment"),
                invalid("budget not an object", c -> c.with("devmin:budget", "thirty"), "devmin:budget"),
                invalid("budget limit zero", c -> editObject(c, "devmin:budget", b -> b.put("monthlyLimit", 0)), "devmin:budget.monthlyLimit"),
                invalid("thresholds descending", c -> editObject(c, "devmin:budget", b -> b.set("alertThresholds", array("20", "10"))), "devmin:budget.alertThresholds[1]"),
                invalid("threshold above the limit", c -> editObject(c, "devmin:budget", b -> b.set("alertThresholds", array("10", "45"))), "devmin:budget.alertThresholds[1]"),
                invalid("recipient not an e-mail", c -> editObject(c, "devmin:budget", b -> b.set("recipients", array("ops-team"))), "devmin:budget.recipients[0]"),
                invalid("repository without owner", c -> editObject(c, "devmin:ci", ci -> ci.put("repository", "fraud-platform")), "devmin:ci.repository"),
                invalid("wildcard owner", c -> editObject(c, "devmin:ci", ci -> ci.put("repository", "*/fraud-platform")), "devmin:ci.repository"),
                invalid("wildcard deploy ref", c -> editObject(c, "devmin:ci", ci -> ci.put("deployRef", "refs/heads/*")), "devmin:ci.deployRef"),
                invalid("mutable image tag", c -> editObject(c, "devmin:image", i -> i.put("tag", "latest")), "devmin:image.tag"),
                invalid("short digest", c -> editObject(c, "devmin:image", i -> i.put("digest", "sha256:abc")), "devmin:image.digest"),
                invalid("cpu Fargate does not offer", c -> editLane(c, 0, l -> l.put("cpu", 300)), "devmin:lanes[0].cpu"),
                invalid("memory outside the cpu's band", c -> editLane(c, 0, l -> l.put("memory", 8192)), "devmin:lanes[0].memory"),
                invalid("negative desired count", c -> editLane(c, ig, l -> l.put("desiredCount", -1)), "devmin:lanes[" + ig + "].desiredCount"),
                invalid("job with a desired count", c -> editLane(c, reporter, l -> l.put("desiredCount", 1)), "devmin:lanes[" + reporter + "].desiredCount"),
                invalid("duplicate lane name", c -> editLane(c, 1, l -> l.put("name", "seed-pack")), "devmin:lanes[1].name"),
                invalid("lane name unusable in resource names", c -> editLane(c, 0, l -> l.put("name", "Seed_Pack")), "devmin:lanes[0].name"),
                invalid("unknown lane kind", c -> editLane(c, 0, l -> l.put("kind", "daemon")), "devmin:lanes[0].kind"),
                invalid("lane without command", c -> editLane(c, 0, l -> l.remove("command")), "devmin:lanes[0].command"),
                invalid("lane produces an unknown topic", c -> editLane(c, ig, l -> l.set("produces", array("nope.v1"))), "devmin:lanes[" + ig + "].produces[0]"),
                invalid("lane consumes an unknown topic", c -> editLane(c, ig, l -> l.set("consumes", array("nope.v1"))), "devmin:lanes[" + ig + "].consumes[0]"),
                invalid("lane reads an undefined handle", c -> editLane(c, ig, l -> l.set("reads", array("SSM_DB_PASSWORD_PATH"))), "devmin:lanes[" + ig + "].reads[0]"),
                invalid("misspelled lane field", c -> editLane(c, ig, l -> l.set("ingresPort", IntNode.valueOf(8080))), "devmin:lanes[" + ig + "].ingresPort"),
                invalid("invalid Kafka topic name", c -> editTopic(c, 0, t -> t.put("name", "bad topic!")), "devmin:topics[0].name"),
                invalid("duplicate topic", c -> editTopic(c, 1, t -> t.put("name", "control.run-commands.v1")), "devmin:topics[1].name"),
                invalid("zero partitions", c -> editTopic(c, 0, t -> t.put("partitions", 0)), "devmin:topics[0].partitions"),
                invalid("retention below -1", c -> editTopic(c, 0, t -> t.put("retentionMs", -2)), "devmin:topics[0].retentionMs"),
                invalid("unknown cleanup policy", c -> editTopic(c, 0, t -> t.set("cleanupPolicy", TextNode.valueOf("forever"))), "devmin:topics[0].cleanupPolicy"),
                invalid("log retention CloudWatch rejects", c -> c.with("devmin:logRetentionDays", "10"), "devmin:logRetentionDays"),
                invalid("readiness topic not in the catalog", c -> editObject(c, "devmin:confluent", x -> x.put("readinessTopic", "nope.v1")), "devmin:confluent.readinessTopic"),
                invalid("missing ingress API key secret", c -> c.without("devmin:igApiKey"), "devmin:igApiKey"),
                invalid("database on without its secrets", c -> c.with("devmin:database", "{\"enabled\":true}"), "devmin:dbPassword"),
                invalid("lanes not a list", c -> c.with("devmin:lanes", "{}"), "devmin:lanes"),
                invalid("S3 grant with a wildcard", c -> editLane(c, reporter, l -> l.set("s3Access",
                        new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode().add(
                                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                                        .put("access", "write").put("prefix", "*")))), "devmin:lanes[" + reporter + "].s3Access[0].prefix"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConfigs")
    void rejectsTheConfigNamingTheKeyAndDeclaresNothing(String what, UnaryOperator<StackConfig> bend, String key) {
        StackConfig config = bend.apply(committedConfig());

        InvalidSpecException error = catchThrowableOfType(InvalidSpecException.class,
                () -> SpecParser.parse(ConfigSource.of(config.values()), "devmin", "dev-min"));
        assertThat(error).as("spec error for " + what).isNotNull();
        assertThat(error.errors()).extracting(SpecError::key).contains(key);

        EngineRun run = preview(config);
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errors()).anySatisfy(message -> assertThat(message).contains(key));
        assertThat(declaredBeyondTheStack(run)).isEmpty();
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
                "aws:region", "devmin:awsAccountId", "devmin:owner", "devmin:lanes[0].cpu");
        assertThat(error.getMessage()).contains("4 problem(s)", "'London'", "'abc'", "<missing>", "'300'");
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
