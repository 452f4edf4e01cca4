package devmin.certify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import devmin.cli.CliRun;
import devmin.evidence.Provenance;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.Verdict;
import devmin.live.readiness.Readiness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the commands really write is what certify accepts for their kind, and only for their kind. */
class VerdictShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thePlanThatDevminPlanWritesIsAPlanVerdict(@TempDir Path out) throws IOException {
        CliRun.of("plan", "--out", out.toString(), "--format", "json");
        Path plan;
        try (Stream<Path> files = Files.walk(out)) {
            plan = files.filter(f -> f.getFileName().toString().equals("plan_snapshot.json")).findFirst()
                    .orElseThrow();
        }
        JsonNode written = JSON.readTree(plan.toFile());

        assertThat(VerdictShape.refusal(VerdictKind.PLAN, written)).isEmpty();
        assertThat(VerdictShape.refusal(VerdictKind.READINESS, written)).contains("is a devmin.plan-snapshot/v2"
                + " verdict (plan), not readiness (devmin.readiness/v1)");
    }

    @Test
    void aLiveVerdictIsAcceptedForItsKindAndRefusedForAnother() {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        JsonNode readiness = new Verdict(Readiness.SCHEMA, List.of(new CheckResult("services", "eu-west-2",
                CheckStatus.PASS, "ready", List.of(), List.of())), JsonNodeFactory.instance.objectNode(),
                new Provenance("test", "c0ffee", "dev-min", "git-1", "sha256:" + "a".repeat(64), now, now)).toJson();

        assertThat(VerdictShape.refusal(VerdictKind.READINESS, readiness)).isEmpty();
        assertThat(VerdictShape.refusal(VerdictKind.TEARDOWN, readiness)).contains("is a devmin.readiness/v1"
                + " verdict (readiness), not teardown (devmin.teardown-proof/v1)");
    }
}
