package devmin.live.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import devmin.evidence.Provenance;
import devmin.live.CheckResult;
import devmin.live.CheckStatus;
import devmin.live.Checks;
import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.ecs.WindowHandles;
import devmin.live.run.JobRequest;
import devmin.live.run.JobRun;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The window's probe lanes ({@code probe: true}): each the image's own probe entrypoint, run once as a job on Fargate
 * from inside the VPC (the stack's subnets and the lanes' security group, as {@code devmin run} starts a job), all in
 * parallel, after every service is ready. Each is one named check, {@code probe-<lane>}: it passes only when the probe
 * exited 0 from the pinned image; otherwise it names the step that failed, ECS's stop reason, the failure layer and
 * the probe's last log lines, every value of a handle it reads redacted ({@link JobRun}). A probe is not run against
 * services that are not ready (it would prove nothing): it is then unverified, never a pass.
 */
public final class ProbeLanes {

    /** How often to look at a probe's task, and how many of its last log lines to keep. */
    public record Settings(Duration pollInterval, int logLines, JobRun.Sleeper sleeper) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(5), 20,
                pause -> Thread.sleep(Math.max(1, pause.toMillis())));
    }

    /** Time kept back from the deadline so a probe's own wait ends (and stops its task) before readiness gives up. */
    static final long STOP_MARGIN_MILLIS = 2_000;

    private ProbeLanes() {
    }

    static List<LaneSpec> of(EnvironmentSpec spec) {
        return spec.lanes().stream().filter(LaneSpec::probe).toList();
    }

    static List<CheckResult> run(AwsClients aws, EnvironmentSpec spec, WindowHandles handles,
                                 List<CheckResult> services, Settings settings, int parallelism, long deadlineNanos,
                                 Provenance provenance, Map<String, ObjectNode> report) {
        List<LaneSpec> probes = of(spec);
        List<String> notReady = services.stream().filter(c -> c.status() != CheckStatus.PASS).map(CheckResult::name)
                .toList();
        if (!notReady.isEmpty()) {
            return probes.stream().map(lane -> new CheckResult(name(lane), spec.awsRegion(), CheckStatus.UNVERIFIED,
                    "probe " + lane.name() + " not run: the services are not ready (" + String.join(", ", notReady)
                            + "), and a probe of services that are not ready proves nothing", List.of(), List.of()))
                    .toList();
        }
        long left = Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
        long probeDeadline = Math.max(1, left - STOP_MARGIN_MILLIS);
        List<Checks.Named> checks = probes.stream().map(lane -> new Checks.Named(name(lane), spec.awsRegion(),
                log -> {
                    JobRequest request = new JobRequest(lane, handles.taskDefinition(lane.name()), handles.clusterArn(),
                            handles.subnets(), handles.securityGroup(), List.of(), settings.pollInterval(),
                            settings.logLines());
                    Verdict run = JobRun.run(aws, spec, request, probeDeadline, settings.sleeper(), provenance);
                    report.put(lane.name(), run.context());
                    return fold(lane, run, spec.awsRegion());
                })).toList();
        return Checks.run(checks, parallelism, left);
    }

    static String name(LaneSpec lane) {
        return "probe-" + lane.name();
    }

    /** One check from a probe's run: its first blocker (else its first unverified step), or its pass. */
    static CheckResult fold(LaneSpec lane, Verdict run, String region) {
        List<String> calls = run.checks().stream().flatMap(c -> c.apiCalls().stream()).toList();
        Optional<CheckResult> failed = first(run, CheckStatus.BLOCKER).or(() -> first(run, CheckStatus.UNVERIFIED));
        if (run.checks().isEmpty()) {
            return new CheckResult(name(lane), region, CheckStatus.UNVERIFIED, "probe " + lane.name()
                    + ": nothing was run", calls, List.of());
        }
        if (failed.isEmpty()) {
            return new CheckResult(name(lane), region, CheckStatus.PASS, "probe " + lane.name() + " exited 0 from the"
                    + " pinned image", calls, List.of());
        }
        List<String> found = new ArrayList<>(failed.get().found());
        JsonNode tail = run.context().path("log_tail");
        tail.forEach(line -> found.add("log: " + line.asText()));
        String stop = run.context().path("stop").asText("");
        return new CheckResult(name(lane), region, failed.get().status(), "probe " + lane.name() + " failed at "
                + failed.get().name() + ": " + failed.get().message() + (stop.isEmpty() || failed.get().message()
                .contains(stop) ? "" : " (stopped: " + stop + ")"), calls, found);
    }

    private static Optional<CheckResult> first(Verdict run, CheckStatus status) {
        return run.checks().stream().filter(c -> c.status() == status).findFirst();
    }
}
