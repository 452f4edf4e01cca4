package devmin.live.readiness;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.evidence.Provenance;
import devmin.live.CheckResult;
import devmin.live.Checks;
import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.ecs.WindowHandles;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code devmin readiness}: after {@code pulumi up}, every service lane runs the task definition revision the stack
 * declares, its rollout COMPLETED and running == desired, with no crash loop, every running task from the pinned image
 * digest and started after the latest write of every parameter it reads. The AWS provider reports an update that ECS
 * rolled back as a success, so this is what makes a window green. One check per service lane, run concurrently; then,
 * once every service is ready, one check per probe lane ({@link ProbeLanes}), run concurrently within the same
 * deadline.
 */
public final class Readiness {

    public static final String SCHEMA = "devmin.readiness/v1";
    public static final Duration DEFAULT_CRASH_WINDOW = Duration.ofMinutes(15);

    private Readiness() {
    }

    public static Verdict check(AwsClients aws, EnvironmentSpec spec, WindowHandles handles, Duration crashWindow,
                                int parallelism, long deadlineMillis, Provenance provenance) {
        return check(aws, spec, handles, crashWindow, parallelism, deadlineMillis, provenance,
                ProbeLanes.Settings.DEFAULT);
    }

    /** Readiness with the probe lanes' poll interval, log lines and sleeper ({@link ProbeLanes}). */
    public static Verdict check(AwsClients aws, EnvironmentSpec spec, WindowHandles handles, Duration crashWindow,
                                int parallelism, long deadlineMillis, Provenance provenance,
                                ProbeLanes.Settings probes) {
        long deadline = System.nanoTime() + deadlineMillis * 1_000_000L;
        ServiceReadiness readiness = new ServiceReadiness(aws, spec, handles.clusterArn(), provenance.startedAt(),
                crashWindow);
        Map<String, ObjectNode> report = new ConcurrentHashMap<>();
        List<Checks.Named> checks = services(spec).stream().map(lane -> new Checks.Named("service-" + lane.name(),
                spec.awsRegion(), log -> readiness.check(lane, handles.taskDefinition(lane.name()), log, report)))
                .toList();
        List<CheckResult> results = new ArrayList<>(Checks.run(checks, parallelism, deadlineMillis));
        Map<String, ObjectNode> probeReport = new ConcurrentHashMap<>();
        results.addAll(ProbeLanes.run(aws, spec, handles, List.copyOf(results), probes, parallelism, deadline,
                provenance, probeReport));
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        context.put("stack", spec.stack());
        context.put("region", spec.awsRegion());
        context.put("cluster", handles.clusterArn());
        context.put("image_digest", spec.image().digest());
        context.put("crash_window_minutes", crashWindow.toMinutes());
        ObjectNode lanes = context.putObject("services");
        new TreeMap<>(report).forEach(lanes::set);
        if (!ProbeLanes.of(spec).isEmpty()) {
            ObjectNode probeLanes = context.putObject("probes");
            new TreeMap<>(probeReport).forEach(probeLanes::set);
        }
        return new Verdict(SCHEMA, results, context, provenance.finished());
    }

    /** The lanes readiness judges as running: every service (other jobs are judged by {@code devmin run}). */
    public static List<LaneSpec> services(EnvironmentSpec spec) {
        return spec.lanes().stream().filter(LaneSpec::isService).toList();
    }

    /** The probe lanes readiness runs once the services are ready. */
    public static List<LaneSpec> probes(EnvironmentSpec spec) {
        return ProbeLanes.of(spec);
    }
}
