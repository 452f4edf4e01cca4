package devmin.plan.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An earlier plan is read whole or refused naming the file and what is wrong: never half-read into a false diff. */
class PlanSnapshotReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path V1 = Path.of("src/test/resources/devmin/plan/plan_snapshot_v1.json");

    @Test
    void aV1SnapshotReadsWithItsCountsFindingsAndCostButNoResources() throws Exception {
        PlanSnapshot v1 = PlanSnapshotReader.read(V1);

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.hasResources()).isFalse();
        assertThat(v1.layers()).containsOnlyKeys("core", "confluent", "demo");
        assertThat(v1.cost().available()).isTrue();
        assertThat(v1.gitCommit()).matches("[0-9a-f]{40}");
    }

    @Test
    void aMissingFileNotJsonOrAnotherDocumentIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> PlanSnapshotReader.read(dir.resolve("nope.json")))
                .hasMessageContaining("nope.json: file not found");

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\n  \"schema\": ");
        assertThatThrownBy(() -> PlanSnapshotReader.read(broken)).hasMessageContaining("broken.json: not valid JSON (line 2");

        Path report = Files.writeString(dir.resolve("report.json"), "{\"schema\": \"devmin.policy-report/v1\"}");
        assertThatThrownBy(() -> PlanSnapshotReader.read(report)).isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("'schema' is 'devmin.policy-report/v1', expected devmin.plan-snapshot/v1 or"
                        + " devmin.plan-snapshot/v2");
    }

    @Test
    void aSnapshotMissingWhatADiffNeedsIsRefusedNamingTheField() throws Exception {
        ObjectNode withoutCost = (ObjectNode) JSON.readTree(V1.toFile());
        withoutCost.remove("cost");
        assertThatThrownBy(() -> PlanSnapshotReader.of(withoutCost, "old.json")).hasMessageContaining("old.json")
                .hasMessageContaining("'cost' is missing or not an object");

        ObjectNode v2WithoutResources = (ObjectNode) JSON.readTree(V1.toFile());
        v2WithoutResources.put("schema", PlanSnapshot.V2);
        assertThatThrownBy(() -> PlanSnapshotReader.of(v2WithoutResources, "old.json"))
                .hasMessageContaining("'resources' is missing or not a list");
    }
}
