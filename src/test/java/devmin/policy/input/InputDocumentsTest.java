package devmin.policy.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputDocumentsTest {

    @Test
    void contentAfterTheDocumentIsRefusedNotIgnored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("export.json");
        Files.writeString(file, "{\"deployment\": {\"resources\": []}}\n{\"deployment\": {}}\n");

        assertThatThrownBy(() -> InputDocuments.read(file)).isInstanceOf(InputFormatException.class)
                .hasMessageContaining("export.json: not valid JSON at line 2")
                .hasMessageContaining("content after the end of the JSON document");
    }

    @Test
    void strayTextAfterTheDocumentIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("preview.json");
        Files.writeString(file, "{\"steps\": []} warning: something printed to stdout");

        assertThatThrownBy(() -> InputDocuments.read(file)).isInstanceOf(InputFormatException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void oneDocumentWithTrailingWhitespaceIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("export.json");
        Files.writeString(file, "{\"deployment\": {\"resources\": []}}\n\n  \n");

        assertThat(InputDocuments.read(file).path("deployment").isObject()).isTrue();
    }

    @Test
    void notAnObjectOrNoFileIsNamed(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("list.json");
        Files.writeString(list, "[1, 2]");

        assertThatThrownBy(() -> InputDocuments.read(list)).hasMessage(list + ": expected a JSON object");
        assertThatThrownBy(() -> InputDocuments.read(dir.resolve("none.json"))).hasMessageEndingWith(": file not found");
    }

    // RFC 8259 section 4: "The names within an object SHOULD be unique"; with a repeated name, readers differ
    @Test
    void aKeyTwiceInOneObjectIsRefusedNamingTheKeyAndTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("export.json");
        Files.writeString(file, "{\"deployment\": {\"resources\": [],\n  \"resources\": [1]}}\n");

        assertThatThrownBy(() -> InputDocuments.read(file)).isInstanceOf(InputFormatException.class)
                .hasMessage(file + ": the key 'resources' appears twice in one object at line 2, so the document is"
                        + " ambiguous (refused; expected each key once)");
    }

    @Test
    void theSameKeyInTwoObjectsIsNoDuplicate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("export.json");
        Files.writeString(file, "{\"a\": {\"name\": 1}, \"b\": {\"name\": 2}}");

        assertThat(InputDocuments.read(file).path("b").path("name").asInt()).isEqualTo(2);
    }

    @Test
    void aParseFailureThatIsNoDuplicateSaysNothingAboutKeys() throws Exception {
        var e = org.junit.jupiter.api.Assertions.assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"a\": }"));
        assertThat(DuplicateKeys.describe(e)).isEmpty();
    }
}
