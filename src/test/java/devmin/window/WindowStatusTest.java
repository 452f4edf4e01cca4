package devmin.window;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WindowStatusTest {

    private static final Instant OPENED = Instant.parse("2026-12-06T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-06T12:20:00Z");

    private static WindowStatus open(String decision) {
        Operation update = new Operation("update", "failed", OPENED, Optional.of(OPENED.plusSeconds(90)),
                Optional.of("open"));
        return new WindowStatus("dev-min", "open", decision, "why", 4, NOW, Optional.of(OPENED), Optional.of(update), 7);
    }

    @Test
    void onlyTheCloseDecisionCloses() {
        assertThat(open("close").close()).isTrue();
        assertThat(open("none").close()).isFalse();
    }

    @Test
    void openHoursCountFromTheOpening() {
        assertThat(open("none").openHours()).hasValueSatisfying(h -> assertThat(h).isCloseTo(4.3333, org.assertj.core.data.Offset.offset(1e-3)));
        assertThat(WindowTtl.noStack("dev-min", 4, NOW).openHours()).isEmpty();
    }

    @Test
    void theJsonNamesTheWindowTheDecisionAndTheLastChange() {
        ObjectNode json = open("close").toJson();

        assertThat(json.path("schema").asText()).isEqualTo("devmin.window-status/v1");
        assertThat(json.path("stack").asText()).isEqualTo("dev-min");
        assertThat(json.path("window").asText()).isEqualTo("open");
        assertThat(json.path("decision").asText()).isEqualTo("close");
        assertThat(json.path("reason").asText()).isEqualTo("why");
        assertThat(json.path("ttl_hours").asDouble()).isEqualTo(4.0);
        assertThat(json.path("now").asText()).isEqualTo("2026-12-06T12:20:00Z");
        assertThat(json.path("opened_at").asText()).isEqualTo("2026-12-06T08:00:00Z");
        assertThat(json.path("open_hours").asDouble()).isEqualTo(4.33);
        assertThat(json.at("/last_change/kind").asText()).isEqualTo("update");
        assertThat(json.at("/last_change/result").asText()).isEqualTo("failed");
        assertThat(json.at("/last_change/start_time").asText()).isEqualTo("2026-12-06T08:00:00Z");
        assertThat(json.at("/last_change/end_time").asText()).isEqualTo("2026-12-06T08:01:30Z");
        assertThat(json.at("/last_change/demo_window").asText()).isEqualTo("open");
        assertThat(json.path("operations_read").asInt()).isEqualTo(7);
    }

    @Test
    void aStatusWithoutOpeningOrChangeLeavesThoseFieldsOut() {
        ObjectNode json = WindowTtl.noStack("dev-min", 4, NOW).toJson();

        assertThat(json.has("opened_at")).isFalse();
        assertThat(json.has("open_hours")).isFalse();
        assertThat(json.has("last_change")).isFalse();
        assertThat(json.path("window").asText()).isEqualTo("no-stack");
        assertThat(json.path("reason").asText()).isEqualTo("the backend holds no stack named dev-min: nothing to close");
    }
}
