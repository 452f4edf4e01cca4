package devmin.live;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.evidence.Provenance;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict's JSON and Markdown say what every check did, and a verdict extended later stays what it was. */
class VerdictTest {

    static final Provenance PROVENANCE = new Provenance("1.0", "abc", "dev-min", "git-1", "sha256:1",
            Instant.parse("2026-11-30T10:00:00Z"), Instant.parse("2026-11-30T10:00:02Z"));

    static Verdict verdict(CheckResult... checks) {
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        context.put("stack", "dev-min");
        return new Verdict("devmin.test/v1", List.of(checks), context, PROVENANCE);
    }

    static final CheckResult PASS = new CheckResult("nat-gateways", "eu-west-2", CheckStatus.PASS, "none",
            List.of("ec2:DescribeNatGateways", "ec2:DescribeNatGateways (page 2)"), List.of(), 12);
    static final CheckResult FOUND = new CheckResult("ecs", "eu-west-2", CheckStatus.BLOCKER, "left: a|b",
            List.of("ecs:ListClusters"), List.of("cluster a|b"), 7);
    static final CheckResult UNKNOWN = new CheckResult("rds", "eu-west-2", CheckStatus.UNVERIFIED, "HTTP 500",
            List.of("rds:DescribeDBInstances"), List.of(), 3);

    @Test
    void theJsonCarriesEveryCheckItsCallsAndTheBlockers() {
        var json = verdict(PASS, FOUND, UNKNOWN).toJson();

        assertThat(json.get("schema").asText()).isEqualTo("devmin.test/v1");
        assertThat(json.get("overall_pass").asBoolean()).isFalse();
        assertThat(json.get("blockers")).extracting(n -> n.asText()).containsExactly(
                "ecs [eu-west-2]: left: a|b", "UNVERIFIED rds [eu-west-2]: HTTP 500");
        assertThat(json.get("stack").asText()).isEqualTo("dev-min");
        assertThat(json.get("api_calls").asInt()).isEqualTo(4);
        assertThat(json.get("duration_ms").asLong()).isEqualTo(2000);
        assertThat(json.get("started_at").asText()).isEqualTo("2026-11-30T10:00:00Z");
        var first = json.get("checks").get(0);
        assertThat(first.get("name").asText()).isEqualTo("nat-gateways");
        assertThat(first.get("status").asText()).isEqualTo("pass");
        assertThat(first.get("duration_ms").asLong()).isEqualTo(12);
        assertThat(first.get("api_calls")).hasSize(2);
        assertThat(json.get("checks").get(1).get("found")).extracting(n -> n.asText()).containsExactly("cluster a|b");
        assertThat(json.get("checks").get(2).get("status").asText()).isEqualTo("unverified");
        assertThat(json.at("/provenance/git_commit").asText()).isEqualTo("abc");
    }

    @Test
    void theMarkdownSaysTheOutcomeAndEscapesPipes() {
        String failed = verdict(PASS, FOUND, UNKNOWN).toMarkdown("Teardown proof dev-min");
        assertThat(failed).startsWith("## Teardown proof dev-min: FAIL\n");
        assertThat(failed).contains("- :x: ecs [eu-west-2]: left: a\\|b\n");
        assertThat(failed).contains("- :x: UNVERIFIED rds [eu-west-2]: HTTP 500\n");
        assertThat(failed).contains("| nat-gateways | eu-west-2 | pass | 2 |  |\n");
        assertThat(failed).contains("| ecs | eu-west-2 | blocker | 1 | cluster a\\|b |\n");
        assertThat(failed).contains("devmin 1.0, commit abc, stack dev-min, 2026-11-30T10:00:00Z");

        assertThat(verdict(PASS).toMarkdown("T")).startsWith("## T: PASS\n");
        assertThat(verdict(PASS, UNKNOWN).toMarkdown("T")).startsWith("## T: UNVERIFIED\n");
    }

    @Test
    void extendingAVerdictLeavesTheOriginalAsItWas() {
        Verdict original = verdict(PASS);
        ObjectNode more = JsonNodeFactory.instance.objectNode();
        more.putObject("publication").put("published", false);

        Verdict extended = original.with(UNKNOWN, more);

        assertThat(original.overallPass()).isTrue();
        assertThat(original.toJson().has("publication")).isFalse();
        assertThat(extended.checks()).containsExactly(PASS, UNKNOWN);
        assertThat(extended.overallPass()).isFalse();
        assertThat(extended.exitCode()).isEqualTo(2);
        assertThat(extended.toJson().at("/publication/published").asBoolean()).isFalse();
        assertThat(extended.toJson().get("stack").asText()).isEqualTo("dev-min");
        assertThat(original.with(more).checks()).containsExactly(PASS);
        assertThat(original.with(more).toJson().has("publication")).isTrue();
    }
}
