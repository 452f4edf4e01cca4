package stacks.demo;

import com.pulumi.core.Output;
import stacks.handles.HandleName;
import stacks.handles.HandleRegistry;
import stacks.spec.EnvironmentSpec;
import stacks.spec.LaneSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the demo layer needs from other layers, resolved before a single demo resource is declared: a lane
 * whose entrypoint, image or handles cannot be resolved fails the whole layer, naming the lane and what is missing.
 */
public record DemoPlan(EnvironmentSpec spec, DemoNames names, Output<String> repositoryUri, Output<String> repositoryArn,
                       Output<String> bucketName, Output<String> bucketArn,
                       Map<String, Map<String, Output<String>>> laneHandles) {

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
        Map<String, Map<String, Output<String>>> laneHandles = new LinkedHashMap<>();
        for (LaneSpec lane : spec.lanes()) {
            if (lane.command().isEmpty()) {
                problems.add("lane " + lane.name() + ": no entrypoint command");
            }
            Map<String, Output<String>> resolved = new LinkedHashMap<>();
            for (String handle : lane.reads()) {
                if (handles.has(handle)) {
                    resolved.put(handle, handles.require(handle, ASKER + "/" + lane.name()));
                } else {
                    problems.add("lane " + lane.name() + ": handle " + handle + " was never materialized");
                }
            }
            laneHandles.put(lane.name(), resolved);
        }
        if (!problems.isEmpty()) {
            throw new UnresolvedLaneException(problems);
        }
        return new DemoPlan(spec, DemoNames.of(spec),
                handles.require(HandleName.ECR_REPOSITORY_URI, ASKER),
                handles.require(HandleName.ECR_REPOSITORY_ARN, ASKER),
                handles.require(HandleName.S3_EVIDENCE_BUCKET, ASKER),
                handles.require(HandleName.S3_EVIDENCE_BUCKET_ARN, ASKER),
                Map.copyOf(laneHandles));
    }
}
