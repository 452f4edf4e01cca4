package devmin.live.iam;

import stacks.handles.HandleName;
import stacks.handles.SsmHandles;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The least-privilege matrix as a pure function of the spec: which resources to probe (every handle path, every
 * ancestor path, a canary), which actions, and what each role may be allowed — the execution role nothing, each lane
 * role exactly GetParameter and GetParameters on its own handle ARNs.
 */
public record SecretSurface(List<String> actions, List<String> resources, Map<String, Set<String>> expectedAllowed) {

    public static final List<String> ACTIONS = List.of("ssm:GetParameter", "ssm:GetParameters",
            "ssm:GetParametersByPath", "ssm:GetParameterHistory", "secretsmanager:GetSecretValue", "kms:Decrypt");
    static final List<String> LANE_ACTIONS = List.of("ssm:GetParameter", "ssm:GetParameters");

    public SecretSurface {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        expectedAllowed = Map.copyOf(expectedAllowed);
    }

    /** @param roleArns role ARN by handle name ({@code ROLE_ECS_TASK_EXECUTION}, {@code ROLE_LANE_<LANE>}) */
    public static SecretSurface of(EnvironmentSpec spec, Map<String, String> roleArns) {
        List<String> paths = SsmHandles.allPaths(spec);
        Set<String> resources = new LinkedHashSet<>();
        paths.forEach(p -> resources.add(arn(spec, p)));
        for (String path : paths) {
            for (String ancestor = parent(path); !ancestor.isEmpty(); ancestor = parent(ancestor)) {
                resources.add(arn(spec, ancestor));
            }
        }
        resources.add(arn(spec, SsmHandles.root(spec.environment()) + "/canary/devmin-verify-iam"));
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        String execution = roleArns.get(HandleName.ROLE_ECS_TASK_EXECUTION);
        if (execution != null) {
            expected.put(execution, Set.of());
        }
        for (LaneSpec lane : spec.lanes()) {
            String role = roleArns.get(HandleName.laneRole(lane.name()));
            if (role == null) {
                continue;
            }
            Set<String> allowed = new LinkedHashSet<>();
            for (String handle : lane.reads()) {
                String own = SsmHandles.pathFor(spec.environment(), spec.database().enabled(), lane.name(), handle);
                LANE_ACTIONS.forEach(action -> allowed.add(cell(action, arn(spec, own))));
            }
            expected.put(role, allowed);
        }
        return new SecretSurface(ACTIONS, new ArrayList<>(resources), expected);
    }

    /** Every cell one principal is simulated over: each action on each resource. */
    public Set<String> cells() {
        Set<String> cells = new LinkedHashSet<>();
        actions.forEach(action -> resources.forEach(resource -> cells.add(cell(action, resource))));
        return cells;
    }

    /** A matrix cell key: {@code action on resource}. */
    public static String cell(String action, String resource) {
        return action + " on " + resource;
    }

    static String arn(EnvironmentSpec spec, String path) {
        return SsmHandles.parameterArn(spec.awsRegion(), spec.awsAccountId(), path);
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }
}
