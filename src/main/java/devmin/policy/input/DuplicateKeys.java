package devmin.policy.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key twice in one object makes a document ambiguous: RFC 8259 (section 4) leaves it to each reader which value
 * counts, so IAM, Pulumi and devmin could each read a different document (and in a waivers file, the second
 * {@code expires} could revive an expired waiver). Every reader of devmin's inputs refuses such a document instead of
 * choosing, and says which key and where.
 */
public final class DuplicateKeys {

    private static final Pattern FIELD = Pattern.compile("Duplicate field '([^']*)'");

    private DuplicateKeys() {
    }

    /** The feature that makes a mapper refuse a tree with a repeated key (JSON and YAML alike). */
    public static final DeserializationFeature REFUSED = DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY;

    /** What a parse failure says about a repeated key, e.g. {@code the key 'Effect' appears twice … at line 3}. */
    public static Optional<String> describe(JsonProcessingException e) {
        Matcher key = FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        if (!key.find()) {
            return Optional.empty();
        }
        String line = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
        return Optional.of("the key '" + key.group(1) + "' appears twice in one object" + line
                + ", so the document is ambiguous");
    }
}
