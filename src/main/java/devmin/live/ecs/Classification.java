package devmin.live.ecs;

import java.util.Optional;

/**
 * Why a task failed, by layer.
 *
 * @param layer   the layer the evidence points at
 * @param marker  the words that decided it, e.g. {@code AccessDenied} or {@code CannotPullContainerError}
 * @param subject what was refused or missing when the evidence names it: an ARN, an {@code s3://} path, a module, a
 *                {@code host:port}; never a line of the log itself (it could hold a secret)
 */
public record Classification(FailureLayer layer, String marker, Optional<String> subject) {

    public static Classification unclassified() {
        return new Classification(FailureLayer.UNCLASSIFIED, "", Optional.empty());
    }

    /** e.g. {@code identity (AccessDenied on arn:aws:s3:::bucket/key)}. */
    public String describe() {
        if (layer == FailureLayer.UNCLASSIFIED) {
            return "unclassified";
        }
        return layer.wireName() + " (" + marker + subject.map(s -> " on " + s).orElse("") + ")";
    }
}
