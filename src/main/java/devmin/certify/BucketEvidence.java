package devmin.certify;

import devmin.evidence.EvidencePublisher;
import devmin.live.CallLog;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Verdicts published to the evidence bucket, {@code evidence/<environment>/<stack>/<phaseDir>/<UTC>/<file>}: one
 * listing of the phase's folder (every page), then the newest verdict's exact bytes.
 */
public final class BucketEvidence implements EvidenceSource {

    private final S3Client s3;
    private final String bucket;
    private final String environment;
    private final String stack;

    public BucketEvidence(S3Client s3, String bucket, String environment, String stack) {
        this.s3 = s3;
        this.bucket = bucket;
        this.environment = environment;
        this.stack = stack;
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public Optional<Stored> newest(VerdictKind kind, String since, CallLog log) {
        String prefix = EvidencePublisher.key(environment, stack, kind.phaseDir(), "", "");
        prefix = prefix.substring(0, prefix.length() - 1);
        String folder = prefix;
        List<String> stamps = new ArrayList<>();
        for (var page : log.pages("s3:ListObjectsV2", () -> s3.listObjectsV2Paginator(b -> b.bucket(bucket)
                .prefix(folder)))) {
            page.contents().forEach(object -> {
                String rest = object.key().substring(Math.min(object.key().length(), folder.length()));
                int slash = rest.indexOf('/');
                if (object.key().startsWith(folder) && slash > 0 && rest.substring(slash + 1).equals(kind.fileName())) {
                    stamps.add(rest.substring(0, slash));
                }
            });
        }
        Optional<String> stamp = EvidenceSource.newestStamp(stamps, since);
        if (stamp.isEmpty()) {
            return Optional.empty();
        }
        String key = folder + stamp.get() + "/" + kind.fileName();
        AtomicReference<ResponseBytes<GetObjectResponse>> body = new AtomicReference<>();
        log.call("s3:GetObject", () -> {
            body.set(s3.getObject(b -> b.bucket(bucket).key(key), ResponseTransformer.toBytes()));
            return body.get().response();
        });
        return Optional.of(new Stored("s3://" + bucket + "/" + key, stamp.get(), body.get().asByteArray()));
    }
}
