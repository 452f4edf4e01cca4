package devmin.policy.input;

import devmin.policy.PolicyConfig;
import devmin.policy.PolicyEngine;
import devmin.policy.PolicyReport;
import devmin.policy.ResourceView;
import devmin.policy.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Documents in the format of {@code pulumi preview --json} (Pulumi's display.PreviewDigest: steps with op, urn,
 * oldState/newState in the apitype.ResourceV3 shape, diagnostics, changeSummary counting every op including
 * {@code same}). Only a complete preview ({@code --show-sames}) is judged.
 */
class PreviewReaderTest {

    static final Path DIR = Path.of("src/test/resources/policy/preview");

    static List<ResourceView> read(String name) throws InputFormatException {
        return PreviewReader.read(InputDocuments.read(DIR.resolve(name)), name);
    }

    static PolicyReport judge(List<ResourceView> views) {
        return new PolicyEngine(RulePack.devmin(), PolicyConfig.none(), LocalDate.of(2026, 11, 30)).evaluate(views);
    }

    @Test
    void aCompletePreviewHoldsUnchangedResourcesAndPasses() throws Exception {
        List<ResourceView> views = read("show-sames-clean.json");

        assertThat(views).extracting(ResourceView::name).contains("monthly", "igw", "public", "lane-ig");
        assertThat(views.stream().filter(v -> v.name().equals("public")).findFirst().orElseThrow().layer())
                .isEqualTo("demo");
        PolicyReport report = judge(views);
        assertThat(report.findings()).as("%s", report.findings()).isEmpty();
    }

    @Test
    void aCompletePreviewShowsWhatADefaultPreviewWouldHide() throws Exception {
        PolicyReport report = judge(read("show-sames-violations.json"));

        assertThat(report.mandatory()).extracting(f -> f.ruleId() + " " + f.urn().substring(f.urn().lastIndexOf("::")))
                .containsExactlyInAnyOrder("DM-COST-001 ::egress", "DM-COST-001 ::public");
        assertThat(report.mandatory()).anySatisfy(f -> assertThat(f.message())
                .contains("routes 10.8.0.0/16 through a NAT gateway (routes[].natGatewayId = nat-0a1b2c3d4e5f60718)"));
    }

    @Test
    void aFirstDeployListsEveryResourceAndIsComplete() throws Exception {
        List<ResourceView> views = PreviewReader.read(InputDocuments.read(Path.of("src/test/resources/policy/preview-clean.json")),
                "preview-clean.json");

        assertThat(views).extracting(ResourceView::name).containsExactlyInAnyOrder("devmin-dev-min", "monthly", "lg");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "partial.json|partial preview: changeSummary.same counts 9 unchanged resource(s) but only 1 are listed",
            "partial.json|rerun as 'pulumi preview --json --show-sames'",
            "failed.json|the preview reported 1 error diagnostic(s)",
            "unfinished.json|the preview has no 'changeSummary', so it did not finish"})
    void anIncompletePreviewIsRefusedWithTheReason(String file, String reason) {
        assertThatThrownBy(() -> read(file)).isInstanceOf(InputFormatException.class)
                .hasMessageStartingWith(file + ": ").hasMessageContaining(reason);
    }

    @Test
    void aResourceListedTwiceIsOneViewTheLastStateWins() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var doc = json.readTree("""
                {"steps": [
                  {"op": "replace", "urn": "urn:pulumi:s::p::aws:ec2/route:Route::r",
                   "newState": {"urn": "urn:pulumi:s::p::aws:ec2/route:Route::r", "type": "aws:ec2/route:Route",
                                "inputs": {"gatewayId": "igw-1"}}},
                  {"op": "create-replacement", "urn": "urn:pulumi:s::p::aws:ec2/route:Route::r",
                   "newState": {"urn": "urn:pulumi:s::p::aws:ec2/route:Route::r", "type": "aws:ec2/route:Route",
                                "inputs": {"gatewayId": "igw-2"}}},
                  {"op": "delete-replaced", "urn": "urn:pulumi:s::p::aws:ec2/route:Route::r",
                   "oldState": {"urn": "urn:pulumi:s::p::aws:ec2/route:Route::r", "type": "aws:ec2/route:Route"}}],
                 "changeSummary": {"replace": 1}}""");

        List<ResourceView> views = PreviewReader.read(doc, "replace.json");

        assertThat(views).singleElement().satisfies(v -> assertThat(v.text("gatewayId")).contains("igw-2"));
    }
}
