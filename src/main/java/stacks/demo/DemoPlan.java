package stacks.demo;

import com.pulumi.core.Output;
import stacks.handles.Handle;
import stacks.handles.HandleName;
import stacks.handles.HandleRegistry;
import stacks.handles.SsmHandles;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the demo layer needs from other layers, resolved before a single demo resource is declared: a lane
 * whose entrypoint, image or handles cannot be resolved fails the whole layer, naming the lane and what is missing.
 * Every handle comes with the resources behind it, which the lane's workloads depend on.
 */
public record DemoPlan(EnvironmentSpec spec, DemoNames names, Handle repositoryUri, Handle repositoryArn,
                       Handle bucketName, Handle bucketArn, Map<String, LaneHandles> lanes) {

    /** What one lane uses from other layers: the handles it reads, and its log group. */
    public record LaneHandles(Map<String, Handle> reads, Handle logGroup) {
    }

    static final String ASKER = "DemoStack";

    public static DemoPlan resolve(EnvironmentSpec spec, HandleRegistry handles) {
        List<String> problems = new ArrayList<>();
        for (String shared : List.of(HandleName.ECR_REPOSITORY_URI, HandleName.ECR_REPOSITORY_ARN,
                HandleName.S3_EVIDENCE_BUCKET, HandleName.S3_EVIDENCE_BUCKET_ARN)) {
            if (!handles.has(shared)) {
                problems.add("every lane: image/bucket handle " + shared + " was never materialized");
            }
        }
        if (spec.image().digest().isEmpty()) {
            problems.add("every lane: the image has no pinned digest");
        }
        Map<String, LaneHandles> lanes = new LinkedHashMap<>();
        for (LaneSpec lane : spec.lanes()) {
            if (lane.command().isEmpty()) {
                problems.add("lane " + lane.name() + ": no entrypoint command");
            }
            Map<String, Handle> reads = new LinkedHashMap<>();
            for (String handle : lane.reads()) {
                resolve(handles, SsmHandles.registryName(lane.name(), handle), lane, problems)
                        .ifPresent(h -> reads.put(handle, h));
            }
            var logGroup = resolve(handles, HandleName.logGroup(lane.name()), lane, problems);
            logGroup.ifPresent(group -> lanes.put(lane.name(), new LaneHandles(reads, group)));
        }
        if (!problems.isEmpty()) {
            throw new UnresolvedLaneException(problems);
        }
        return new DemoPlan(spec, DemoNames.of(spec),
                handles.require(HandleName.ECR_REPOSITORY_URI, ASKER),
                handles.require(HandleName.ECR_REPOSITORY_ARN, ASKER),
                handles.require(HandleName.S3_EVIDENCE_BUCKET, ASKER),
                handles.require(HandleName.S3_EVIDENCE_BUCKET_ARN, ASKER),
                Map.copyOf(lanes));
    }

    private static java.util.Optional<Handle> resolve(HandleRegistry handles, String handle, LaneSpec lane,
                                                      List<String> problems) {
        if (handles.has(handle)) {
            return java.util.Optional.of(handles.require(handle, ASKER + "/" + lane.name()));
        }
        problems.add("lane " + lane.name() + ": handle " + handle + " was never materialized");
        return java.util.Optional.empty();
    }

    public Output<String> repositoryUriValue() {
        return repositoryUri.value();
    }

    public LaneHandles lane(String name) {
        return lanes.get(name);
    }
}
