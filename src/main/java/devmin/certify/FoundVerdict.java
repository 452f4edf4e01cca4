package devmin.certify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A verdict found as evidence, named by its key and the sha256 of its exact bytes.
 *
 * @param kind   what it is
 * @param source where it was read ({@code local}, {@code s3}, or the certificate that referenced it)
 * @param key    its evidence key
 * @param stamp  its run's UTC stamp
 * @param sha256 hex sha256 of the bytes read
 * @param json   its content, empty when it is not JSON
 * @param vouched whether it was not read but stands in as a certificate referenced it (its shape was checked when
 *                that certificate was made; only its result and provenance are carried)
 */
public record FoundVerdict(VerdictKind kind, String source, String key, String stamp, String sha256,
                           Optional<JsonNode> json, boolean vouched) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static FoundVerdict of(VerdictKind kind, String source, EvidenceSource.Stored stored) {
        Optional<JsonNode> json;
        try {
            JsonNode node = JSON.readTree(stored.bytes());
            json = node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            json = Optional.empty();
        }
        return new FoundVerdict(kind, source, stored.key(), stored.stamp(), sha256(stored.bytes()), json, false);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
