package devmin.live;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import devmin.cli.CliRun;
import devmin.live.aws.AwsClients;
import devmin.live.aws.AwsSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without any AWS credentials, a live command says so in one line, before any check, and calls nothing. */
class NoCredentialsTest {

    static final List<String> CREDENTIAL_VARIABLES = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI");

    static final List<String> PROPERTIES = List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken",
            "aws.sharedCredentialsFile", "aws.configFile", "aws.disableEc2Metadata", "aws.endpointUrl");

    @Test
    void anEmptyChainIsOneLineThatSaysWhatToDo() {
        AwsClients none = new AwsClients(new AwsSettings(Optional.empty(), 1, Duration.ofMillis(1),
                Duration.ofSeconds(1)), () -> {
            throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
        });

        Optional<String> missing = none.missingCredentials(Map.of("AWS_PROFILE", "devmin-admin"));

        assertThat(missing).hasValueSatisfying(m -> assertThat(m).startsWith("no usable AWS credentials")
                .contains("profile 'devmin-admin'").contains("AWS_ACCESS_KEY_ID").contains("Nothing was checked")
                .doesNotContain("\n").doesNotContain("Unable to load credentials"));
        assertThat(none.missingCredentials(Map.of())).hasValueSatisfying(m -> assertThat(m).contains("profile 'default'"));
        none.close();
    }

    @Test
    void credentialsThatResolveAreNoProblem() {
        try (AwsClients some = new AwsClients(new AwsSettings(Optional.empty(), 1, Duration.ofMillis(1),
                Duration.ofSeconds(1)), StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))) {
            assertThat(some.missingCredentials(Map.of())).isEmpty();
        }
    }

    @Test
    void everyLiveCommandStopsWithOneLineAndExit2(@TempDir Path out, @TempDir Path home) throws Exception {
        requireAnEmptyChain(System.getenv());
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.1"));
        server.start();
        Map<String, String> saved = new HashMap<>();
        PROPERTIES.forEach(p -> {
            if (System.getProperty(p) != null) {
                saved.put(p, System.getProperty(p));
            }
            System.clearProperty(p);
        });
        try {
            System.setProperty("aws.sharedCredentialsFile", home.resolve("credentials").toString());
            System.setProperty("aws.configFile", home.resolve("config").toString());
            System.setProperty("aws.disableEc2Metadata", "true");
            System.setProperty("aws.endpointUrl", server.baseUrl());
            Path outputs = home.resolve("outputs.json");
            Map<String, String> handles = new java.util.LinkedHashMap<>(devmin.testing.WindowFixtures.handles());
            stacks.spec.SpecParser.parse(stacks.spec.ConfigSource.of(devmin.testing.Fixtures.committedConfig()
                    .values()), "devmin", "dev-min").lanes().forEach(l -> handles.put(stacks.handles.HandleName
                    .taskDefinition(l.name()), devmin.testing.WindowFixtures.ECS + "task-definition/devmin-dev-min-"
                    + l.name() + ":1"));
            devmin.testing.WindowFixtures.stackOutputs(outputs, handles);
            for (List<String> command : List.of(List.of("verify-teardown"), List.of("snapshot", "pre-destroy"),
                    List.of("preflight"), List.of("verify-iam"), List.of("readiness"), List.of("run", "seed-pack"),
                    List.of("budget-posture"), List.of("certify"))) {
                List<String> args = new java.util.ArrayList<>(command);
                args.addAll(List.of("--out", out.toString()));
                if (command.get(0).equals("readiness") || command.get(0).equals("run")) {
                    args.addAll(List.of("--stack-outputs", outputs.toString()));
                }
                if (command.get(0).equals("certify")) {
                    args.add("--from-bucket");
                }

                CliRun run = CliRun.of(args.toArray(String[]::new));

                assertThat(run.exitCode()).as(String.join(" ", command)).isEqualTo(2);
                assertThat(run.stderr().lines().toList()).as(run.stderr()).singleElement().asString()
                        .startsWith("devmin " + (command.get(0).equals("run") ? "run" : String.join(" ", command))
                                + ": no usable AWS credentials");
                assertThat(run.stdout()).isEmpty();
            }
            assertThat(out).isEmptyDirectory();
            assertThat(server.getAllServeEvents()).isEmpty();
        } finally {
            PROPERTIES.forEach(System::clearProperty);
            saved.forEach(System::setProperty);
            server.stop();
        }
    }

    /**
     * The end-to-end test needs a default chain without credentials. A developer machine that has some skips it; CI
     * must never skip it silently, so under {@code CI=true} a credential variable fails the test, naming it.
     */
    static void requireAnEmptyChain(Map<String, String> env) {
        for (String variable : CREDENTIAL_VARIABLES) {
            if (env.get(variable) != null) {
                if ("true".equalsIgnoreCase(env.get("CI"))) {
                    throw new AssertionError("CI=true and " + variable + " is set: the no-credentials test cannot run"
                            + " and is not skipped in CI; unset " + variable + " for the test step");
                }
                Assumptions.abort("this machine sets " + variable + ", so the default chain is not empty here");
            }
        }
    }

    @Test
    void underCiACredentialVariableFailsTheTestInsteadOfSkippingIt() {
        assertThatThrownBy(() -> requireAnEmptyChain(Map.of("CI", "true", "AWS_PROFILE", "dev")))
                .isInstanceOf(AssertionError.class).hasMessageStartingWith("CI=true and AWS_PROFILE is set");
        assertThatThrownBy(() -> requireAnEmptyChain(Map.of("AWS_ACCESS_KEY_ID", "AKIA")))
                .isInstanceOf(org.opentest4j.TestAbortedException.class).hasMessageContaining("AWS_ACCESS_KEY_ID");
        assertThatCode(() -> requireAnEmptyChain(Map.of("CI", "true"))).doesNotThrowAnyException();
    }
}
