package devmin.live.run;

import devmin.live.CallLog;
import devmin.live.CheckStatus;
import devmin.live.ecs.Redactor;
import software.amazon.awssdk.services.ssm.SsmClient;
import stacks.handles.SsmHandles;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a job lane could print that are secret: the values of every SSM handle it reads, read (with decryption)
 * only to be redacted. They are never shown, logged or written; the verdict says how many are known, not which.
 */
final class JobSecrets {

    /** GetParameters accepts at most this many names per call. */
    static final int NAMES_PER_CALL = 10;

    private JobSecrets() {
    }

    static JobRun.Done<Redactor> redactor(SsmClient ssm, EnvironmentSpec spec, LaneSpec lane, CallLog log) {
        Map<String, String> handleByPath = new LinkedHashMap<>();
        lane.reads().forEach(h -> handleByPath.put(SsmHandles.pathFor(spec.environment(), spec.database().enabled(),
                lane.name(), h), h));
        if (handleByPath.isEmpty()) {
            return JobRun.Done.pass(Redactor.none(), "lane " + lane.name() + " reads no SSM handle: no secret to"
                    + " redact");
        }
        List<String> paths = List.copyOf(handleByPath.keySet());
        Map<String, String> labelByValue = new HashMap<>();
        for (int i = 0; i < paths.size(); i += NAMES_PER_CALL) {
            List<String> batch = paths.subList(i, Math.min(paths.size(), i + NAMES_PER_CALL));
            var answer = log.call("ssm:GetParameters", () -> ssm.getParameters(b -> b.names(batch)
                    .withDecryption(true)));
            answer.parameters().stream().filter(p -> handleByPath.containsKey(p.name()) && p.value() != null)
                    .forEach(p -> labelByValue.put(p.value(), handleByPath.get(p.name())));
        }
        Redactor redactor = Redactor.of(labelByValue);
        return new JobRun.Done<>(java.util.Optional.of(redactor), CheckStatus.PASS, redactor.size() + " of "
                + paths.size() + " values of the lane's handles are known and will be redacted", List.of());
    }
}
