package devmin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code devmin window status} as the TTL sweep runs it: JSON on stdout, one line on stderr, clear errors. */
class WindowCommandTest {

    static final String OPENED = "[{\"kind\":\"update\",\"result\":\"succeeded\",\"startTime\":\"2026-11-30T10:00:00.000Z\","
            + "\"endTime\":\"2026-11-30T10:05:00.000Z\",\"config\":{\"devmin:demoWindow\":{\"value\":\"open\","
            + "\"secret\":false}}}]";

    @Test
    void printsTheDecisionAsJsonAndWhyOnOneLine(@TempDir Path dir) throws Exception {
        Path history = Files.writeString(dir.resolve("history.json"), OPENED);

        CliRun run = CliRun.of("window", "status", "--history", history.toString(), "--ttl-hours", "4",
                "--now", "2026-11-30T14:30:00Z");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode status = new ObjectMapper().readTree(run.stdout());
        assertThat(status.path("schema").asText()).isEqualTo("devmin.window-status/v1");
        assertThat(status.path("window").asText()).isEqualTo("open");
        assertThat(status.path("decision").asText()).isEqualTo("close");
        assertThat(status.path("opened_at").asText()).isEqualTo("2026-11-30T10:00:00Z");
        assertThat(status.path("open_hours").asDouble()).isEqualTo(4.5);
        assertThat(status.path("ttl_hours").asDouble()).isEqualTo(4.0);
        assertThat(run.stderr().lines().toList()).singleElement().asString().startsWith("window open: close");
    }

    @Test
    void aDecimalTtlIsHoursAndFractionsOfThem(@TempDir Path dir) throws Exception {
        Path history = Files.writeString(dir.resolve("history.json"), OPENED);

        CliRun run = CliRun.of("window", "status", "--history", history.toString(), "--ttl-hours", "0.5",
                "--now", "2026-11-30T10:20:00Z");

        assertThat(new ObjectMapper().readTree(run.stdout()).path("decision").asText()).isEqualTo("none");
    }

    @Test
    void aTtlThatIsNotAPositiveNumberIsAUsageErrorNamingIt(@TempDir Path dir) throws Exception {
        Path history = Files.writeString(dir.resolve("history.json"), OPENED);
        for (String ttl : new String[]{"four", "", "0", "-2", "4h", "1e3"}) {
            CliRun run = CliRun.of("window", "status", "--history", history.toString(), "--ttl-hours", ttl);

            assertThat(run.exitCode()).as(ttl).isEqualTo(DevminCommand.EXIT_USAGE);
            assertThat(run.stderr()).as(ttl).contains("--ttl-hours: got '" + ttl + "'")
                    .contains("a number of hours greater than 0");
            assertThat(run.stdout()).isEmpty();
        }
    }

    @Test
    void aBadNowIsAUsageError(@TempDir Path dir) throws Exception {
        Path history = Files.writeString(dir.resolve("history.json"), OPENED);

        CliRun run = CliRun.of("window", "status", "--history", history.toString(), "--now", "tomorrow");

        assertThat(run.exitCode()).isEqualTo(DevminCommand.EXIT_USAGE);
        assertThat(run.stderr()).contains("--now: got 'tomorrow'");
    }

    @Test
    void anUnreadableOrMissingHistoryIsExit2NeverNothingToClose(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        Path stacks = Files.writeString(dir.resolve("stacks.json"), "[{\"name\":\"dev-min\",\"current\":true}]");

        CliRun unreadable = CliRun.of("window", "status", "--stacks", stacks.toString(), "--history", empty.toString());
        CliRun missing = CliRun.of("window", "status", "--history", dir.resolve("nope.json").toString());

        assertThat(unreadable.exitCode()).isEqualTo(2);
        assertThat(unreadable.stderr()).contains("empty.json").contains("pulumi stack history --json");
        assertThat(unreadable.stdout()).isEmpty();
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("nope.json: file not found");
    }

    @Test
    void aStackTheBackendDoesNotListHasNothingToCloseWithoutReadingTheHistory(@TempDir Path dir) throws Exception {
        Path stacks = Files.writeString(dir.resolve("stacks.json"), "[]");

        CliRun run = CliRun.of("window", "status", "--stacks", stacks.toString(), "--history",
                dir.resolve("history-that-pulumi-could-not-print.json").toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode status = new ObjectMapper().readTree(run.stdout());
        assertThat(status.path("window").asText()).isEqualTo("no-stack");
        assertThat(status.path("decision").asText()).isEqualTo("none");
    }
}
