package stacks.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.File;

import static org.assertj.core.api.Assertions.assertThat;

/** Pulumi.yaml documents every key of the devmin namespace the program reads, and runs the prebuilt jar. */
class ProjectFileTest {

    static JsonNode project() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(new File("Pulumi.yaml"));
    }

    @Test
    void everyDevminKeyTheProgramReadsIsDeclaredWithADescription() throws Exception {
        JsonNode config = project().get("config");
        for (String key : ConfigKeys.ALL) {
            if (!key.startsWith("devmin:")) {
                continue; // other namespaces (aws:region) cannot be declared in a project's config
            }
            JsonNode declaration = config.get(key.substring("devmin:".length()));
            assertThat(declaration).as(key).isNotNull();
            assertThat(declaration.path("description").asText()).as(key + " description").isNotBlank();
        }
    }

    @Test
    void theRuntimeIsThePrebuiltJar() throws Exception {
        JsonNode project = project();
        assertThat(project.get("name").asText()).isEqualTo("devmin");
        assertThat(project.at("/runtime/name").asText()).isEqualTo("java");
        assertThat(project.at("/runtime/options/binary").asText()).isEqualTo("target/devmin.jar");
    }
}
