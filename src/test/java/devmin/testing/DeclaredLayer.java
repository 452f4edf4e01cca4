package devmin.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import devmin.engine.EngineRun;
import devmin.graph.DeclaredResource;
import devmin.graph.StackGraph;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One layer of the committed stack as the program declares it under the Pulumi mock engine: the whole graph, the
 * layer's resources and the parsed spec, with the lookups the layer tests share.
 */
public record DeclaredLayer(StackGraph graph, List<DeclaredResource> resources, EnvironmentSpec spec) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The committed stack's layer {@code core}, {@code confluent} or {@code demo}; fails if the program fails. */
    public static DeclaredLayer committed(String layer) {
        EngineRun run = Fixtures.preview(Fixtures.committedConfig());
        if (!run.succeeded()) {
            throw new IllegalStateException("program errors: " + run.errors());
        }
        StackGraph graph = run.graph();
        return new DeclaredLayer(graph, graph.resources().stream()
                .filter(r -> graph.layerOf(r).orElse("").equals(layer)).toList(),
                SpecParser.parse(ConfigSource.of(Fixtures.committedConfig().values()), "devmin", "dev-min"));
    }

    /** The layer's resources of one type token. */
    public List<DeclaredResource> all(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The layer's resource of one type and logical name. */
    public DeclaredResource named(String type, String name) {
        return all(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    /** A JSON document held in a string input (a policy, container definitions). */
    public static JsonNode json(JsonNode text) {
        try {
            return JSON.readTree(text.asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
