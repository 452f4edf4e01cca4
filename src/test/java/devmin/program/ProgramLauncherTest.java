package devmin.program;

import devmin.testing.FakePulumiEngine;
import org.junit.jupiter.api.Test;
import pulumirpc.EngineOuterClass.LogSeverity;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An invalid config stops the program before the SDK starts: every problem to the engine at ERROR, exit 32. */
class ProgramLauncherTest {

    private static final String CANARY = "CANARY-owner-5c2a";

    /** Pulumi's "result.Bail" code: the program already reported its error, so the CLI adds no stack trace. */
    @Test
    void theErrorReportedCodeIsPulumis32() {
        assertThat(ProgramLauncher.EXIT_ERROR_REPORTED).isEqualTo(32);
    }

    @Test
    void anInvalidConfigIsLoggedToTheEngineAtErrorAndNothingIsRegistered() throws Exception {
        try (FakePulumiEngine engine = new FakePulumiEngine("devmin", "dev-min", true)) {
            int code = ProgramLauncher.run(environment(engine.address(), "{\"devmin:owner\":\"bad owner!\"}", "[]"));

            assertThat(code).isEqualTo(ProgramLauncher.EXIT_ERROR_REPORTED);
            assertThat(engine.registrations).isEmpty();
            assertThat(engine.logs).singleElement().satisfies(log -> {
                assertThat(log.severity()).isEqualTo(LogSeverity.ERROR);
                assertThat(log.message()).contains("nothing was declared")
                        .contains("devmin:owner: got 'bad owner!'")
                        .contains("devmin:awsAccountId: got <missing>");
            });
        }
    }

    @Test
    void aSecretKeyInTheLegacyFormIsStillRedactedInTheEngineLog() throws Exception {
        try (FakePulumiEngine engine = new FakePulumiEngine("devmin", "dev-min", true)) {
            ProgramLauncher.run(environment(engine.address(),
                    "{\"devmin:config:owner\":\"" + CANARY + " !\"}", "[\"devmin:config:owner\"]"));

            assertThat(engine.logs).singleElement().satisfies(log -> assertThat(log.message())
                    .contains("devmin:owner: got <secret>")
                    .doesNotContain(CANARY));
        }
    }

    @Test
    void anUnreachableEngineGetsTheProblemsOnStderrWithTheAddressAndStatus() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = ProgramLauncher.run(environment("127.0.0.1:" + closedPort, "{}", "[]"));
        } finally {
            System.setErr(original);
        }

        assertThat(code).isEqualTo(ProgramLauncher.EXIT_ERROR_REPORTED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("problem(s) in the stack configuration")
                .contains("devmin: the Pulumi engine at '127.0.0.1:" + closedPort + "' could not be told (UNAVAILABLE)");
    }

    private static Map<String, String> environment(String engine, String config, String secretKeys) {
        return Map.of("PULUMI_ENGINE", engine, "PULUMI_MONITOR", engine, "PULUMI_PROJECT", "devmin",
                "PULUMI_STACK", "dev-min", "PULUMI_CONFIG", config, "PULUMI_CONFIG_SECRET_KEYS", secretKeys);
    }
}
