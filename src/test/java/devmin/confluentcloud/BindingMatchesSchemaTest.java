package devmin.confluentcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written binding against the provider's schema (a copy of the facts in src/test/resources): every type
 * token, every input and output wire name, every required input and every secret flag. A misspelled or extra property
 * fails here before it fails in a real {@code pulumi up}.
 */
class BindingMatchesSchemaTest {

    private static final JsonNode SCHEMA = load();

    private static JsonNode load() {
        try (InputStream in = BindingMatchesSchemaTest.class.getResourceAsStream("/confluentcloud-schema-subset.json")) {
            return new ObjectMapper().readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Class<?>> resources() {
        return Stream.of(Environment.class, KafkaCluster.class, ServiceAccount.class, RoleBinding.class, ApiKey.class,
                KafkaTopic.class, KafkaAcl.class);
    }

    private static JsonNode schemaOf(Class<?> resource) {
        String token = resource.getAnnotation(ResourceType.class).type();
        JsonNode node = SCHEMA.at("/resources").get(token);
        assertThat(node).as("schema has " + token).isNotNull();
        return node;
    }

    private static Class<?> argsOf(Class<?> resource) {
        return Stream.of(resource.getDeclaredClasses()).filter(c -> c.getSimpleName().equals("Args")).findFirst()
                .orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void typeTokenAndTypeConstantAgree(Class<?> resource) throws Exception {
        String token = resource.getAnnotation(ResourceType.class).type();
        assertThat(resource.getField("TYPE").get(null)).isEqualTo(token);
        assertThat(schemaOf(resource).get("typeToken").asText()).isEqualTo(token);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void everyBoundInputIsASchemaInputAndRequiredOnesAreBound(Class<?> resource) {
        JsonNode schema = schemaOf(resource);
        Set<String> bound = new HashSet<>();
        for (Field field : argsOf(resource).getDeclaredFields()) {
            Import imp = field.getAnnotation(Import.class);
            if (imp == null) {
                continue;
            }
            bound.add(imp.name());
            assertThat(schema.get("inputProperties").has(imp.name())).as(resource.getSimpleName() + " input "
                    + imp.name()).isTrue();
            boolean requiredInSchema = contains(schema.get("requiredInputs"), imp.name());
            assertThat(imp.required()).as(resource.getSimpleName() + " required " + imp.name())
                    .isEqualTo(requiredInSchema);
            checkNested(field, schema.get("inputProperties").get(imp.name()), resource.getSimpleName() + "." + imp.name());
        }
        schema.get("requiredInputs").forEach(required -> assertThat(bound).as(resource.getSimpleName()
                + " binds required input").contains(required.asText()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void everyBoundOutputIsASchemaOutput(Class<?> resource) {
        JsonNode properties = schemaOf(resource).get("properties");
        for (Field field : resource.getDeclaredFields()) {
            Export export = field.getAnnotation(Export.class);
            if (export != null) {
                assertThat(properties.has(export.name())).as(resource.getSimpleName() + " output " + export.name())
                        .isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void secretOutputsAreExactlyTheSchemasSecrets(Class<?> resource) throws Exception {
        JsonNode schema = schemaOf(resource);
        List<String> expected = new ArrayList<>();
        schema.path("javaAdditionalSecretOutputs").forEach(n -> expected.add(n.asText()));
        @SuppressWarnings("unchecked")
        List<String> declared = (List<String>) resource.getField("SECRET_OUTPUTS").get(null);
        assertThat(declared).containsExactlyInAnyOrderElementsOf(expected);
        schema.get("properties").fields().forEachRemaining(p -> {
            if (p.getValue().path("secret").asBoolean(false)) {
                assertThat(declared).as(resource.getSimpleName() + " secret " + p.getKey()).contains(p.getKey());
            }
        });
    }

    @Test
    void providerTokenSecretsAndInputsMatch() {
        JsonNode provider = SCHEMA.get("provider");
        assertThat(provider.get("typeToken").asText()).isEqualTo("pulumi:providers:" + ConfluentPackage.NAME);
        List<String> expected = new ArrayList<>();
        provider.get("javaAdditionalSecretOutputs").forEach(n -> expected.add(n.asText()));
        assertThat(Provider.SECRET_OUTPUTS).containsExactlyInAnyOrderElementsOf(expected);
        for (Field field : Provider.Args.class.getDeclaredFields()) {
            Import imp = field.getAnnotation(Import.class);
            if (imp != null) {
                assertThat(provider.get("inputProperties").has(imp.name())).as("provider input " + imp.name()).isTrue();
                assertThat(provider.at("/inputProperties/" + imp.name() + "/secret").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void pluginDeclarationNamesTheProviderAndPinnedVersion() throws Exception {
        try (InputStream plugin = getClass().getResourceAsStream("/com/devmin/confluentcloud/plugin.json");
             InputStream version = getClass().getResourceAsStream("/com/devmin/confluentcloud/version.txt")) {
            JsonNode json = new ObjectMapper().readTree(plugin);
            assertThat(json.get("resource").asBoolean()).isTrue();
            assertThat(json.get("name").asText()).isEqualTo("confluentcloud");
            assertThat(json.get("version").asText()).isEqualTo(SCHEMA.at("/source/providerVersion").asText());
            assertThat(new String(version.readAllBytes(), StandardCharsets.UTF_8).trim())
                    .isEqualTo(ConfluentPackage.VERSION);
        }
    }

    /** A nested input object: every field it binds must exist in the referenced schema type. */
    private static void checkNested(Field field, JsonNode property, String where) {
        Class<?> nested = nestedArgsType(field.getGenericType());
        if (nested == null || !property.has("$ref")) {
            return;
        }
        String ref = property.get("$ref").asText().replace("#/types/", "");
        JsonNode type = SCHEMA.get("types").get(ref);
        assertThat(type).as(where + " type " + ref).isNotNull();
        for (Field f : nested.getDeclaredFields()) {
            Import imp = f.getAnnotation(Import.class);
            if (imp != null) {
                assertThat(type.get("properties").has(imp.name())).as(where + "." + imp.name()).isTrue();
                checkNested(f, type.get("properties").get(imp.name()), where + "." + imp.name());
            }
        }
    }

    private static Class<?> nestedArgsType(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == Output.class
                && p.getActualTypeArguments()[0] instanceof Class<?> c && c.getEnclosingClass() == Refs.class) {
            return c;
        }
        return null;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
