package devmin.certify;

import java.util.List;

/**
 * A kind of phase verdict and where its command writes it: {@code <environment>/<phaseDir>/<UTC>/<fileName>} locally,
 * {@code evidence/<environment>/<stack>/<phaseDir>/<UTC>/<fileName>} in the evidence bucket.
 *
 * @param name     as the certificate names it, e.g. {@code readiness} or {@code job-run:seed-pack}
 * @param phaseDir the folder its command writes to
 * @param fileName the verdict's file
 */
public record VerdictKind(String name, String phaseDir, String fileName) {

    public static final VerdictKind PLAN = new VerdictKind("plan", "plan", "plan_snapshot.json");
    public static final VerdictKind PREFLIGHT = new VerdictKind("preflight", "preflight", "preflight_snapshot.json");
    public static final VerdictKind BUDGET_POSTURE = new VerdictKind("budget-posture", "budget",
            "budget_posture_snapshot.json");
    public static final VerdictKind VERIFY_IAM = new VerdictKind("verify-iam", "iam", "secret_surface_check.json");
    public static final VerdictKind READINESS = new VerdictKind("readiness", "readiness", "readiness_snapshot.json");
    public static final VerdictKind SNAPSHOT = new VerdictKind("snapshot", "snapshot", "pre_destroy_snapshot.json");
    public static final VerdictKind TEARDOWN = new VerdictKind("teardown", "teardown", "teardown_proof.json");

    /** The phase verdicts of opening a window, in the order the window runs them. */
    public static final List<VerdictKind> OPEN = List.of(PLAN, BUDGET_POSTURE, PREFLIGHT, VERIFY_IAM, READINESS);
    /** The phase verdicts of closing one. */
    public static final List<VerdictKind> CLOSE = List.of(SNAPSHOT, TEARDOWN);

    /** The verdict of {@code devmin run <lane>}. */
    public static VerdictKind jobRun(String lane) {
        return new VerdictKind("job-run:" + lane, "run", "job_run_" + lane + ".json");
    }

    /** The certificate of a phase, itself evidence ({@code devmin certify --phase <phase>}). */
    public static VerdictKind certificate(CertifyPhase phase) {
        return new VerdictKind("certificate:" + phase.wireName(), "certify", "certification_" + phase.wireName()
                + ".json");
    }
}
