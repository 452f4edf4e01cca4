package stacks.spec;

import java.util.List;
import java.util.OptionalInt;

/**
 * One lane (service or job) of the platform, run from the single pinned image.
 *
 * @param name         lane name, lower-case, usable in AWS resource names
 * @param kind         service or job
 * @param command      the entrypoint command inside the image
 * @param cpu          Fargate cpu units
 * @param memory       Fargate memory in MiB
 * @param desiredCount tasks a service keeps running (0 for jobs)
 * @param reads        SSM handle names the lane reads at runtime
 * @param produces     topic names the lane writes
 * @param consumes     topic names the lane reads
 * @param ingressPort  the container port it listens on, 0 when it listens on none
 * @param spot         run on FARGATE_SPOT
 * @param s3Access     data-plane grants on the evidence bucket
 * @param readOnlyRootFilesystem run the container with a read-only root filesystem (default true)
 * @param calls        the ingress lanes it calls, by name: it is given their addresses
 * @param onDemandBase with {@code spot}, how many of a service's tasks always run on FARGATE (on-demand) while the
 *                     rest run on FARGATE_SPOT: a Spot shortage still leaves these running (0: all on Spot)
 * @param probe        a probe lane: a job whose command is the image's own probe entrypoint, run once by
 *                     {@code devmin readiness} after the services are steady; its exit decides a named check
 * @param runMinutes   for a job, how long one run takes as the config states it, in minutes (the cost estimate
 *                     prices a run from it); 0 when the config does not state it
 */
public record LaneSpec(
        String name,
        LaneKind kind,
        List<String> command,
        int cpu,
        int memory,
        int desiredCount,
        List<String> reads,
        List<String> produces,
        List<String> consumes,
        int ingressPort,
        boolean spot,
        List<S3Grant> s3Access,
        boolean readOnlyRootFilesystem,
        List<String> calls,
        int onDemandBase,
        boolean probe,
        int runMinutes) {

    public LaneSpec {
        calls = List.copyOf(calls);
        command = List.copyOf(command);
        reads = List.copyOf(reads);
        produces = List.copyOf(produces);
        consumes = List.copyOf(consumes);
        s3Access = List.copyOf(s3Access);
    }

    /** A lane whose config states no run time. */
    public LaneSpec(String name, LaneKind kind, List<String> command, int cpu, int memory, int desiredCount,
                    List<String> reads, List<String> produces, List<String> consumes, int ingressPort, boolean spot,
                    List<S3Grant> s3Access, boolean readOnlyRootFilesystem, List<String> calls, int onDemandBase,
                    boolean probe) {
        this(name, kind, command, cpu, memory, desiredCount, reads, produces, consumes, ingressPort, spot, s3Access,
                readOnlyRootFilesystem, calls, onDemandBase, probe, 0);
    }

    /** A lane that is not a readiness probe. */
    public LaneSpec(String name, LaneKind kind, List<String> command, int cpu, int memory, int desiredCount,
                    List<String> reads, List<String> produces, List<String> consumes, int ingressPort, boolean spot,
                    List<S3Grant> s3Access, boolean readOnlyRootFilesystem, List<String> calls, int onDemandBase) {
        this(name, kind, command, cpu, memory, desiredCount, reads, produces, consumes, ingressPort, spot, s3Access,
                readOnlyRootFilesystem, calls, onDemandBase, false);
    }

    /** A lane without an on-demand base: all on Spot, or all on FARGATE. */
    public LaneSpec(String name, LaneKind kind, List<String> command, int cpu, int memory, int desiredCount,
                    List<String> reads, List<String> produces, List<String> consumes, int ingressPort, boolean spot,
                    List<S3Grant> s3Access, boolean readOnlyRootFilesystem, List<String> calls) {
        this(name, kind, command, cpu, memory, desiredCount, reads, produces, consumes, ingressPort, spot, s3Access,
                readOnlyRootFilesystem, calls, 0);
    }

    /** A lane that calls no other lane. */
    public LaneSpec(String name, LaneKind kind, List<String> command, int cpu, int memory, int desiredCount,
                    List<String> reads, List<String> produces, List<String> consumes, int ingressPort, boolean spot,
                    List<S3Grant> s3Access, boolean readOnlyRootFilesystem) {
        this(name, kind, command, cpu, memory, desiredCount, reads, produces, consumes, ingressPort, spot, s3Access,
                readOnlyRootFilesystem, List.of());
    }

    public OptionalInt ingress() {
        return ingressPort == 0 ? OptionalInt.empty() : OptionalInt.of(ingressPort);
    }

    /** A job's run time as the config states it; empty when it states none (or for a service). */
    public OptionalInt runTime() {
        return runMinutes == 0 ? OptionalInt.empty() : OptionalInt.of(runMinutes);
    }

    public boolean isService() {
        return kind == LaneKind.SERVICE;
    }
}
