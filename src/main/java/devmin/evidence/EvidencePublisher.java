package devmin.evidence;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.util.Optional;

import java.nio.charset.StandardCharsets;

/**
 * Mirrors evidence to the evidence bucket, append-only: every object is written with {@code If-None-Match: *}, so an
 * existing key is an error and never an overwrite.
 */
public final class EvidencePublisher {

    /** The object was not (provably) written. */
    public static class NotPublishedException extends Exception {
        public NotPublishedException(String message) {
            super(message);
        }
    }

    /** The key already exists in the bucket; nothing was written. */
    public static final class EvidenceExistsException extends NotPublishedException {
        public EvidenceExistsException(String message) {
            super(message);
        }
    }

    private final S3Client s3;
    private final String bucket;

    public EvidencePublisher(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** {@code evidence/<environment>/<stack>/<phase>/<UTC>/<file>}. */
    public static String key(String environment, String stack, String phase, String stamp, String file) {
        return "evidence/" + environment + "/" + stack + "/" + phase + "/" + stamp + "/" + file;
    }

    /**
     * @throws EvidenceExistsException when the key exists
     * @throws NotPublishedException   when the answer is not S3's (no ETag): nothing proves the object was stored
     */
    public void publish(String key, String content, String contentType) throws NotPublishedException {
        try {
            PutObjectResponse stored = s3.putObject(b -> b.bucket(bucket).key(key).ifNoneMatch("*")
                    .contentType(contentType), RequestBody.fromString(content, StandardCharsets.UTF_8));
            Optional<String> problem = ResultMembers.problem(stored);
            if (problem.isPresent()) {
                throw new NotPublishedException("s3://" + bucket + "/" + key + ": " + problem.get());
            }
        } catch (AwsServiceException e) {
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                throw new EvidenceExistsException("s3://" + bucket + "/" + key + " already exists; evidence is never"
                        + " overwritten");
            }
            throw e;
        }
    }
}
