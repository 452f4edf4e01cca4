package devmin.engine;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import devmin.graph.PropertyPaths;
import devmin.graph.WireValues;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Where a registration carries secrets that a plan fed in as {@link StackFiles#placeholder placeholders}, and which
 * ciphertexts they stand for. Only placeholders are read: a real secret never matches, so nothing about its value
 * leaves the wire.
 */
final class SecretFingerprints {

    private SecretFingerprints() {
    }

    /** Input path of each secret to the fingerprints of the placeholders inside it, comma-separated. */
    static Map<String, String> of(Struct inputs) {
        Map<String, String> found = new TreeMap<>();
        inputs.getFieldsMap().forEach((key, value) -> visit(PropertyPaths.field("", key), value, found));
        return found;
    }

    private static void visit(String path, Value value, Map<String, String> found) {
        if (value.hasStructValue()) {
            Map<String, Value> fields = value.getStructValue().getFieldsMap();
            if (isSecretEnvelope(fields)) {
                TreeSet<String> fingerprints = new TreeSet<>();
                collect(fields.get("value"), fingerprints);
                if (!fingerprints.isEmpty()) {
                    found.put(path, String.join(",", fingerprints));
                }
                return;
            }
            fields.forEach((key, inner) -> visit(PropertyPaths.field(path, key), inner, found));
        } else if (value.hasListValue()) {
            ListValue list = value.getListValue();
            for (int i = 0; i < list.getValuesCount(); i++) {
                visit(PropertyPaths.index(path, i), list.getValues(i), found);
            }
        }
    }

    private static boolean isSecretEnvelope(Map<String, Value> fields) {
        Value sig = fields.get(WireValues.SIG_KEY);
        if (sig == null || !sig.hasStringValue()) {
            return false;
        }
        return WireValues.SECRET_SIG.equals(sig.getStringValue())
                || (WireValues.OUTPUT_VALUE_SIG.equals(sig.getStringValue()) && fields.containsKey("secret")
                && fields.get("secret").getBoolValue());
    }

    private static void collect(Value value, Set<String> fingerprints) {
        if (value == null) {
            return;
        }
        switch (value.getKindCase()) {
            case STRING_VALUE -> {
                Matcher m = StackFiles.PLACEHOLDER.matcher(value.getStringValue());
                while (m.find()) {
                    fingerprints.add(m.group(1));
                }
            }
            case STRUCT_VALUE -> value.getStructValue().getFieldsMap().values().forEach(v -> collect(v, fingerprints));
            case LIST_VALUE -> value.getListValue().getValuesList().forEach(v -> collect(v, fingerprints));
            default -> {
            }
        }
    }
}
