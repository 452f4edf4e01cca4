package devmin.live.teardown;

import devmin.live.CallLog;
import devmin.live.aws.AwsClients;
import devmin.live.aws.ResourceArn;
import devmin.live.teardown.DirectDescribe.Existence;
import software.amazon.awssdk.services.ecs.model.Failure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether an ECS cluster, service, task or task definition still exists. A long service or task ARN names its cluster;
 * a short one (created before 2021) does not, so it is looked for in every cluster of the region. ECS answers a
 * describe of something that is not there with a {@code MISSING} failure; an answer that neither describes the
 * resource nor reports it missing is not an answer.
 */
final class EcsExistence {

    private final AwsClients aws;
    private final String region;

    EcsExistence(AwsClients aws, String region) {
        this.aws = aws;
        this.region = region;
    }

    Optional<Existence> cluster(ResourceArn arn, CallLog log) {
        var answer = log.call("ecs:DescribeClusters", () -> aws.ecs(region).describeClusters(
                b -> b.clusters(arn.arn())));
        var described = answer.clusters().stream().filter(c -> arn.arn().equals(c.clusterArn())).toList();
        requireAnswered("ecs:DescribeClusters", arn, !described.isEmpty(), answer.failures());
        return Optional.of(described.stream().anyMatch(c -> !"INACTIVE".equals(c.status())) ? Existence.PRESENT
                : Existence.GONE);
    }

    Optional<Existence> service(ResourceArn arn, CallLog log) {
        for (String cluster : clustersOf(arn, log)) {
            var answer = log.find("ecs:DescribeServices", () -> aws.ecs(region).describeServices(
                    b -> b.cluster(cluster).services(arn.arn())), DirectDescribe.code("ClusterNotFoundException"));
            if (answer.isEmpty()) {
                continue;
            }
            var described = answer.get().services().stream().filter(s -> arn.arn().equals(s.serviceArn())).toList();
            requireAnswered("ecs:DescribeServices", arn, !described.isEmpty(), answer.get().failures());
            if (described.stream().anyMatch(s -> !"INACTIVE".equals(s.status()))) {
                return Optional.of(Existence.PRESENT);
            }
        }
        return Optional.of(Existence.GONE);
    }

    Optional<Existence> task(ResourceArn arn, CallLog log) {
        for (String cluster : clustersOf(arn, log)) {
            var answer = log.find("ecs:DescribeTasks", () -> aws.ecs(region).describeTasks(
                    b -> b.cluster(cluster).tasks(arn.arn())), DirectDescribe.code("ClusterNotFoundException"));
            if (answer.isEmpty()) {
                continue;
            }
            var described = answer.get().tasks().stream().filter(t -> arn.arn().equals(t.taskArn())).toList();
            requireAnswered("ecs:DescribeTasks", arn, !described.isEmpty(), answer.get().failures());
            if (described.stream().anyMatch(t -> !"STOPPED".equals(t.lastStatus()))) {
                return Optional.of(Existence.PRESENT);
            }
        }
        return Optional.of(Existence.GONE);
    }

    /**
     * A registered (ACTIVE) revision is a leftover. Deregistering is what destroying the provider's task definition
     * does, and the ECS developer guide ("Deregistering an Amazon ECS task definition revision") says the revision is
     * then INACTIVE at once: it can start no new task or service, costs nothing, and stays describable for as long as
     * nobody deletes it (DeleteTaskDefinitions makes it DELETE_IN_PROGRESS). So INACTIVE and DELETE_IN_PROGRESS count as
     * gone. A revision that does not exist at all is answered with ClientException "Unable to describe task
     * definition." (as AWS and moto do); any other ClientException (e.g. access) stays unverified.
     */
    Optional<Existence> taskDefinition(ResourceArn arn, CallLog log) {
        var answer = log.find("ecs:DescribeTaskDefinition", () -> aws.ecs(region).describeTaskDefinition(
                b -> b.taskDefinition(arn.arn())), EcsExistence::noSuchRevision);
        return Optional.of(answer.map(a -> "ACTIVE".equals(a.taskDefinition().statusAsString())).orElse(false)
                ? Existence.PRESENT : Existence.GONE);
    }

    static boolean noSuchRevision(software.amazon.awssdk.core.exception.SdkException e) {
        return devmin.live.aws.AwsFailure.hasCode(e, "ClientException") && e.getMessage() != null
                && e.getMessage().contains("Unable to describe task definition");
    }

    /** The cluster a long ARN names, or every cluster of the region for a short one. */
    private List<String> clustersOf(ResourceArn arn, CallLog log) {
        if (arn.parent().isPresent()) {
            return List.of(arn.parent().get());
        }
        List<String> clusters = new ArrayList<>();
        log.pages("ecs:ListClusters", () -> aws.ecs(region).listClustersPaginator(b -> b.maxResults(100)))
                .forEach(page -> clusters.addAll(page.clusterArns()));
        return clusters;
    }

    private static void requireAnswered(String api, ResourceArn arn, boolean described, List<Failure> failures) {
        boolean missing = failures.stream().anyMatch(f -> "MISSING".equals(f.reason()) && arn.arn().equals(f.arn()));
        if (!described && !missing) {
            throw new CallLog.Unverified(api + ": the answer neither describes " + arn.arn()
                    + " nor reports it missing");
        }
    }
}
