package devmin.bench;

import devmin.policy.PolicyConfig;
import devmin.policy.PolicyEngine;
import devmin.policy.RulePack;
import devmin.policy.input.StackExportReader;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark input is a realistic, clean export: the measured run evaluates every rule and finds nothing. */
class StackExportGeneratorTest {

    @Test
    void generatesTheRequestedCountAndPassesThePack() throws Exception {
        var export = StackExportGenerator.generate(1_000);
        var views = StackExportReader.read(export, "generated");
        var report = new PolicyEngine(RulePack.devmin(), PolicyConfig.none(), LocalDate.of(2026, 11, 22)).evaluate(views);

        assertThat(views).hasSize(1_000);
        assertThat(report.findings()).isEmpty();
        assertThat(views.stream().filter(v -> v.type().equals("aws:ecs/taskDefinition:TaskDefinition"))).isNotEmpty();
    }
}
