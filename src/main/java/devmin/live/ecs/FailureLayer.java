package devmin.live.ecs;

/**
 * Where a task failure lives, so the fix is looked for in the right place: the image (artifact), the rights
 * (identity), the connections (wiring), or the platform's capacity. Anything else is the application's own failure.
 */
public enum FailureLayer {
    /** The image could not be pulled or started, or lacks something it needs (CannotPull, a missing module, exit 127). */
    ARTIFACT,
    /** A principal was refused: AccessDenied on an SSM, S3 or ECR path, an expired token, a refused Kafka login. */
    IDENTITY,
    /** Something it connects to is not where it looks: connection refused, unknown host, a network timeout. */
    WIRING,
    /** The platform had no room or took it back: Spot interruption, no capacity, out of memory. */
    CAPACITY,
    /** A failure none of the above explains (the application's own exit). */
    UNCLASSIFIED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
