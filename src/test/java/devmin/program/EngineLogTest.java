package devmin.program;

import devmin.testing.FakePulumiEngine;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import pulumirpc.EngineOuterClass.LogSeverity;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineLogTest {

    @Test
    void sendsTheMessageAtErrorSeverity() throws Exception {
        try (FakePulumiEngine engine = new FakePulumiEngine("devmin", "dev-min", true)) {
            EngineLog.error(engine.address(), "devmin:owner: got <missing>, expected a name");

            assertThat(engine.logs).containsExactly(
                    new FakePulumiEngine.LogEntry(LogSeverity.ERROR, "devmin:owner: got <missing>, expected a name", ""));
        }
    }

    @Test
    void anEngineThatIsNotListeningIsReportedToTheCaller() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> EngineLog.error("127.0.0.1:" + closedPort, "m"))
                .isInstanceOf(StatusRuntimeException.class);
    }
}
