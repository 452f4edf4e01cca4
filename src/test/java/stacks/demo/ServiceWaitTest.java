package stacks.demo;

import devmin.engine.EngineRun;
import devmin.graph.DeclaredResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static devmin.testing.Fixtures.committedConfig;
import static devmin.testing.Fixtures.preview;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A window's {@code up} waits at most five minutes on any one ECS service: the provider waits for steady state with
 * the resource's create or update timeout (default 20 minutes, terraform-provider-aws internal/service/ecs/service.go),
 * and the program bounds both through {@code customTimeouts}, as the engine receives them.
 */
class ServiceWaitTest {

    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|h|m|s)");

    /**
     * A Go duration string as the engine parses it ({@code time.ParseDuration}: {@code 5m}, {@code 5m0s}, and the
     * Java SDK's {@code 300000000000ns}).
     */
    static Duration parse(String text) {
        Matcher m = GO_DURATION.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            assertThat(m.start()).as("duration '%s'", text).isEqualTo(end);
            java.math.BigDecimal amount = new java.math.BigDecimal(m.group(1));
            long nanosPerUnit = switch (m.group(2)) {
                case "h" -> 3_600_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "s" -> 1_000_000_000L;
                case "ms" -> 1_000_000L;
                case "us", "µs" -> 1_000L;
                default -> 1L;
            };
            total = total.plusNanos(amount.multiply(java.math.BigDecimal.valueOf(nanosPerUnit)).longValueExact());
            end = m.end();
        }
        assertThat(end).as("duration '%s'", text).isEqualTo(text.length()).isPositive();
        return total;
    }

    @Test
    void everyServiceWaitsAtMostFiveMinutesToCreateOrUpdate() {
        EngineRun run = preview(committedConfig());
        List<DeclaredResource> services = run.graph().resources().stream()
                .filter(r -> r.type().equals("aws:ecs/service:Service")).toList();

        assertThat(services).isNotEmpty().allSatisfy(service -> {
            assertThat(service.inputs().path("waitForSteadyState").asBoolean()).isTrue();
            assertThat(service.customTimeouts()).as(service.name()).containsKeys("create", "update");
            assertThat(parse(service.customTimeouts().get("create"))).as(service.name())
                    .isPositive().isLessThanOrEqualTo(FIVE_MINUTES);
            assertThat(parse(service.customTimeouts().get("update"))).as(service.name())
                    .isPositive().isLessThanOrEqualTo(FIVE_MINUTES);
        });
    }

    @Test
    void goDurationsAreReadAsTheEngineReadsThem() {
        assertThat(parse("5m")).isEqualTo(FIVE_MINUTES);
        assertThat(parse("300s")).isEqualTo(FIVE_MINUTES);
        assertThat(parse("5m0s")).isEqualTo(FIVE_MINUTES);
        assertThat(parse("300000000000ns")).isEqualTo(FIVE_MINUTES);
        assertThat(parse("1h")).isEqualTo(Duration.ofHours(1));
    }
}
