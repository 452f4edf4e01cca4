package devmin.certify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import devmin.cli.CliRun;
import devmin.testing.WindowFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code devmin certify} over a local evidence root written as the window's commands write it. */
class CertifyTest {

    static final String DIGEST = WindowFixtures.spec().image().digest();
    static final String[][] OPEN = {{"plan", "plan_snapshot.json"}, {"budget", "budget_posture_snapshot.json"},
            {"preflight", "preflight_snapshot.json"}, {"iam", "secret_surface_check.json"},
            {"readiness", "readiness_snapshot.json"}};
    static final String[][] CLOSE = {{"snapshot", "pre_destroy_snapshot.json"}, {"teardown", "teardown_proof.json"}};

    @TempDir
    Path dir;
    Path project;
    Path runs;

    @BeforeEach
    void window() throws IOException {
        project = WindowFixtures.project(Files.createDirectory(dir.resolve("project")));
        runs = dir.resolve("runs");
    }

    /** A verdict of the kind whose command writes {@code file}, as that command writes one. */
    static String verdict(String file, boolean pass, String stack, String digest, String... blockers) {
        return WindowFixtures.verdict(file, pass, stack, digest, blockers);
    }

    Path write(String phase, String stamp, String file, String content) throws IOException {
        Path folder = Files.createDirectories(runs.resolve("dev_min").resolve(phase).resolve(stamp));
        return Files.writeString(folder.resolve(file), content);
    }

    /** Writes, where its command would, a verdict of the kind whose command writes {@code file}. */
    Path writeVerdict(String phase, String stamp, String file, boolean pass, String stack, String digest,
                      String... blockers) throws IOException {
        return write(phase, stamp, file, verdict(file, pass, stack, digest, blockers));
    }

    void openedAt(String stamp) throws IOException {
        for (String[] kind : OPEN) {
            write(kind[0], stamp, kind[1], verdict(kind[1], true, "dev-min", DIGEST));
        }
    }

    void closedAt(String stamp) throws IOException {
        for (String[] kind : CLOSE) {
            write(kind[0], stamp, kind[1], verdict(kind[1], true, "dev-min", DIGEST));
        }
    }

