package devmin.certify;

import devmin.live.CallLog;

import java.util.List;
import java.util.Optional;

/** Where verdicts are read from: the local evidence root, or the evidence bucket. */
public interface EvidenceSource {

    /** One verdict file as stored: its key and its exact bytes. */
    // Handed once from the source to FoundVerdict, which hashes the bytes itself; a Stored is never compared or hashed.
    @SuppressWarnings("ArrayRecordComponent")
    record Stored(String key, String stamp, byte[] bytes) {
    }

    /** Short name for the certificate, e.g. {@code local} or {@code s3}. */
    String name();

    /** The newest {@code kind} verdict whose run stamp is not before {@code since} (a stamp), if any. */
    Optional<Stored> newest(VerdictKind kind, String since, CallLog log);

    /** The newest of {@code stamps} not before {@code since} (run stamps sort by time: {@code yyyyMMddTHHmmssZ[-n]}). */
    static Optional<String> newestStamp(List<String> stamps, String since) {
        return stamps.stream().filter(s -> s.compareTo(since) >= 0).max(String::compareTo);
    }
}
