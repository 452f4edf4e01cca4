package devmin.analyzer;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

/** The JSON schema of the {@code waivers-are-valid} policy's config: a list of waivers. */
final class WaiverSchema {

    static final Struct PROPERTIES = Struct.newBuilder().putFields("waivers", object(
            "type", text("array"),
            "items", object("type", text("object"),
                    "required", list("rule", "resource", "reason", "owner", "expires"),
                    "properties", object(
                            "rule", object("type", text("string")),
                            "resource", object("type", text("string")),
                            "reason", object("type", text("string"), "minLength", Value.newBuilder().setNumberValue(20).build()),
                            "owner", object("type", text("string")),
                            "expires", object("type", text("string"), "format", text("date")))))).build();

    private WaiverSchema() {
    }

    private static Value text(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    private static Value list(String... items) {
        ListValue.Builder list = ListValue.newBuilder();
        for (String item : items) {
            list.addValues(text(item));
        }
        return Value.newBuilder().setListValue(list).build();
    }

    private static Value object(Object... keysAndValues) {
        Struct.Builder struct = Struct.newBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            struct.putFields((String) keysAndValues[i], (Value) keysAndValues[i + 1]);
        }
        return Value.newBuilder().setStructValue(struct).build();
    }
}