    CliRun certify(String... extra) {
        List<String> args = new ArrayList<>(List.of("certify", "--project-dir", project.toString(), "--out",
                runs.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    JsonNode certificate(String phase) throws IOException {
        try (Stream<Path> files = Files.walk(runs.resolve("dev_min").resolve("certify"))) {
            return new ObjectMapper().readTree(files.filter(f -> f.getFileName().toString().equals("certification_"
                    + phase + ".json")).findFirst().orElseThrow().toFile());
        }
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void aWindowWhoseEveryVerdictPassedForThisStackAndImageIsCertifiedNamingEachByKeyAndSha256() throws Exception {
        openedAt("20261130T120000Z");
        Path run = writeVerdict("run", "20261130T123000Z", "job_run_seed-pack.json", true, "dev-min", DIGEST);
        closedAt("20261130T140000Z");

        CliRun result = certify("--require-run", "seed-pack");

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        JsonNode verdicts = certificate("window").path("verdicts");
        assertThat(verdicts.has("plan")).isTrue();
        assertThat(verdicts.path("job-run:seed-pack").path("key").asText())
                .isEqualTo("dev_min/run/20261130T123000Z/job_run_seed-pack.json");
        assertThat(verdicts.path("job-run:seed-pack").path("sha256").asText()).isEqualTo(sha256(run));
        List<String> kinds = new ArrayList<>();
        verdicts.fieldNames().forEachRemaining(kinds::add);
        assertThat(kinds).containsExactlyInAnyOrder("plan", "budget-posture", "preflight", "verify-iam",
                "readiness", "snapshot", "teardown", "job-run:seed-pack");
    }

    @Test
    void aWindowCertificateChecksEveryOpeningAndClosingVerdictEveryJobLaneAndTheOrderAndNamesItsSources()
            throws IOException {
        openedAt("20261130T120000Z");
        closedAt("20261130T140000Z");

        CliRun result = certify();

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        JsonNode certificate = certificate("window");
        assertThat(certificate.path("checks").findValuesAsText("name")).containsExactlyInAnyOrder("plan",
                "budget-posture", "preflight", "verify-iam", "readiness", "snapshot", "teardown", "job-run:seed-pack",
                "job-run:checker", "window-order");
        assertThat(certificate.path("sources")).hasSize(1);
        assertThat(certificate.path("sources").get(0).asText()).isEqualTo("local");
    }

    @Test
    void aClosingVerdictOfTheSameRunStampAsTheLastOpeningOneBelongsToTheSameWindow() throws IOException {
        openedAt("20261130T120000Z");
        closedAt("20261130T120000Z");

        CliRun result = certify();

        assertThat(result.exitCode()).as(result.stdout()).isZero();
    }

    @Test
    void aMissingRequiredVerdictIsANamedBlocker() throws IOException {
        openedAt("20261130T120000Z");
        Files.delete(runs.resolve("dev_min/readiness/20261130T120000Z/readiness_snapshot.json"));
        closedAt("20261130T140000Z");

        CliRun result = certify();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("blocker: readiness [evidence]: missing: no readiness verdict of this"
                + " stack in local");
    }

    @Test
    void aFailedVerdictIsABlockerWithItsOwnBlockers() throws IOException {
        openedAt("20261130T120000Z");
        closedAt("20261130T140000Z");
        writeVerdict("teardown", "20261130T140000Z-1", "teardown_proof.json", false, "dev-min", DIGEST,
                "nat-gateways [eu-west-2]: NAT gateways found: nat-0a");

        CliRun result = certify();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("teardown dev_min/teardown/20261130T140000Z-1/teardown_proof.json")
                .contains("failed: nat-gateways [eu-west-2]: NAT gateways found: nat-0a");
    }

    @Test
    void aVerdictOfAnotherImageOrStackDoesNotBelongToThisWindow() throws IOException {
        openedAt("20261130T120000Z");
        closedAt("20261130T140000Z");
        String other = "sha256:" + "d".repeat(64);
        writeVerdict("readiness", "20261130T130000Z", "readiness_snapshot.json", true, "dev-min", other);
        writeVerdict("preflight", "20261130T130000Z", "preflight_snapshot.json", true, "staging", DIGEST);

        CliRun result = certify();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("was made for image " + other + ", not the pinned " + DIGEST)
                .contains("belongs to stack 'staging', not dev-min");
    }

    @Test
    void theNewestVerdictOfEachKindCounts() throws IOException {
        writeVerdict("readiness", "20261130T110000Z", "readiness_snapshot.json", false, "dev-min", DIGEST, "x");
        openedAt("20261130T120000Z");
        closedAt("20261130T140000Z");

        CliRun result = certify();

        assertThat(result.exitCode()).as(result.stdout()).isZero();
        assertThat(certificate("window").path("verdicts").path("readiness").path("stamp").asText())
                .isEqualTo("20261130T120000Z");
    }

    @Test
    void verdictsBeforeSinceAreIgnored() throws IOException {
        openedAt("20261129T120000Z");
        closedAt("20261130T140000Z");

        CliRun result = certify("--since", "2026-11-30T00:00:00Z");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("missing: no plan verdict of this stack since 20261130T000000Z");
    }

    @Test
    void aTeardownProofOlderThanTheWindowsReadinessBelongsToAnotherWindow() throws IOException {
        closedAt("20261130T100000Z");
        openedAt("20261130T120000Z");

        CliRun result = certify();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("window-order").contains("they belong to different windows");
    }

    @Test
    void aWindowCertificateTakesTheOpeningVerdictsFromAPassingOpenCertificate() throws Exception {
        openedAt("20261130T120000Z");
        CliRun open = certify("--phase", "open");
        assertThat(open.exitCode()).as(open.stdout()).isZero();
        Path plan = runs.resolve("dev_min/plan/20261130T120000Z/plan_snapshot.json");
        String planSha = sha256(plan);
        try (Stream<Path> phases = Files.list(runs.resolve("dev_min"))) {
            for (Path phase : phases.filter(p -> !p.getFileName().toString().equals("certify")).toList()) {
                deleteTree(phase);
            }
        }
        closedAt("20261130T140000Z");

        CliRun window = certify();

        assertThat(window.exitCode()).as(window.stdout()).isZero();
        JsonNode entry = certificate("window").path("verdicts").path("plan");
        assertThat(entry.path("sha256").asText()).isEqualTo(planSha);
        assertThat(entry.path("source").asText()).startsWith("via dev_min/certify/");
        assertThat(certificate("window").path("verdicts").has("certificate:open")).isTrue();
    }

    @Test
    void anOpenPhaseNeedsOnlyTheOpeningVerdicts() throws IOException {
        openedAt("20261130T120000Z");

        assertThat(certify("--phase", "open").exitCode()).isZero();
        assertThat(certify("--phase", "close").exitCode()).isEqualTo(1);
    }

    @Test
    void aRequiredRunThatDidNotHappenAndAFailedRunAreBlockers() throws IOException {
        openedAt("20261130T120000Z");
        writeVerdict("run", "20261130T123000Z", "job_run_checker.json", false, "dev-min", DIGEST,
                "job-exit [eu-west-2]: job checker failed: exit 1");
        closedAt("20261130T140000Z");

        CliRun result = certify("--require-run", "seed-pack");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("job-run:seed-pack [evidence]: missing")
                .contains("job-run:checker dev_min/run/20261130T123000Z/job_run_checker.json");
    }

    @Test
    void aFileThatIsNotAVerdictCannotBeCertified() throws IOException {
        openedAt("20261130T120000Z");
        closedAt("20261130T140000Z");
        write("iam", "20261130T130000Z", "secret_surface_check.json", "<html>Sign in</html>");

        CliRun result = certify();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).contains("is not a verdict (no boolean overall_pass)");
    }

    @Test
    void aPreflightVerdictSavedUnderTheReadinessNameIsRefusedNamingFileAndReason() throws IOException {
        openedAt("20261130T120000Z");
        write("readiness", "20261130T120000Z-1", "readiness_snapshot.json",
                verdict("preflight_snapshot.json", true, "dev-min", DIGEST));

        CliRun result = certify("--phase", "open");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).contains("readiness dev_min/readiness/20261130T120000Z-1/readiness_snapshot.json")
                .contains("refused: it is a devmin.preflight-snapshot/v1 verdict (preflight), not readiness"
                        + " (devmin.readiness/v1)");
    }

    @Test
    void aVerdictWithNoChecksIsRefused() throws IOException {
        openedAt("20261130T120000Z");
        write("iam", "20261130T120000Z-1", "secret_surface_check.json", "{\"schema\":\"devmin.secret-surface-check/v1\","
                + "\"overall_pass\":true,\"blockers\":[],\"checks\":[],\"provenance\":{\"stack\":\"dev-min\","
                + "\"image_digest\":\"" + DIGEST + "\"}}");

        CliRun result = certify("--phase", "open");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).contains("verify-iam dev_min/iam/20261130T120000Z-1/secret_surface_check.json")
                .contains("refused: it has no checks (checks empty)");
    }

    @Test
    void aPlanWhosePolicyRanNoRuleIsRefused() throws IOException {
        openedAt("20261130T120000Z");
        write("plan", "20261130T120000Z-1", "plan_snapshot.json", "{\"schema\":\"devmin.plan-snapshot/v2\","
                + "\"overall_pass\":true,\"blockers\":[],\"policy\":{\"passed_rules\":[],\"findings\":[]},"
                + "\"provenance\":{\"stack\":\"dev-min\",\"image_digest\":\"" + DIGEST + "\"}}");

        CliRun result = certify("--phase", "open");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).contains("refused: it has no checks (policy.passed_rules, policy.findings empty)");
    }

