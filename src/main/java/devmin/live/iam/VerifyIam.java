package devmin.live.iam;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.evidence.Provenance;
import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.Checks;
import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.Access;
import software.amazon.awssdk.services.accessanalyzer.model.CheckAccessNotGrantedResult;
import stacks.handles.HandleName;
import stacks.spec.EnvironmentSpec;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@code devmin verify-iam}: the least-privilege proof after {@code pulumi up}, as a fail-closed verdict. */
public final class VerifyIam {

    public static final String SCHEMA = "devmin.secret-surface-check/v1";

    private VerifyIam() {
    }

    public static Verdict verify(AwsClients aws, EnvironmentSpec spec, Map<String, String> handles,
                                 boolean accessAnalyzer, AccessAnalyzerClient analyzer, int parallelism,
                                 long deadlineMillis, Provenance provenance) {
        List<Checks.Named> checks = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (!handles.containsKey(HandleName.ROLE_ECS_TASK_EXECUTION)) {
            missing.add(HandleName.ROLE_ECS_TASK_EXECUTION);
        }
        spec.lanes().stream().map(l -> HandleName.laneRole(l.name())).filter(h -> !handles.containsKey(h))
                .forEach(missing::add);
        SecretSurface surface = SecretSurface.of(spec, handles);
        Map<String, Set<String>> allowedByRole = new ConcurrentHashMap<>();
        surface.expectedAllowed().forEach((role, expected) -> checks.add(new Checks.Named(roleLabel(handles, role),
                "global", log -> {
                    IamMatrixCheck.Simulation simulation = IamMatrixCheck.simulate(aws, log, role, surface);
                    allowedByRole.put(role, simulation.allowed());
                    return IamMatrixCheck.judge(roleLabel(handles, role), role, simulation, expected, surface, log);
                })));
        if (accessAnalyzer && handles.containsKey(HandleName.ROLE_ECS_TASK_EXECUTION)) {
            String execution = handles.get(HandleName.ROLE_ECS_TASK_EXECUTION);
            checks.add(new Checks.Named("access-analyzer-execution-role", "global",
                    log -> accessNotGranted(aws, analyzer, log, execution)));
        }
        List<CheckResult> results = new ArrayList<>(Checks.run(checks, parallelism, deadlineMillis));
        if (!missing.isEmpty()) {
            results.add(0, new CheckResult("role-handles", "global", CheckStatus.BLOCKER,
                    "roles named in the spec were never materialized: " + String.join(", ", missing), List.of(),
                    missing));
        }
        return new Verdict(SCHEMA, results, context(handles, surface, allowedByRole, results), provenance.finished());
    }

    private static String roleLabel(Map<String, String> handles, String roleArn) {
        return handles.entrySet().stream().filter(e -> e.getValue().equals(roleArn)).map(Map.Entry::getKey)
                .findFirst().orElse(roleArn);
    }

    private static ObjectNode context(Map<String, String> handles, SecretSurface surface,
                                      Map<String, Set<String>> allowedByRole, List<CheckResult> results) {
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        ObjectNode matrix = context.putObject("matrix");
        int principals = surface.expectedAllowed().size();
        matrix.put("principals", principals);
        matrix.put("actions", surface.actions().size());
        matrix.put("resources", surface.resources().size());
        matrix.put("cells", principals * surface.cells().size());
        matrix.put("principals_proven", results.stream().filter(r -> r.status() != CheckStatus.UNVERIFIED
                && surface.expectedAllowed().containsKey(handles.getOrDefault(r.name(), ""))).count());
        String execution = handles.get(HandleName.ROLE_ECS_TASK_EXECUTION);
        context.put("execution_role_allowed_count", allowedByRole.getOrDefault(execution, Set.of()).size());
        context.put("app_role_allowed_count", allowedByRole.entrySet().stream().filter(e -> !e.getKey().equals(execution))
                .mapToInt(e -> e.getValue().size()).sum());
        var actions = context.putArray("actions");
        surface.actions().forEach(actions::add);
        var resources = context.putArray("resources");
        surface.resources().forEach(resources::add);
        ObjectNode roles = context.putObject("roles");
        surface.expectedAllowed().forEach((role, expected) -> {
            ObjectNode node = roles.putObject(roleLabel(handles, role));
            node.put("arn", role);
            Set<String> allowed = allowedByRole.getOrDefault(role, Set.of());
            node.put("allowed_count", allowed.size());
            var cells = node.putArray("allowed");
            allowed.forEach(cells::add);
            node.put("expected_count", expected.size());
        });
        return context;
    }

    /** Access Analyzer: none of the execution role's inline policies may grant a secret-read action. */
    private static CheckResult accessNotGranted(AwsClients aws, AccessAnalyzerClient analyzer, CallLog log,
                                                String roleArn) {
        String roleName = devmin.live.aws.ResourceArn.parse(roleArn).name();
        List<String> granted = new ArrayList<>();
        var names = log.pages("iam:ListRolePolicies", () -> aws.iam().listRolePoliciesPaginator(b -> b.roleName(roleName)));
        for (var page : names) {
            for (String policy : page.policyNames()) {
                String document = URLDecoder.decode(log.call("iam:GetRolePolicy", () -> aws.iam().getRolePolicy(
                        b -> b.roleName(roleName).policyName(policy))).policyDocument(), StandardCharsets.UTF_8);
                var result = log.call("access-analyzer:CheckAccessNotGranted", () -> analyzer.checkAccessNotGranted(
                        b -> b.policyDocument(document).policyType("IDENTITY_POLICY")
                                .access(Access.builder().actions(SecretSurface.ACTIONS).build())));
                if (result.result() != CheckAccessNotGrantedResult.PASS) {
                    granted.add(policy + ": " + result.message());
                }
            }
        }
        return log.result("access-analyzer-execution-role", "global", granted,
                "Access Analyzer: no execution-role policy grants a secret read", "secret reads granted");
    }

}
