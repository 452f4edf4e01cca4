package devmin.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import devmin.policy.input.StackExportReader;
import devmin.policy.report.SarifReport;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The SARIF output validates against the OASIS SARIF 2.1.0 JSON schema. */
class SarifSchemaTest {

    @Test
    void sarifWithFindingsAndWaiversIsValidSarif210() throws Exception {
        var views = StackExportReader.read(new ObjectMapper().readTree(
                new File("src/test/resources/policy/stack-export-violations.json")), "fixture");
        var waiver = new Waiver("DM-COST-002", "urn:pulumi:dev-min::devmin::*::demo-alb",
                "Partner demo needs one public endpoint", "platform-team", LocalDate.of(2026, 12, 1));
        var engine = new PolicyEngine(RulePack.devmin(), PolicyConfig.none().withWaivers(List.of(waiver)),
                LocalDate.of(2026, 11, 22));
        PolicyReport report = engine.evaluate(views);
        JsonNode sarif = SarifReport.of(report, engine);

        assertThat(report.findings()).isNotEmpty();
        assertThat(report.waived()).isNotEmpty();
        try (InputStream schema = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                    .getSchema(schema).validate(sarif);
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void theSchemaCatchesABrokenDocument() throws Exception {
        JsonNode broken = new ObjectMapper().readTree("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[]}]}");
        try (InputStream schema = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema).validate(broken))
                    .isNotEmpty();
        }
    }
}
