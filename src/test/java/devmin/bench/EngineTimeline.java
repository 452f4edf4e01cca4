package devmin.bench;

import devmin.realengine.StubRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Where one {@code pulumi preview} or {@code up} spent its time, from the processes it started (as sampled, so each
 * start is known to within the sampling period) and the stub providers' record of their calls:
 * <ul>
 *   <li>{@code before discovery}: CLI start to the start of pulumi-java's plugin discovery (CLI start-up, the
 *       language host's {@code About}: {@code java}, {@code javac} and {@code mvn --version});</li>
 *   <li>{@code discovery}: {@code java -cp devmin.jar com.pulumi.bootstrap.internal.Main packages};</li>
 *   <li>{@code pack start}: the pack's process start to the program's (the CLI starts the program once the pack
 *       has answered);</li>
 *   <li>{@code program to first Check}: the program's start (the language host's {@code java -jar}) to the first
 *       provider call for a resource, i.e. JVM starts, config, and the first registration;</li>
 *   <li>{@code registrations}: first to last provider {@code Check} (the engine checks every resource);</li>
 *   <li>{@code after}: last provider call to the CLI's exit.</li>
 * </ul>
 * and the peak resident set of the largest process of each role, in MiB.
 */
record EngineTimeline(Map<String, Long> phasesMillis, Map<String, Long> peaksMib) {

    static final List<String> ROLES = List.of("cli", "program", "pack", "discovery", "launcher", "host", "providers",
            "about");

    static EngineTimeline of(List<ProcessSampler.Seen> processes, List<StubRecord.Call> calls) {
        long cliStart = first(processes, p -> role(p).equals("cli"), ProcessSampler.Seen::firstMillis);
        long cliEnd = last(processes, p -> role(p).equals("cli"));
        long discoveryStart = first(processes, p -> role(p).equals("discovery"), ProcessSampler.Seen::firstMillis);
        long discoveryEnd = last(processes, p -> role(p).equals("discovery"));
        long packStart = first(processes, p -> role(p).equals("pack"), ProcessSampler.Seen::firstMillis);
        long programStart = first(processes, p -> role(p).equals("launcher") || role(p).equals("program"),
                ProcessSampler.Seen::firstMillis);
        List<StubRecord.Call> checks = calls.stream().filter(c -> c.method().equals("Check")).toList();
        long firstCheck = checks.stream().mapToLong(c -> c.startNanos() / 1_000_000).min().orElse(-1);
        long lastCheck = checks.stream().mapToLong(c -> c.endNanos() / 1_000_000).max().orElse(-1);
        long lastCall = calls.stream().mapToLong(c -> c.endNanos() / 1_000_000).max().orElse(-1);

        Map<String, Long> phases = new LinkedHashMap<>();
        phases.put("before discovery", span(cliStart, discoveryStart));
        phases.put("discovery", span(discoveryStart, discoveryEnd));
        phases.put("pack start", span(packStart, programStart));
        phases.put("program to first Check", span(programStart, firstCheck));
        phases.put("registrations", span(firstCheck, lastCheck));
        phases.put("after", span(lastCall, cliEnd));
        Map<String, Long> peaks = new LinkedHashMap<>();
        for (String role : ROLES) {
            peaks.put(role, processes.stream().filter(p -> role(p).equals(role))
                    .mapToLong(ProcessSampler.Seen::peakKib).max().orElse(0) / 1024);
        }
        return new EngineTimeline(phases, peaks);
    }

    /** Command-line marks of each role, tried in order: the pack and the program before the launcher. */
    private static final List<Map.Entry<String, List<String>>> MARKS = List.of(
            Map.entry("host", List.of("pulumi-language-java")),
            Map.entry("providers", List.of("pulumi-resource-", "stub-provider")),
            Map.entry("discovery", List.of("com.pulumi.bootstrap.internal.Main")),
            Map.entry("pack", List.of(" analyzer ")),
            Map.entry("program", List.of("devmin.Main")),
            Map.entry("launcher", List.of("-jar target/devmin.jar")),
            Map.entry("about", List.of("--version")));

    /** What a process is, from its command line. */
    static String role(ProcessSampler.Seen process) {
        String command = process.commandLine();
        for (Map.Entry<String, List<String>> role : MARKS) {
            if (role.getValue().stream().anyMatch(command::contains)) {
                return role.getKey();
            }
        }
        return command.matches(".*/pulumi (preview|up|destroy)\\b.*") ? "cli" : "other";
    }

    static String medians(List<EngineTimeline> runs) {
        Map<String, Long> phases = new LinkedHashMap<>();
        runs.get(0).phasesMillis().keySet().forEach(k -> phases.put(k, median(runs, t -> t.phasesMillis().get(k))));
        Map<String, Long> peaks = new LinkedHashMap<>();
        runs.get(0).peaksMib().keySet().forEach(k -> peaks.put(k, median(runs, t -> t.peaksMib().get(k))));
        return new EngineTimeline(phases, peaks).toString();
    }

    private static long median(List<EngineTimeline> runs, ToLongFunction<EngineTimeline> figure) {
        List<Long> values = new ArrayList<>();
        runs.forEach(run -> values.add(figure.applyAsLong(run)));
        return PlanBench.median(values);
    }

    private static long first(List<ProcessSampler.Seen> processes, Predicate<ProcessSampler.Seen> which,
                              ToLongFunction<ProcessSampler.Seen> when) {
        OptionalLong time = processes.stream().filter(which).mapToLong(when).min();
        return time.orElse(-1);
    }

    private static long last(List<ProcessSampler.Seen> processes, Predicate<ProcessSampler.Seen> which) {
        return processes.stream().filter(which).mapToLong(ProcessSampler.Seen::lastMillis).max().orElse(-1);
    }

    /** {@code to - from}, or -1 when either end was not seen. */
    private static long span(long from, long to) {
        return from < 0 || to < 0 ? -1 : to - from;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        phasesMillis.forEach((k, v) -> text.append(k).append(' ').append(v < 0 ? "n/a" : v + " ms").append(", "));
        text.append("peak RSS MiB:");
        peaksMib.forEach((k, v) -> text.append(' ').append(k).append(' ').append(v));
        return text.toString();
    }
}
