package devmin.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.util.JsonFormat;
import devmin.policy.Waiver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The config schema the Pulumi CLI validates {@code waivers-are-valid}'s config against (JSON Schema keywords). */
class WaiverSchemaTest {

    @Test
    void waiversAreAListOfObjectsWithEveryFieldRequired() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(JsonFormat.printer().print(WaiverSchema.PROPERTIES));
        JsonNode items = schema.at("/waivers/items");

        assertThat(schema.at("/waivers/type").asText()).isEqualTo("array");
        assertThat(items.at("/type").asText()).isEqualTo("object");
        assertThat(items.at("/required").toString()).isEqualTo("[\"rule\",\"resource\",\"reason\",\"owner\",\"expires\"]");
        for (String field : new String[]{"rule", "resource", "reason", "owner", "expires"}) {
            assertThat(items.at("/properties/" + field + "/type").asText()).as(field).isEqualTo("string");
        }
        assertThat(items.at("/properties/reason/minLength").asInt()).isEqualTo(Waiver.MIN_REASON_LENGTH);
        assertThat(items.at("/properties/expires/format").asText()).isEqualTo("date");
        assertThat(items.at("/properties").size()).isEqualTo(5);
        assertThat(schema.size()).isEqualTo(1);
    }
}
