package devmin.policy.input;

import devmin.policy.ResourceView;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StackExportReaderTest {

    static final Path EXPORT = Path.of("src/test/resources/policy/stack-export-violations.json");

    @Test
    void secretEnvelopesBecomeAMarkerAndTheirContentNeverReachesAView() throws Exception {
        List<ResourceView> views = StackExportReader.read(InputDocuments.read(EXPORT), "export");

        ResourceView leaked = views.stream().filter(v -> v.name().equals("leaked")).findFirst().orElseThrow();
        assertThat(leaked.inputs().get("value").asText()).isEqualTo("[secret]");
        assertThat(leaked.outputs().get("value").asText()).isEqualTo("[secret]");
        assertThat(views.toString()).doesNotContain("export-canary-plaintext").doesNotContain("EXPORT_CIPHERTEXT");
    }

    @Test
    void layersComeFromTheComponentAncestorAndPendingDeletesAreLeftOut() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var export = json.readTree("""
                {"version": 3, "deployment": {"resources": [
                  {"urn": "urn:pulumi:s::p::devmin:stacks:DemoStack::demo", "type": "devmin:stacks:DemoStack"},
                  {"urn": "urn:pulumi:s::p::devmin:stacks:DemoStack$aws:ec2/vpc:Vpc::vpc", "type": "aws:ec2/vpc:Vpc",
                   "parent": "urn:pulumi:s::p::devmin:stacks:DemoStack::demo"},
                  {"urn": "urn:pulumi:s::p::aws:ec2/vpc:Vpc::old", "type": "aws:ec2/vpc:Vpc", "delete": true}]}}""");

        List<ResourceView> views = StackExportReader.read(export, "export");

        assertThat(views).extracting(v -> v.name() + "@" + v.layer()).containsExactly("demo@demo", "vpc@demo");
    }

    @Test
    void aResourceWithoutAParentGetsItsLayerFromItsUrnAndKeepsItsDependencies() throws Exception {
        var export = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"version": 3, "deployment": {"resources": [
                  {"urn": "urn:pulumi:s::p::pulumi:pulumi:Stack$devmin:stacks:CoreStack$aws:s3/bucketV2:BucketV2::b",
                   "type": "aws:s3/bucketV2:BucketV2", "dependencies": ["urn:a", "urn:b"],
                   "propertyDependencies": {"bucket": ["urn:a"]}, "protect": true}]}}""");

        ResourceView bucket = StackExportReader.read(export, "export").get(0);

        assertThat(bucket.layer()).isEqualTo("core");
        assertThat(bucket.dependencies()).containsExactly("urn:a", "urn:b");
        assertThat(bucket.dependenciesOf("bucket")).containsExactly("urn:a");
        assertThat(bucket.protect()).isTrue();
        assertThat(bucket.name()).isEqualTo("b");
    }
}
