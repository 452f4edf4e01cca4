package devmin.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What readiness, run and verify-iam say about their --stack-outputs file. */
class StackOutputsTest {

    @Test
    void aMissingFileIsReportedAsMissingNotAsBadJson(@TempDir Path dir) {
        Path missing = dir.resolve("does-not-exist.json");
        assertThatThrownBy(() -> StackOutputs.handles(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(missing + ": file not found").hasMessageNotContaining("JSON");
    }

    @Test
    void aFileThatIsNotJsonIsReportedAsSuch(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("outputs.json"), "handles: not json {");
        assertThatThrownBy(() -> StackOutputs.handles(text)).hasMessage(text + ": not readable JSON");
    }

    @Test
    void theHandlesAreRead(@TempDir Path dir) throws IOException {
        Path outputs = Files.writeString(dir.resolve("outputs.json"), "{\"handles\": {\"ECS_CLUSTER_ARN\": \"arn\"}}");
        assertThat(StackOutputs.handles(outputs)).containsEntry("ECS_CLUSTER_ARN", "arn");
    }
}
