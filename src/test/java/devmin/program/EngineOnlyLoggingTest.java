package devmin.program;

import com.pulumi.deployment.internal.DeploymentImpl;
import org.junit.jupiter.api.Test;

import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class EngineOnlyLoggingTest {

    @Test
    void theSdkLoggerStopsWritingToTheConsoleHandlers() {
        Logger sdk = Logger.getLogger(DeploymentImpl.class.getName());
        sdk.setUseParentHandlers(true);
        try {
            EngineOnlyLogging.install();

            assertThat(sdk.getUseParentHandlers()).isFalse();
        } finally {
            sdk.setUseParentHandlers(true);
        }
    }
}
