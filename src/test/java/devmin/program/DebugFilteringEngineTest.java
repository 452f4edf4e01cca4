package devmin.program;

import devmin.testing.FakePulumiEngine;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.GetRootResourceRequest;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;
import pulumirpc.EngineOuterClass.RequirePulumiVersionRequest;
import pulumirpc.EngineOuterClass.SetRootResourceRequest;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The proxy between the SDK and the engine: DEBUG messages (where the SDK dumps secret inputs) never reach the engine. */
class DebugFilteringEngineTest {

    private static final String CANARY = "CANARY-secret-3b9e41";

    private FakePulumiEngine upstream;
    private DebugFilteringEngine filter;
    private ManagedChannel channel;
    private EngineGrpc.EngineBlockingStub sdk;

    @BeforeEach
    void start() throws Exception {
        upstream = new FakePulumiEngine("devmin", "dev-min", true);
        filter = new DebugFilteringEngine(upstream.address());
        channel = NettyChannelBuilder.forTarget(filter.address()).usePlaintext().build();
        sdk = EngineGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        channel.shutdownNow();
        filter.close();
        upstream.close();
    }

    @Test
    void listensOnLoopback() {
        assertThat(filter.address()).matches("127\\.0\\.0\\.1:[1-9][0-9]*");
    }

    @Test
    void aDebugMessageCarryingASecretIsAnsweredButNotForwarded() {
        sdk.log(LogRequest.newBuilder().setSeverity(LogSeverity.DEBUG)
                .setMessage("RegisterResourceRequest { password: \"" + CANARY + "\" }").build());

        assertThat(upstream.logs).isEmpty();
    }

    @Test
    void everyOtherSeverityIsForwardedUnchanged() {
        for (LogSeverity severity : new LogSeverity[]{LogSeverity.INFO, LogSeverity.WARNING, LogSeverity.ERROR}) {
            sdk.log(LogRequest.newBuilder().setSeverity(severity).setMessage(severity + " message").setUrn("urn:x").build());
        }

        assertThat(upstream.logs).containsExactly(
                new FakePulumiEngine.LogEntry(LogSeverity.INFO, "INFO message", "urn:x"),
                new FakePulumiEngine.LogEntry(LogSeverity.WARNING, "WARNING message", "urn:x"),
                new FakePulumiEngine.LogEntry(LogSeverity.ERROR, "ERROR message", "urn:x"));
    }

    @Test
    void theRootResourceIsSetAndReadThroughTheProxy() {
        sdk.setRootResource(SetRootResourceRequest.newBuilder().setUrn("urn:pulumi:dev-min::devmin::root").build());

        assertThat(sdk.getRootResource(GetRootResourceRequest.getDefaultInstance()).getUrn())
                .isEqualTo("urn:pulumi:dev-min::devmin::root");
    }

    @Test
    void anEngineErrorReachesTheCallerWithItsStatus() {
        // the fake engine does not implement RequirePulumiVersion, so it answers UNIMPLEMENTED
        assertThatThrownBy(() -> sdk.requirePulumiVersion(RequirePulumiVersionRequest.newBuilder()
                .setPulumiVersionRange(">=3.0.0").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED));
    }

    @Test
    void closingWhenInterruptedKeepsTheThreadInterrupted() {
        Thread.currentThread().interrupt();
        try {
            filter.close();

            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void closingStopsTheProxy() {
        filter.close();

        assertThatThrownBy(() -> sdk.getRootResource(GetRootResourceRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    }
}
