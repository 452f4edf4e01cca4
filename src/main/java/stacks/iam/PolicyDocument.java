package stacks.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An IAM policy document rendered to canonical JSON (stable key order, so previews never show spurious diffs). */
public record PolicyDocument(List<Statement> statements) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    public static PolicyDocument of(Statement... statements) {
        return new PolicyDocument(List.of(statements));
    }

    public static PolicyDocument of(List<Statement> statements) {
        return new PolicyDocument(statements);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("Version", "2012-10-17");
        ArrayNode list = root.putArray("Statement");
        for (Statement s : statements) {
            ObjectNode node = list.addObject();
            if (s.sid() != null && !s.sid().isEmpty()) {
                node.put("Sid", s.sid());
            }
            node.put("Effect", s.effect());
            if (!s.principal().isEmpty()) {
                ObjectNode principal = node.putObject("Principal");
                new TreeMap<>(s.principal()).forEach((type, ids) -> strings(principal.putArray(type), ids));
            }
            if (s.notActions().isEmpty()) {
                strings(node.putArray("Action"), s.actions());
            } else {
                strings(node.putArray("NotAction"), s.notActions());
            }
            if (!s.resources().isEmpty()) {
                strings(node.putArray("Resource"), s.resources());
            }
            if (!s.conditions().isEmpty()) {
                ObjectNode conditions = node.putObject("Condition");
                new TreeMap<>(s.conditions()).forEach((operator, keys) -> {
                    ObjectNode op = conditions.putObject(operator);
                    new TreeMap<>(keys).forEach((key, values) -> strings(op.putArray(key), values));
                });
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a policy document", e);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    static Map<String, List<String>> principal(String type, String id) {
        return Map.of(type, List.of(id));
    }
}
