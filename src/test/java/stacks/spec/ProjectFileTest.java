package stacks.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import devmin.engine.StackConfig;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static devmin.testing.Fixtures.committedConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pulumi.yaml documents the devmin keys, runs the prebuilt jar, and passes the rules the Pulumi CLI applies to it
 * before any program runs (pulumi/pulumi {@code sdk/go/common/workspace/project.go} {@code Project.Validate} and
 * {@code pkg/workspace/config.go}; the real-engine suite runs the CLI itself on this file).
 */
class ProjectFileTest {

    /** Read only when the database is enabled: no declaration can say so, and a declared key is required. */
    static final Set<String> UNDECLARED_CONDITIONAL_SECRETS = Set.of(ConfigKeys.DB_USER, ConfigKeys.DB_PASSWORD);

    static JsonNode project() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(new File("Pulumi.yaml"));
    }

    static Map<String, JsonNode> declarations() throws Exception {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        project().get("config").fields().forEachRemaining(e -> out.put("devmin:" + e.getKey(), e.getValue()));
        return out;
    }

    @Test
    void everyDevminKeyTheProgramReadsIsDeclaredWithADescription() throws Exception {
        Map<String, JsonNode> declared = declarations();
        for (String key : ConfigKeys.ALL) {
            if (!key.startsWith("devmin:") || UNDECLARED_CONDITIONAL_SECRETS.contains(key)) {
                continue; // other namespaces (aws:region) cannot be declared in a project's config
            }
            assertThat(declared).as(key).containsKey(key);
            assertThat(declared.get(key).path("description").asText()).as(key + " description").isNotBlank();
        }
    }

    @Test
    void theCliAcceptsEveryDeclaration() throws Exception {
        declarations().forEach((key, declaration) -> {
            if (declaration.path("type").asText().equals("array")) {
                assertThat(declaration.has("items")).as(key + ": an array type needs 'items'").isTrue();
            }
            assertThat(declaration.has("default") && declaration.has("value"))
                    .as(key + ": a default and a value together").isFalse();
        });
    }

    /** The CLI refuses a stack that lacks a declared key without a default: only keys every stack needs may be so. */
    @Test
    void onlyKeysTheProgramAlwaysRequiresAreDeclaredWithoutADefault() throws Exception {
        List<String> optionalButRequiredByTheCli = new ArrayList<>();
        declarations().forEach((key, declaration) -> {
            if (declaration.has("default")) {
                return;
            }
            StackConfig without = committedConfig().without(key);
            try {
                SpecParser.parse(ConfigSource.of(without.values(), without.secretKeys()), "devmin", "dev-min");
                optionalButRequiredByTheCli.add(key);
            } catch (InvalidSpecException e) {
                assertThat(e.errors()).as(key).anySatisfy(error -> assertThat(error.key()).startsWith(key));
            }
        });
        assertThat(optionalButRequiredByTheCli).isEmpty();
    }

    @Test
    void theConditionalSecretsAreNotDeclaredButTheDatabaseDocumentsThem() throws Exception {
        Map<String, JsonNode> declared = declarations();
        assertThat(declared).doesNotContainKeys(UNDECLARED_CONDITIONAL_SECRETS.toArray(String[]::new));
        assertThat(declared.get(ConfigKeys.DATABASE).path("description").asText())
                .contains(ConfigKeys.DB_USER).contains(ConfigKeys.DB_PASSWORD);
    }

    @Test
    void theRuntimeIsThePrebuiltJar() throws Exception {
        JsonNode project = project();
        assertThat(project.get("name").asText()).isEqualTo("devmin");
        assertThat(project.at("/runtime/name").asText()).isEqualTo("java");
        assertThat(project.at("/runtime/options/binary").asText()).isEqualTo("target/devmin.jar");
    }

    /**
     * The CLI loads PulumiPolicy.yaml beside an executable pack and refuses it without a runtime; given the directory,
     * it asks the Java language host to run {@code use-executor}, the launcher beside it (RehearseIT runs it).
     */
    @Test
    void thePolicyPackProjectHasARuntime() throws Exception {
        JsonNode pack = new ObjectMapper(new YAMLFactory()).readTree(new File("policies/PulumiPolicy.yaml"));
        assertThat(pack.at("/runtime/name").asText()).isEqualTo("java");
        String launcher = pack.at("/runtime/options/use-executor").asText();
        assertThat(launcher).contains("mvn");
        assertThat(new File("policies", launcher)).canRead();
        assertThat(new File("policies", launcher).canExecute()).isTrue();
        assertThat(pack.path("name").asText()).isNotBlank();
    }
}
