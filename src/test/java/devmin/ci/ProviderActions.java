package devmin.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The table of what the Pulumi AWS provider calls in AWS per resource type and operation
 * ({@code src/test/resources/devmin/ci/provider-actions.json}, sources named per entry).
 */
final class ProviderActions {

    /** What Pulumi asks the provider to do to a resource. */
    enum Operation { CREATE, READ, UPDATE, DELETE }

    private final JsonNode table;

    private ProviderActions(JsonNode table) {
        this.table = table;
    }

    static ProviderActions load() {
        try (InputStream in = ProviderActions.class.getResourceAsStream("/devmin/ci/provider-actions.json")) {
            return new ProviderActions(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The actions of one operation on a type, empty when the table does not know the type. */
    Optional<List<String>> actions(String type, Operation operation) {
        JsonNode entry = table.path("types").path(type);
        if (entry.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(texts(entry.path(operationKey(operation))));
    }

    /**
     * The actions the provider calls for one operation on one declared resource: the operation's own calls plus
     * those its source makes only for an input value (force-destroy, say), evaluated against the resource's declared
     * inputs. Empty when the table does not know the type.
     */
    Optional<List<String>> actions(String type, Operation operation, JsonNode declaredInputs) {
        Optional<List<String>> always = actions(type, operation);
        if (always.isEmpty()) {
            return always;
        }
        List<String> calls = new ArrayList<>(always.get());
        for (JsonNode conditional : table.path("types").path(type).path("when_input")) {
            boolean thisOperation = conditional.path("operation").asText().equals(operationKey(operation));
            if (thisOperation && declaredInputs.path(conditional.path("input").asText())
                    .equals(conditional.path("equals"))) {
                calls.addAll(texts(conditional.path("calls")));
            }
        }
        return Optional.of(calls);
    }

    private static String operationKey(Operation operation) {
        return operation.name().toLowerCase(java.util.Locale.ROOT);
    }

    Optional<List<String>> invoke(String token) {
        JsonNode entry = table.path("invokes").path(token);
        return entry.isMissingNode() ? Optional.empty() : Optional.of(texts(entry.path("actions")));
    }

    List<String> configure() {
        return texts(table.path("provider").path("configure"));
    }

    List<String> types() {
        List<String> types = new ArrayList<>();
        table.path("types").fieldNames().forEachRemaining(types::add);
        return types;
    }

    String source(String type) {
        return table.path("types").path(type).path("source").asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(a -> out.add(a.asText()));
        return out;
    }
}
