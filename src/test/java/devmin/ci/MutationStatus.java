package devmin.ci;

import java.util.Arrays;
import java.util.Optional;

/**
 * What PIT says happened to one mutant ({@code status} in {@code mutations.xml}; PIT's {@code DetectionStatus}).
 * Only a test that failed, timed out or ran out of memory under the mutant detects it. A mutant PIT could not run
 * (RUN_ERROR: the minion or the test environment broke; NON_VIABLE: the mutated class did not load; NOT_STARTED or
 * STARTED: the run ended before it) proves nothing either way, so it fails the gate instead of counting for or
 * against a group: a broken test environment must never raise a score.
 */
enum MutationStatus {
    KILLED(Verdict.DETECTED),
    TIMED_OUT(Verdict.DETECTED),
    MEMORY_ERROR(Verdict.DETECTED),
    SURVIVED(Verdict.UNDETECTED),
    NO_COVERAGE(Verdict.UNDETECTED),
    RUN_ERROR(Verdict.NOT_ANALYSED),
    NON_VIABLE(Verdict.NOT_ANALYSED),
    NOT_STARTED(Verdict.NOT_ANALYSED),
    STARTED(Verdict.NOT_ANALYSED);

    /** How a status counts in a group's score. */
    enum Verdict { DETECTED, UNDETECTED, NOT_ANALYSED }

    private final Verdict verdict;

    MutationStatus(Verdict verdict) {
        this.verdict = verdict;
    }

    Verdict verdict() {
        return verdict;
    }

    /** The status PIT wrote, or empty for a word PIT does not use (read as a failure by the caller). */
    static Optional<MutationStatus> of(String word) {
        return Arrays.stream(values()).filter(s -> s.name().equals(word)).findFirst();
    }
}
