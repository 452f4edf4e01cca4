package stacks.spec;

/**
 * A data-plane permission a lane declares on the evidence bucket: read or write objects under one key prefix.
 *
 * @param access READ ({@code s3:GetObject}) or WRITE ({@code s3:PutObject})
 * @param prefix the key prefix, e.g. {@code evidence/} or {@code oracle/input/}
 */
public record S3Grant(Access access, String prefix) {
    public enum Access { READ, WRITE }
}
