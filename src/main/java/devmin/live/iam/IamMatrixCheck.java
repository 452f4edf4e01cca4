package devmin.live.iam;

import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.aws.AwsClients;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code iam:SimulatePrincipalPolicy} for one role over the whole action × resource matrix, following pagination;
 * any allowed cell that is not expected, and any expected cell that is denied, is a blocker naming role, action and
 * resource.
 */
final class IamMatrixCheck {

    private IamMatrixCheck() {
    }

    /** The allowed cells, as the simulation reported them. */
    static Set<String> simulate(AwsClients aws, CallLog log, String roleArn, SecretSurface surface) {
        Set<String> allowed = new LinkedHashSet<>();
        for (var page : log.pages("iam:SimulatePrincipalPolicy", () -> aws.iam().simulatePrincipalPolicyPaginator(
                b -> b.policySourceArn(roleArn).actionNames(surface.actions()).resourceArns(surface.resources())))) {
            page.evaluationResults().stream()
                    .filter(r -> r.evalDecision() == PolicyEvaluationDecisionType.ALLOWED)
                    .forEach(r -> allowed.add(SecretSurface.cell(r.evalActionName(), r.evalResourceName())));
        }
        return allowed;
    }

    static CheckResult judge(String name, String roleArn, Set<String> allowed, Set<String> expected, CallLog log) {
        List<String> problems = new ArrayList<>();
        new TreeSet<>(allowed).stream().filter(c -> !expected.contains(c))
                .forEach(c -> problems.add(roleArn + " is allowed " + c));
        new TreeSet<>(expected).stream().filter(c -> !allowed.contains(c))
                .forEach(c -> problems.add(roleArn + " is denied " + c + " (its own handle)"));
        if (problems.isEmpty()) {
            return new CheckResult(name, "global", CheckStatus.PASS, allowed.size() + " allowed, exactly as expected",
                    log.calls(), List.copyOf(allowed));
        }
        return new CheckResult(name, "global", CheckStatus.BLOCKER, String.join("; ", problems), log.calls(), problems);
    }
}
