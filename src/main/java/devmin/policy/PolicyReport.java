package devmin.policy;

import java.util.List;

/**
 * The result of evaluating a stack: findings that count, findings a waiver covered, rules that passed, and the
 * waivers used.
 *
 * @param pack               rule pack name and version
 * @param evaluatedResources how many resource views were checked
 * @param findings           findings that were not waived (including waiver errors)
 * @param waived             findings a valid waiver covered
 * @param passedRules        ids of enabled rules with no finding
 * @param waiversUsed        waivers that covered at least one finding
 */
public record PolicyReport(String pack, int evaluatedResources, List<Finding> findings, List<WaivedFinding> waived,
                           List<String> passedRules, List<Waiver> waiversUsed) {

    public static final String SCHEMA = "devmin.policy-report/v1";

    public record WaivedFinding(Finding finding, Waiver waiver) {
    }

    public PolicyReport {
        findings = List.copyOf(findings);
        waived = List.copyOf(waived);
        passedRules = List.copyOf(passedRules);
        waiversUsed = List.copyOf(waiversUsed);
    }

    public List<Finding> mandatory() {
        return findings.stream().filter(Finding::isMandatory).toList();
    }

    public boolean passes() {
        return mandatory().isEmpty();
    }
}
