package devmin.packaging;

import devmin.engine.EngineRun;
import devmin.engine.StackConfig;
import devmin.graph.WireValues;
import devmin.testing.FakePulumiEngine;
import devmin.testing.LanguageHost;
import org.junit.jupiter.api.Test;
import pulumirpc.Resource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.preview;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaging contract: the built jar, started as a separate process exactly as the Pulumi Java language host
 * starts it, against an in-test engine speaking the SDK's own gRPC protocol.
 */
class LanguageHostContractIT {

    static final String CANARY = "canary-ig-api-key-4f0c";

    static StackConfig withSecretCanary() {
        return committedConfig().with("devmin:igApiKey", CANARY);
    }

    /** Type, name, parent (type and name), protect and requested plugin version: what must match the mock run. */
    static String identity(String type, String name, String parentUrn, boolean protect, String version) {
        String parent = parentUrn.isEmpty() ? "" : parentUrn.substring(parentUrn.lastIndexOf('$') + 1);
        return type + " " + name + " parent=" + parent + " protect=" + protect + " version=" + version;
    }

    static Set<String> identities(List<Resource.RegisterResourceRequest> registrations) {
        return registrations.stream().map(r -> identity(r.getType(), r.getName(), r.getParent(), r.getProtect(),
                r.getVersion())).collect(Collectors.toSet());
    }

    @Test
    void previewRegistersExactlyWhatTheMockEngineSeesAndKeepsSecretsSecret() throws Exception {
        try (FakePulumiEngine engine = new FakePulumiEngine("devmin", "dev-min", true)) {
            LanguageHost.Result result = LanguageHost.run(engine, withSecretCanary(), true);

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            EngineRun mock = preview(withSecretCanary());
            Set<String> expected = mock.graph().resources().stream().map(r -> identity(r.type(), r.name(),
                    r.parentUrn(), r.protect(), r.version())).collect(Collectors.toSet());
            assertThat(identities(engine.registrations)).isEqualTo(expected);
            assertThat(engine.registrations).hasSize(mock.graph().resources().size());

            Resource.RegisterResourceRequest parameter = engine.registrations.stream()
                    .filter(r -> r.getName().equals("ssm-ig-api-key")).findFirst().orElseThrow();
            assertThat(WireValues.isSecret(WireValues.fromValue(parameter.getObject().getFieldsOrThrow("value"))))
                    .isTrue();
            assertThat(engine.logs).noneSatisfy(l -> assertThat(l.message()).contains(CANARY));
            assertThat(result.stdout() + result.stderr()).doesNotContain(CANARY);
            assertThat(engine.errors()).isEmpty();
            assertThat(engine.registrations).filteredOn(r -> r.getType().startsWith("confluentcloud:"))
                    .allSatisfy(r -> assertThat(r.getVersion()).isEqualTo("2.79.0"));
            assertThat(engine.registrations).filteredOn(r -> r.getType().startsWith("aws:"))
                    .allSatisfy(r -> assertThat(r.getVersion()).isEqualTo("6.83.0"));
        }
    }

    @Test
    void updateModeRunsCleanlyWithIdsAssigned() throws Exception {
        try (FakePulumiEngine engine = new FakePulumiEngine("devmin", "dev-min", false)) {
            LanguageHost.Result result = LanguageHost.run(engine, withSecretCanary(), false);

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(engine.registrations).hasSize(preview(withSecretCanary()).graph().resources().size());
            assertThat(engine.errors()).isEmpty();
            assertThat(engine.outputs).isNotEmpty();
            assertThat(result.stdout() + result.stderr()).doesNotContain(CANARY);
        }
    }

    @Test
    void anInvalidConfigRegistersNothingAndLogsEveryProblemAtErrorWithoutAStackTrace() throws Exception {
        StackConfig invalid = withSecretCanary().with("aws:region", "London").without("devmin:owner");
        try (FakePulumiEngine engine = new FakePulumiEngine("devmin", "dev-min", true)) {
            LanguageHost.Result result = LanguageHost.run(engine, invalid, true);

            assertThat(result.exitCode()).isNotZero();
            assertThat(engine.registrations).isEmpty();
            assertThat(engine.errors()).hasSize(1);
            assertThat(engine.errors().get(0).message()).contains("aws:region: got 'London'")
                    .contains("devmin:owner: got <missing>");
            assertThat(result.stdout() + result.stderr()).doesNotContain("Exception").doesNotContain("\tat ")
                    .doesNotContain(CANARY);
        }
    }

    @Test
    void aSecretKeyUsedWrongIsNeverEchoedInTheError() throws Exception {
        StackConfig invalid = new StackConfig("devmin", "dev-min",
                withSecretCanary().with("devmin:awsAccountId", CANARY).values(),
                Set.of("devmin:igApiKey", "devmin:awsAccountId"));
        try (FakePulumiEngine engine = new FakePulumiEngine("devmin", "dev-min", true)) {
            LanguageHost.Result result = LanguageHost.run(engine, invalid, true);

            assertThat(result.exitCode()).isNotZero();
            assertThat(engine.errors().get(0).message()).contains("devmin:awsAccountId: got <secret>")
                    .doesNotContain(CANARY);
        }
    }

    @Test
    void pluginDiscoveryListsAwsAndConfluentResourcePlugins() throws Exception {
        Process process = new ProcessBuilder(LanguageHost.javaBinary(), "-cp", LanguageHost.JAR.toString(),
                "com.pulumi.bootstrap.internal.Main", "packages").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();

        assertThat(out).contains("{\"resource\":true,\"name\":\"aws\",\"version\":\"6.83.0\"}")
                .contains("{\"resource\":true,\"name\":\"confluentcloud\",\"version\":\"2.79.0\"}");
    }

}
