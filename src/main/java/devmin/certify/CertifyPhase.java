package devmin.certify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a certificate covers: opening a window, closing it, or the whole window. */
public enum CertifyPhase {
    OPEN, CLOSE, WINDOW;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdicts this phase requires, besides job runs. */
    public List<VerdictKind> required() {
        List<VerdictKind> kinds = new ArrayList<>();
        if (this != CLOSE) {
            kinds.addAll(VerdictKind.OPEN);
        }
        if (this != OPEN) {
            kinds.addAll(VerdictKind.CLOSE);
        }
        return kinds;
    }

    /** Whether job runs belong to this phase (they happen while the window is open, after readiness). */
    public boolean coversJobRuns() {
        return this == WINDOW;
    }
}