    @Test
    void aVerdictWithoutASchemaOrWithAnUnreadableOrNewerOneIsRefused() throws IOException {
        openedAt("20261130T120000Z");
        String noSchema = verdict("readiness_snapshot.json", true, "dev-min", DIGEST)
                .replace("\"schema\":\"devmin.readiness/v1\",", "");
        write("readiness", "20261130T120000Z-1", "readiness_snapshot.json", noSchema);
        write("preflight", "20261130T120000Z-1", "preflight_snapshot.json", verdict("preflight_snapshot.json", true,
                "dev-min", DIGEST).replace("devmin.preflight-snapshot/v1", "preflight v1"));
        write("budget", "20261130T120000Z-1", "budget_posture_snapshot.json", verdict("budget_posture_snapshot.json",
                true, "dev-min", DIGEST).replace("devmin.budget-posture/v1", "devmin.budget-posture/v2"));

        CliRun result = certify("--phase", "open");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).contains("refused: it has no schema (expected devmin.readiness/v1)")
                .contains("refused: it has an unreadable schema 'preflight v1' (expected"
                        + " devmin.preflight-snapshot/v1)")
                .contains("refused: it has schema version devmin.budget-posture/v2, which this certify does not read"
                        + " (it reads devmin.budget-posture/v1)");
    }

    @Test
    void aJobRunOfAnotherLaneSavedUnderThisLanesNameIsRefused() throws IOException {
        openedAt("20261130T120000Z");
        write("run", "20261130T123000Z", "job_run_seed-pack.json", verdict("job_run_checker.json", true, "dev-min",
                DIGEST));
        closedAt("20261130T140000Z");

        CliRun result = certify("--require-run", "seed-pack");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).contains("job-run:seed-pack dev_min/run/20261130T123000Z/job_run_seed-pack.json")
                .contains("refused: it is about lane 'checker', not seed-pack");
    }

    @Test
    void aVerdictThatClaimsToPassWhileACheckDidNotIsRefused() throws IOException {
        openedAt("20261130T120000Z");
        write("readiness", "20261130T120000Z-1", "readiness_snapshot.json", verdict("readiness_snapshot.json", true,
                "dev-min", DIGEST).replace("\"status\":\"pass\"", "\"status\":\"unverified\""));

        CliRun result = certify("--phase", "open");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).contains("refused: it claims overall_pass but its checks did not all pass:"
                + " the-check unverified");
    }

    @Test
    void anOpenCertificateOfAnotherPhaseSavedAsTheOpenOneIsNotTakenForIt() throws Exception {
        openedAt("20261130T120000Z");
        assertThat(certify("--phase", "open").exitCode()).isZero();
        Path open;
        try (Stream<Path> files = Files.walk(runs.resolve("dev_min/certify"))) {
            open = files.filter(f -> f.getFileName().toString().equals("certification_open.json")).findFirst()
                    .orElseThrow();
        }
        Files.writeString(open, Files.readString(open).replace("\"phase\" : \"open\"", "\"phase\" : \"close\""));
        try (Stream<Path> phases = Files.list(runs.resolve("dev_min"))) {
            for (Path phase : phases.filter(p -> !p.getFileName().toString().equals("certify")).toList()) {
                deleteTree(phase);
            }
        }
        closedAt("20261130T140000Z");

        CliRun window = certify();

        assertThat(window.exitCode()).isEqualTo(1);
        assertThat(window.stdout()).contains("missing: no plan verdict of this stack");
    }

    @Test
    void badOptionsAreRefusedNamingTheOptionAndNothingIsWritten() {
        CliRun lane = certify("--require-run", "ig");
        CliRun since = certify("--since", "yesterday");
        CliRun phase = certify("--phase", "middle");

        assertThat(lane.exitCode()).isEqualTo(2);
        assertThat(lane.stderr()).contains("--require-run: got 'ig', expected a job lane: seed-pack, checker");
        assertThat(since.stderr()).contains("--since: got 'yesterday', expected a UTC instant");
        assertThat(phase.stderr()).contains("--phase: got 'middle', expected open, close or window");
        assertThat(runs).doesNotExist();
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }


    @Test
    void anOpenCertificateWeighsNoJobRunEvenAFailedOne() throws IOException {
        openedAt("20261130T120000Z");
        writeVerdict("run", "20261130T123000Z", "job_run_checker.json", false, "dev-min", DIGEST, "job-exit: exit 1");

        CliRun result = certify("--phase", "open");

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(certificate("open").path("checks").findValuesAsText("name")).containsExactlyInAnyOrder("plan",
                "budget-posture", "preflight", "verify-iam", "readiness");
    }

    @Test
    void aFailedVerdictNamesItsFirstThreeBlockersAndSaysWhenThereAreMore() throws IOException {
        openedAt("20261130T120000Z");
        writeVerdict("readiness", "20261130T120000Z-1", "readiness_snapshot.json", false, "dev-min", DIGEST,
                "b1", "b2", "b3");
        writeVerdict("preflight", "20261130T120000Z-1", "preflight_snapshot.json", false, "dev-min", DIGEST,
                "p1", "p2", "p3", "p4");

        CliRun result = certify("--phase", "open");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("failed: b1; b2; b3").doesNotContain("b3; …")
                .contains("failed: p1; p2; p3; …").doesNotContain("p4");
    }

    @Test
    void aVerdictStampedExactlyAtSinceBelongsToTheWindow() throws IOException {
        openedAt("20261130T000000Z");

        assertThat(certify("--phase", "open", "--since", "2026-11-30T00:00:00Z").exitCode()).isZero();
    }
}
