package devmin.certify;

import devmin.live.budget.BudgetPosture;
import devmin.live.iam.VerifyIam;
import devmin.live.preflight.Preflight;
import devmin.live.readiness.Readiness;
import devmin.live.run.JobRun;
import devmin.live.teardown.TeardownProof;
import devmin.plan.Plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kind of phase verdict, where its command writes it ({@code <environment>/<phaseDir>/<UTC>/<fileName>} locally,
 * {@code evidence/<environment>/<stack>/<phaseDir>/<UTC>/<fileName>} in the evidence bucket), and what a verdict of
 * the kind says about itself: its schema, the fields naming what it is about, and where its checks are.
 *
 * @param name     as the certificate names it, e.g. {@code readiness} or {@code job-run:seed-pack}
 * @param phaseDir the folder its command writes to
 * @param fileName the verdict's file
 * @param schema   the schema id its command writes, {@code devmin.<name>/v<version>}
 * @param claims   top-level fields and the values a verdict of this kind carries, e.g. {@code lane} of a job run
 * @param checksAt JSON pointers of the arrays that list what it checked (at least one entry in all of them together)
 */
public record VerdictKind(String name, String phaseDir, String fileName, String schema, Map<String, String> claims,
                          List<String> checksAt) {

    /** Where a live command's verdict lists its checks ({@link devmin.live.Verdict}). */
    static final List<String> VERDICT_CHECKS = List.of("/checks");

    public VerdictKind {
        claims = Map.copyOf(claims);
        checksAt = List.copyOf(checksAt);
    }

    private static VerdictKind verdict(String name, String phaseDir, String fileName, String schema) {
        return new VerdictKind(name, phaseDir, fileName, schema, Map.of(), VERDICT_CHECKS);
    }

    /** The plan's checks are its policy rules: those that passed and those that found something. */
    public static final VerdictKind PLAN = new VerdictKind("plan", "plan", "plan_snapshot.json", Plan.SCHEMA, Map.of(),
            List.of("/policy/passed_rules", "/policy/findings"));
    public static final VerdictKind PREFLIGHT = verdict("preflight", "preflight", "preflight_snapshot.json",
            Preflight.SCHEMA);
    public static final VerdictKind BUDGET_POSTURE = verdict("budget-posture", "budget",
            "budget_posture_snapshot.json", BudgetPosture.SCHEMA);
    public static final VerdictKind VERIFY_IAM = verdict("verify-iam", "iam", "secret_surface_check.json",
            VerifyIam.SCHEMA);
    public static final VerdictKind READINESS = verdict("readiness", "readiness", "readiness_snapshot.json",
            Readiness.SCHEMA);
    public static final VerdictKind SNAPSHOT = verdict("snapshot", "snapshot", "pre_destroy_snapshot.json",
            TeardownProof.SNAPSHOT_SCHEMA);
    public static final VerdictKind TEARDOWN = verdict("teardown", "teardown", "teardown_proof.json",
            TeardownProof.SCHEMA);

    /** The phase verdicts of opening a window, in the order the window runs them. */
    public static final List<VerdictKind> OPEN = List.of(PLAN, BUDGET_POSTURE, PREFLIGHT, VERIFY_IAM, READINESS);
    /** The phase verdicts of closing one. */
    public static final List<VerdictKind> CLOSE = List.of(SNAPSHOT, TEARDOWN);

    /** The verdict of {@code devmin run <lane>}: a run of that lane. */
    public static VerdictKind jobRun(String lane) {
        return new VerdictKind("job-run:" + lane, "run", "job_run_" + lane + ".json", JobRun.SCHEMA,
                Map.of("lane", lane), VERDICT_CHECKS);
    }

    /** The certificate of a phase, itself evidence ({@code devmin certify --phase <phase>}). */
    public static VerdictKind certificate(CertifyPhase phase) {
        return new VerdictKind("certificate:" + phase.wireName(), "certify", "certification_" + phase.wireName()
                + ".json", Certification.SCHEMA, Map.of("phase", phase.wireName()), VERDICT_CHECKS);
    }

    /** Which kind's command writes schemas named {@code schemaName}, to say what a wrong file is. */
    static Optional<String> writing(String schemaName) {
        List<VerdictKind> named = new java.util.ArrayList<>(OPEN);
        named.addAll(CLOSE);
        named.add(new VerdictKind("job-run", "run", "", JobRun.SCHEMA, Map.of(), VERDICT_CHECKS));
        named.add(new VerdictKind("certificate", "certify", "", Certification.SCHEMA, Map.of(), VERDICT_CHECKS));
        return named.stream().filter(k -> SchemaId.parse(k.schema()).map(SchemaId::name).orElse("")
                .equals(schemaName)).map(VerdictKind::name).findFirst();
    }
}
