package devmin.live.iam;

import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.aws.AwsClients;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.ResourceSpecificResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code iam:SimulatePrincipalPolicy} for one role over the whole action × resource matrix, following pagination.
 * The simulation must evaluate every cell asked exactly once: IAM answers one result per action with a decision per
 * resource in {@code ResourceSpecificResults} (earlier, one result per action and resource); a cell missing, evaluated
 * twice, not asked for, or with a decision devmin cannot read leaves the role unverified. Otherwise any allowed cell
 * that is not expected, and any expected cell that is denied, is a blocker naming role, action and resource.
 */
final class IamMatrixCheck {

    /** How often each cell was evaluated, and the cells IAM allowed. */
    record Simulation(Map<String, Integer> evaluations, Set<String> allowed, List<String> unreadable) {
    }

    private IamMatrixCheck() {
    }

    static Simulation simulate(AwsClients aws, CallLog log, String roleArn, SecretSurface surface) {
        Map<String, Integer> evaluations = new LinkedHashMap<>();
        Set<String> allowed = new LinkedHashSet<>();
        List<String> unreadable = new ArrayList<>();
        for (var page : log.pages("iam:SimulatePrincipalPolicy", () -> aws.iam().simulatePrincipalPolicyPaginator(
                b -> b.policySourceArn(roleArn).actionNames(surface.actions()).resourceArns(surface.resources())))) {
            for (EvaluationResult result : page.evaluationResults()) {
                if (result.hasResourceSpecificResults() && !result.resourceSpecificResults().isEmpty()) {
                    for (ResourceSpecificResult specific : result.resourceSpecificResults()) {
                        count(SecretSurface.cell(result.evalActionName(), specific.evalResourceName()),
                                specific.evalResourceDecision(), evaluations, allowed, unreadable);
                    }
                } else {
                    count(SecretSurface.cell(result.evalActionName(), result.evalResourceName()),
                            result.evalDecision(), evaluations, allowed, unreadable);
                }
            }
        }
        return new Simulation(evaluations, allowed, unreadable);
    }

    private static void count(String cell, PolicyEvaluationDecisionType decision, Map<String, Integer> evaluations,
                              Set<String> allowed, List<String> unreadable) {
        evaluations.merge(cell, 1, Integer::sum);
        if (decision == PolicyEvaluationDecisionType.ALLOWED) {
            allowed.add(cell);
        } else if (decision != PolicyEvaluationDecisionType.IMPLICIT_DENY
                && decision != PolicyEvaluationDecisionType.EXPLICIT_DENY) {
            unreadable.add(cell + " (decision " + decision + ")");
        }
    }

    /** Every asked cell evaluated exactly once, nothing else evaluated: the problems, empty when complete. */
    static List<String> incompleteness(Simulation simulation, SecretSurface surface) {
        Set<String> asked = surface.cells();
        List<String> problems = new ArrayList<>();
        new TreeSet<>(asked).stream().filter(c -> !simulation.evaluations().containsKey(c))
                .forEach(c -> problems.add("not evaluated: " + c));
        new TreeSet<>(simulation.evaluations().keySet()).stream().filter(c -> simulation.evaluations().get(c) > 1)
                .forEach(c -> problems.add("evaluated " + simulation.evaluations().get(c) + " times: " + c));
        new TreeSet<>(simulation.evaluations().keySet()).stream().filter(c -> !asked.contains(c))
                .forEach(c -> problems.add("evaluated but never asked: " + c));
        simulation.unreadable().forEach(c -> problems.add("unreadable decision: " + c));
        return problems;
    }

    static CheckResult judge(String name, String roleArn, Simulation simulation, Set<String> expected,
                             SecretSurface surface, CallLog log) {
        List<String> incomplete = incompleteness(simulation, surface);
        if (!incomplete.isEmpty()) {
            return log.unverified(name, "global", "the simulation of " + roleArn + " does not prove the "
                    + surface.cells().size() + "-cell matrix: " + incomplete.size() + " problem(s), first: "
                    + incomplete.get(0), incomplete);
        }
        Set<String> allowed = simulation.allowed();
        List<String> problems = new ArrayList<>();
        new TreeSet<>(allowed).stream().filter(c -> !expected.contains(c))
                .forEach(c -> problems.add(roleArn + " is allowed " + c));
        new TreeSet<>(expected).stream().filter(c -> !allowed.contains(c))
                .forEach(c -> problems.add(roleArn + " is denied " + c + " (its own handle)"));
        if (problems.isEmpty()) {
            return new CheckResult(name, "global", CheckStatus.PASS, surface.cells().size() + " cells evaluated, "
                    + allowed.size() + " allowed, exactly as expected", log.calls(), List.copyOf(allowed));
        }
        return new CheckResult(name, "global", CheckStatus.BLOCKER, String.join("; ", problems), log.calls(), problems);
    }
}
