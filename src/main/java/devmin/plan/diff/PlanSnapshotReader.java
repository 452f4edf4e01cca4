package devmin.plan.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.plan.PlannedResource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a {@code plan_snapshot.json} of schema v1 or v2. Anything it cannot interpret is an error naming the file and
 * the field, never a partial snapshot: a diff against a misread plan would report changes that did not happen.
 */
public final class PlanSnapshotReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LAYERS = List.of("core", "confluent", "demo");

    private PlanSnapshotReader() {
    }

    public static PlanSnapshot read(Path file) throws SnapshotFormatException {
        if (!Files.isRegularFile(file)) {
            throw new SnapshotFormatException(file + ": file not found (expected a plan_snapshot.json written by"
                    + " devmin plan)");
        }
        try {
            return of(JSON.readTree(file.toFile()), file.toString());
        } catch (JsonProcessingException e) {
            throw new SnapshotFormatException(file + ": not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new SnapshotFormatException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    public static PlanSnapshot of(JsonNode root, String source) throws SnapshotFormatException {
        if (root == null || !root.isObject()) {
            throw new SnapshotFormatException(source + ": expected a JSON object (a plan_snapshot.json)");
        }
        String schema = root.path("schema").asText("");
        int version = switch (schema) {
            case PlanSnapshot.V1 -> 1;
            case PlanSnapshot.V2 -> 2;
            default -> throw new SnapshotFormatException(source + ": 'schema' is '" + schema + "', expected "
                    + PlanSnapshot.V1 + " or " + PlanSnapshot.V2 + " (a plan_snapshot.json written by devmin plan)");
        };
        Fields f = new Fields(source);
        JsonNode provenance = f.object(root, "provenance");
        return new PlanSnapshot(version, source, provenance.path("stack").asText(""),
                provenance.path("git_commit").asText("unknown"), provenance.path("finished_at").asText(""),
                f.bool(root, "overall_pass"), layers(f, root), version >= 2 ? resources(f, root) : List.of(),
                findings(f, f.object(root, "policy"), "findings"), findings(f, root.path("policy"), "waived"),
                cost(f, f.object(root, "cost")));
    }

    private static Map<String, PlanSnapshot.LayerCounts> layers(Fields f, JsonNode root)
            throws SnapshotFormatException {
        Map<String, PlanSnapshot.LayerCounts> layers = new LinkedHashMap<>();
        for (JsonNode layer : f.array(root, "layers")) {
            String name = f.text(layer, "layer");
            if (!LAYERS.contains(name)) {
                throw new SnapshotFormatException(f.source + ": layers[].layer is '" + name + "', expected one of "
                        + LAYERS);
            }
            Map<String, Integer> byType = new TreeMap<>();
            f.object(layer, "by_type").fields().forEachRemaining(e -> byType.put(e.getKey(), e.getValue().asInt()));
            layers.put(name, new PlanSnapshot.LayerCounts(f.integer(layer, "resources"), f.integer(layer, "protected"),
                    byType));
        }
        return layers;
    }

    private static List<PlannedResource> resources(Fields f, JsonNode root) throws SnapshotFormatException {
        List<PlannedResource> resources = new ArrayList<>();
        for (JsonNode r : f.array(root, "resources")) {
            List<String> dependencies = new ArrayList<>();
            f.array(r, "dependencies").forEach(d -> dependencies.add(d.asText()));
            Map<String, String> fingerprints = new TreeMap<>();
            r.path("secret_fingerprints").fields().forEachRemaining(e -> fingerprints.put(e.getKey(),
                    e.getValue().asText()));
            resources.add(new PlannedResource(f.text(r, "urn"), f.text(r, "type"), f.text(r, "name"),
                    f.text(r, "layer"), f.bool(r, "custom"), f.bool(r, "protect"), r.path("parent").asText(""),
                    r.path("provider").asText(""), dependencies, (ObjectNode) f.object(r, "inputs"), fingerprints));
        }
        return resources;
    }

    private static List<PlanSnapshot.FindingRef> findings(Fields f, JsonNode policy, String field)
            throws SnapshotFormatException {
        List<PlanSnapshot.FindingRef> findings = new ArrayList<>();
        if (policy.path(field).isMissingNode() && field.equals("waived")) {
            return findings;
        }
        for (JsonNode finding : f.array(policy, field)) {
            findings.add(new PlanSnapshot.FindingRef(f.text(finding, "rule_id"), finding.path("enforcement").asText(""),
                    f.text(finding, "urn"), finding.path("message").asText("")));
        }
        return findings;
    }

    private static PlanSnapshot.CostFigures cost(Fields f, JsonNode cost) throws SnapshotFormatException {
        if (!f.bool(cost, "available")) {
            return PlanSnapshot.CostFigures.unavailable(cost.path("reason").asText("no estimate"));
        }
        return new PlanSnapshot.CostFigures(true, "", f.text(cost, "currency"), f.number(cost, "idle_monthly"),
                f.number(cost, "window_hourly"), f.number(cost, "window_hours_per_month"),
                f.number(cost, "monthly_total"));
    }

    /** Typed access that names the missing or mistyped field. */
    private record Fields(String source) {

        JsonNode object(JsonNode parent, String field) throws SnapshotFormatException {
            JsonNode node = parent.path(field);
            if (!node.isObject()) {
                throw wrong(field, "an object");
            }
            return node;
        }

        Iterable<JsonNode> array(JsonNode parent, String field) throws SnapshotFormatException {
            JsonNode node = parent.path(field);
            if (!node.isArray()) {
                throw wrong(field, "a list");
            }
            return node;
        }

        String text(JsonNode parent, String field) throws SnapshotFormatException {
            JsonNode node = parent.path(field);
            if (!node.isTextual()) {
                throw wrong(field, "a string");
            }
            return node.asText();
        }

        boolean bool(JsonNode parent, String field) throws SnapshotFormatException {
            JsonNode node = parent.path(field);
            if (!node.isBoolean()) {
                throw wrong(field, "true or false");
            }
            return node.asBoolean();
        }

        int integer(JsonNode parent, String field) throws SnapshotFormatException {
            JsonNode node = parent.path(field);
            if (!node.isIntegralNumber()) {
                throw wrong(field, "a whole number");
            }
            return node.asInt();
        }

        double number(JsonNode parent, String field) throws SnapshotFormatException {
            JsonNode node = parent.path(field);
            if (!node.isNumber()) {
                throw wrong(field, "a number");
            }
            return node.asDouble();
        }

        private SnapshotFormatException wrong(String field, String expected) {
            return new SnapshotFormatException(source + ": '" + field + "' is missing or not " + expected
                    + " (not a plan_snapshot.json written by devmin plan?)");
        }
    }
}
