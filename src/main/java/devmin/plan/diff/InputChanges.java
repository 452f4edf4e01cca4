package devmin.plan.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import devmin.graph.PropertyPaths;
import devmin.graph.WireValues;
import devmin.plan.PlannedResource;
import devmin.plan.diff.PlanDiff.PropertyChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Comparator;
import java.util.TreeSet;

/**
 * The inputs of one resource in two plans, compared down to the changed leaves. JSON held in strings (IAM policies,
 * container definitions) is compared as JSON, so a reviewer sees {@code policy.Statement[1].Action}, not two blobs.
 * A secret is never shown: where either side is a secret the change says only that it changed.
 */
final class InputChanges {

    static final String ABSENT = "(none)";
    static final String UNKNOWN = "(known after apply)";
    private static final int SHOWN_LENGTH = 160;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<PropertyChange> changes = new ArrayList<>();

    private InputChanges() {
    }

    static List<PropertyChange> between(PlannedResource before, PlannedResource after) {
        InputChanges diff = new InputChanges();
        diff.compare("", before.inputs(), after.inputs());
        diff.secretsSetAgain(before.secretFingerprints(), after.secretFingerprints());
        return List.copyOf(diff.changes);
    }

    private void compare(String path, JsonNode a, JsonNode b) {
        if (same(a, b)) {
            return;
        }
        if (WireValues.isSecret(a) || WireValues.isSecret(b)) {
            changes.add(new PropertyChange(path, "", "", true));
        } else if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            keys.forEach(key -> compare(PropertyPaths.field(path, key), a.get(key), b.get(key)));
        } else if (a != null && b != null && a.isArray() && b.isArray()) {
            if (scalars(a) && scalars(b)) {
                compareMembers(path, a, b);
            } else {
                for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                    compare(PropertyPaths.index(path, i), a.get(i), b.get(i));
                }
            }
        } else {
            Optional<JsonNode> parsedA = embeddedJson(a);
            Optional<JsonNode> parsedB = embeddedJson(b);
            if (parsedA.isPresent() && parsedB.isPresent()) {
                compare(path, parsedA.get(), parsedB.get());
            } else {
                changes.add(new PropertyChange(path, shown(a), shown(b), false));
            }
        }
    }

    /**
     * A list of plain values (actions, ARNs, CIDRs) changes by what it holds: each item that came or went is one
     * change ({@code path[+]}, {@code path[-]}); only a change of order shows the whole lists.
     */
    private void compareMembers(String path, JsonNode a, JsonNode b) {
        List<JsonNode> before = new ArrayList<>();
        a.forEach(before::add);
        List<JsonNode> after = new ArrayList<>();
        b.forEach(after::add);
        List<JsonNode> gone = before.stream().filter(x -> after.stream().noneMatch(y -> same(x, y))).toList();
        List<JsonNode> came = after.stream().filter(y -> before.stream().noneMatch(x -> same(x, y))).toList();
        if (gone.isEmpty() && came.isEmpty()) {
            changes.add(new PropertyChange(path, shown(a), shown(b), false));
            return;
        }
        gone.forEach(x -> changes.add(new PropertyChange(path + "[-]", shown(x), ABSENT, false)));
        came.forEach(y -> changes.add(new PropertyChange(path + "[+]", ABSENT, shown(y), false)));
    }

    /** JSON equality with numbers by value: a plan writes 10 as a long, a file reads it back as an int. */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        return a.equals(BY_VALUE, b);
    }

    private static final Comparator<JsonNode> BY_VALUE = (x, y) -> {
        if (x.isNumber() && y.isNumber()) {
            return x.decimalValue().compareTo(y.decimalValue());
        }
        return x.equals(y) ? 0 : 1;
    };

    /** Equal masked values can still hide a secret that was set again: its ciphertext fingerprint tells. */
    private void secretsSetAgain(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.retainAll(after.keySet());
        for (String path : paths) {
            boolean reported = changes.stream().anyMatch(c -> c.path().equals(path));
            if (!before.get(path).equals(after.get(path)) && !reported) {
                changes.add(new PropertyChange(path, "", "", true));
            }
        }
    }

    private static boolean scalars(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    /** A string holding a JSON object or list, parsed; empty for anything else. */
    private static Optional<JsonNode> embeddedJson(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        String text = node.asText().trim();
        if (!(text.startsWith("{") && text.endsWith("}")) && !(text.startsWith("[") && text.endsWith("]"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(text));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    static String shown(JsonNode value) {
        if (value == null || value.isNull()) {
            return ABSENT;
        }
        if (WireValues.isUnknown(value)) {
            return UNKNOWN;
        }
        String text = value.toString();
        return text.length() > SHOWN_LENGTH ? text.substring(0, SHOWN_LENGTH - 1) + "…" : text;
    }
}
