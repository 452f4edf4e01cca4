package stacks.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads typed fields of one JSON object of the config, recording a {@link SpecError} (with the field's full key path)
 * for every missing or malformed field instead of stopping at the first.
 */
final class JsonFields {

    private final JsonNode node;
    private final String path;
    private final Problems problems;

    JsonFields(JsonNode node, String path, Problems problems) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    String key(String field) {
        return path + "." + field;
    }

    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** Whether this is an object at all; anything else (a scalar, a list) has no fields to read. */
    boolean isObject() {
        return node.isObject();
    }

    /** The field's text as given, before any check ({@code Ig} for a rejected name); empty if it is not a scalar. */
    Optional<String> given(String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? Optional.of(value.asText()) : Optional.empty();
    }

    /**
     * One error for an element of a list that is not an object ({@code - ig} where {@code - {name: ig, …}} was meant),
     * instead of one per field it then lacks; the caller skips the element.
     */
    boolean rejectUnlessObject(String expected) {
        if (node.isObject()) {
            return true;
        }
        problems.invalid(path, node.isValueNode() ? node.asText() : node.toString(), expected);
        return false;
    }

    /** Unknown fields are almost always typos; naming them (and what was meant) saves a confusing default. */
    void rejectUnknown(List<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                problems.unknown(key(field), field, known, "a field of " + path);
            }
        }
    }

    /** The field's value as the config gives it, for an error message (text unquoted, anything else as JSON). */
    String shown(String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : value.toString();
    }

    Optional<String> text(String field, Pattern pattern, String expected) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() && !value.isNumber()) {
            problems.invalid(key(field), value.toString(), expected);
            return Optional.empty();
        }
        String text = value.asText();
        if (!pattern.matcher(text).matches()) {
            problems.invalid(key(field), text, expected);
            return Optional.empty();
        }
        return Optional.of(text);
    }

    String requiredText(String field, Pattern pattern, String expected) {
        if (!has(field)) {
            problems.missing(key(field), expected);
            return "";
        }
        return text(field, pattern, expected).orElse("");
    }

    String text(String field, String fallback, Pattern pattern, String expected) {
        return has(field) ? text(field, pattern, expected).orElse(fallback) : fallback;
    }

    long integer(String field, long fallback, long min, long max) {
        if (!has(field)) {
            return fallback;
        }
        return integerValue(field, min, max).orElse(fallback);
    }

    private Optional<Long> integerValue(String field, long min, long max) {
        JsonNode value = node.get(field);
        Optional<Long> parsed = asLong(value);
        if (parsed.isEmpty() || parsed.get() < min || parsed.get() > max) {
            problems.invalid(key(field), shown(field), rangeText(min, max));
            return Optional.empty();
        }
        return parsed;
    }

    Optional<BigDecimal> decimal(String field, String expected) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            problems.missing(key(field), expected);
            return Optional.empty();
        }
        return decimalValue(value, key(field), expected, problems);
    }

    boolean bool(String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"))) {
            return Boolean.parseBoolean(value.asText());
        }
        problems.invalid(key(field), value.asText(), "true or false");
        return fallback;
    }

    /** The elements of a list field; an absent field is an empty list, a non-list an error. */
    List<JsonNode> list(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            problems.invalid(key(field), value.toString(), "a list");
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    /** A list of strings each matching the pattern; malformed elements are reported with their index. */
    List<String> textList(String field, Pattern pattern, String expected) {
        List<String> out = new ArrayList<>();
        List<JsonNode> items = list(field);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String itemKey = key(field) + "[" + i + "]";
            if (!item.isTextual() || !pattern.matcher(item.asText()).matches()) {
                problems.invalid(itemKey, item.isTextual() ? item.asText() : item.toString(), expected);
            } else {
                out.add(item.asText());
            }
        }
        return out;
    }

    static Optional<Long> asLong(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Optional.of(value.longValue());
        }
        if (value.isTextual() && value.asText().matches("-?\\d{1,18}")) {
            return Optional.of(Long.parseLong(value.asText()));
        }
        return Optional.empty();
    }

    static Optional<BigDecimal> decimalValue(JsonNode value, String key, String expected, Problems problems) {
        try {
            if (value.isNumber()) {
                return Optional.of(value.decimalValue());
            }
            if (value.isTextual()) {
                return Optional.of(new BigDecimal(value.asText().trim()));
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.invalid(key, value.isTextual() ? value.asText() : value.toString(), expected);
        return Optional.empty();
    }

    private static String rangeText(long min, long max) {
        return max >= Integer.MAX_VALUE ? "a whole number >= " + min : "a whole number from " + min + " to " + max;
    }
}
