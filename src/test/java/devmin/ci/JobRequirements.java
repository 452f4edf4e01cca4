package devmin.ci;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.cli.CommandActions;
import devmin.evidence.EvidencePublisher;
import devmin.graph.DeclaredResource;
import devmin.graph.StackGraph;
import devmin.testing.IamSimulator;
import stacks.Layer;
import stacks.core.CoreNames;
import stacks.core.WindowRolePolicy;
import stacks.demo.DemoNames;
import stacks.handles.SsmHandles;
import stacks.spec.EnvironmentSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every AWS request a workflow job makes, from what it runs: each devmin command's declared actions
 * ({@link CommandActions}) on the resources it uses; for {@code pulumi up}, every create, read, update and delete the
 * provider makes for each demo-layer resource the program declares (and the core resources a window may change,
 * {@link WindowRolePolicy.UPDATES_IN_CORE}), the invoke of the pinned-image gate and the provider's configure; for
 * {@code pulumi destroy --exclude-protected}, the deletes; for {@code pulumi preview}, the configure. Anything a job
 * runs that this cannot account for is a problem, never skipped.
 */
final class JobRequirements {

    /** Actions IAM never denies (STS API reference, GetCallerIdentity: "No permissions are required"). */
    static final List<String> NEED_NO_GRANT = List.of("sts:GetCallerIdentity");

    /** What the program's pinned-image gate invokes during {@code pulumi up} (stacks.demo.PinnedImageGate). */
    static final String PINNED_IMAGE_INVOKE = "aws:ecr/getImage:getImage";

    private final EnvironmentSpec spec;
    private final StackGraph graph;
    private final CoreNames names;
    private final ProviderActions provider = ProviderActions.load();
    private final DeclaredArns arns;
    private final List<String> problems = new ArrayList<>();

    JobRequirements(EnvironmentSpec spec, StackGraph graph) {
        this.spec = spec;
        this.graph = graph;
        this.names = CoreNames.of(spec);
        this.arns = new DeclaredArns(spec, graph);
    }

    /** What could not be accounted for, each naming the job and what it runs. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    List<Requirement> of(WorkflowJobs.Job job) {
        Map<String, Requirement> requirements = new LinkedHashMap<>();
        for (WorkflowJobs.Use use : job.uses()) {
            for (Requirement r : switch (use.tool()) {
                case "devmin" -> devmin(job, use);
                case "pulumi" -> pulumi(job, use);
                default -> awsCli(job, use);
            }) {
                requirements.putIfAbsent(r.requestKey(), r);
            }
        }
        return List.copyOf(requirements.values());
    }

    private List<Requirement> devmin(WorkflowJobs.Job job, WorkflowJobs.Use use) {
        String command = CommandActions.of(use.command()).isPresent() ? use.command()
                : use.command().split(" ", -1)[0];
        Optional<java.util.Set<String>> actions = CommandActions.of(command);
        if (actions.isEmpty()) {
            problems.add("job " + job.name() + " runs './devmin " + use.command() + "', which declares no AWS actions"
                    + " in CommandActions");
            return List.of();
        }
        List<Requirement> out = new ArrayList<>();
        for (String action : actions.get()) {
            if (NEED_NO_GRANT.contains(action)) {
                continue;
            }
            out.addAll(commandRequests(job.name(), "devmin " + command, command, action));
        }
        return out;
    }

    /**
     * What {@code devmin run} asks for, for any job lane a person may name: RunTask of the lane's task definition in
     * the demo cluster (ECS's {@code ecs:cluster} key), StopTask of a task it started, the lane's and the execution
     * role passed to ECS tasks, and the values of the handles the lane reads (to redact them).
     */
    private List<Requirement> runRequests(String job, String cause, String action) {
        DemoNames demo = DemoNames.of(spec);
        String account = spec.awsAccountId();
        String region = spec.awsRegion();
        String cluster = "arn:aws:ecs:" + region + ":" + account + ":cluster/" + demo.clusterName();
        List<stacks.spec.LaneSpec> jobs = spec.lanes().stream().filter(l -> !l.isService()).toList();
        Map<String, String> demoTags = ProviderRequests.demoTags(spec);
        return switch (action) {
            case "ecs:RunTask" -> jobs.stream().map(l -> new Requirement(job, cause, action, List.of(
                    IamSimulator.Target.existing("arn:aws:ecs:" + region + ":" + account + ":task-definition/"
                            + demo.taskFamily(l.name()) + ":7", demoTags)), Map.of())
                    .with("ecs:cluster", cluster)).toList();
            case "ecs:StopTask" -> List.of(new Requirement(job, cause, action, List.of(IamSimulator.Target.existing(
                    "arn:aws:ecs:" + region + ":" + account + ":task/" + demo.clusterName()
                            + "/0123456789abcdef0123456789abcdef", demoTags)), Map.of()).with("ecs:cluster", cluster));
            case "iam:PassRole" -> jobs.stream().flatMap(l -> java.util.stream.Stream.of(demo.laneRoleName(l.name()),
                            demo.executionRoleName()))
                    .distinct().map(role -> Requirement.on(job, cause, action, demo.roleArn(role))
                            .with("iam:PassedToService", "ecs-tasks.amazonaws.com")).toList();
            case "ssm:GetParameters" -> jobs.stream().flatMap(l -> l.reads().stream()
                            .map(h -> SsmHandles.pathFor(spec.environment(), spec.database().enabled(), l.name(), h)))
                    .distinct().map(path -> Requirement.on(job, cause, action,
                            SsmHandles.parameterArn(region, account, path))).toList();
            default -> {
                List<Requirement> onDemo = demoLayerReads(job, cause, action);
                yield !onDemo.isEmpty() ? onDemo
                        : commandResources(action).stream().map(r -> Requirement.on(job, cause, action, r)).toList();
            }
        };
    }

    /** What readiness asks for to run the probe lanes: what devmin run asks for, on the job lanes. */
    static final java.util.Set<String> PROBE_ACTIONS = java.util.Set.of("ecs:RunTask", "ecs:StopTask", "iam:PassRole",
            "ssm:GetParameters");

    private List<Requirement> commandRequests(String job, String cause, String command, String action) {
        if (command.equals("run") || (command.equals("readiness") && PROBE_ACTIONS.contains(action))) {
            return runRequests(job, cause, action);
        }
        List<Requirement> onDemo = demoLayerReads(job, cause, action);
        return !onDemo.isEmpty() ? onDemo
                : commandResources(action).stream().map(r -> Requirement.on(job, cause, action, r)).toList();
    }

    /**
     * The live commands' reads of the demo layer's ECS and Cloud Map resources, each on a resource of the kind the
     * SAR authorizes the action against, in the demo cluster ({@code ecs:cluster}) and with the demo layer's tags.
     */
    private List<Requirement> demoLayerReads(String job, String cause, String action) {
        DemoNames demo = DemoNames.of(spec);
        String ecs = "arn:aws:ecs:" + spec.awsRegion() + ":" + spec.awsAccountId() + ":";
        String cloudMap = "arn:aws:servicediscovery:" + spec.awsRegion() + ":" + spec.awsAccountId() + ":";
        Map<String, String> tags = ProviderRequests.demoTags(spec);
        String cluster = ecs + "cluster/" + demo.clusterName();
        List<String> arns = switch (action) {
            case "ecs:DescribeClusters" -> List.of(cluster);
            case "ecs:DescribeServices" -> spec.lanes().stream().filter(stacks.spec.LaneSpec::isService)
                    .map(l -> ecs + "service/" + demo.clusterName() + "/" + l.name()).toList();
            case "ecs:DescribeTasks" -> List.of(ecs + "task/" + demo.clusterName() + "/0123456789abcdef0123456789abcdef");
            case "ecs:ListTasks" -> List.of(ecs + "container-instance/" + demo.clusterName()
                    + "/0123456789abcdef0123456789abcdef");
            case "servicediscovery:GetNamespace" -> List.of(cloudMap + "namespace/ns-0123456789abcdef0");
            case "servicediscovery:GetService" -> List.of(cloudMap + "service/srv-0123456789abcdef0");
            default -> List.of();
        };
        return arns.stream().map(arn -> {
            Requirement r = new Requirement(job, cause, action, List.of(IamSimulator.Target.existing(arn, tags)),
                    Map.of());
            return action.startsWith("ecs:") && !action.equals("ecs:DescribeClusters") ? r.with("ecs:cluster", cluster)
                    : r;
        }).toList();
    }

    /** The resources a devmin command calls an action on (the code that calls it derives them the same way). */
    private List<String> commandResources(String action) {
        DemoNames demo = DemoNames.of(spec);
        List<String> demoRoles = new ArrayList<>(List.of(demo.roleArn(demo.executionRoleName())));
        spec.lanes().forEach(l -> demoRoles.add(demo.roleArn(demo.laneRoleName(l.name()))));
        return switch (action) {
            case "s3:PutObject" -> List.of(names.bucketArn() + "/" + EvidencePublisher.key(spec.environment(),
                    spec.stack(), "teardown", "20261130T120000Z", "teardown_proof.json"));
            case "s3:ListBucket" -> List.of(names.bucketArn());
            case "s3:GetObject" -> List.of(names.bucketArn() + "/" + EvidencePublisher.key(spec.environment(),
                    spec.stack(), "readiness", "20261130T120000Z", "readiness_snapshot.json"));
            case "logs:GetLogEvents" -> spec.lanes().stream().map(l -> demo.logGroupArn(l.name())
                    + ":log-stream:" + l.name() + "/" + l.name() + "/0123456789abcdef0123456789abcdef").toList();
            case "budgets:ViewBudget" -> List.of("arn:aws:budgets::" + spec.awsAccountId() + ":budget/"
                    + names.budgetName());
            case "ssm:GetParameters" -> SsmHandles.preflightKafkaPaths(spec.environment()).stream()
                    .map(path -> SsmHandles.parameterArn(spec.awsRegion(), spec.awsAccountId(), path)).toList();
            case "ecr:DescribeImages", "ecr:DescribeRepositories" -> List.of(names.ecrRepositoryArn());
            case "iam:SimulatePrincipalPolicy" -> demoRoles;
            case "iam:ListRolePolicies" -> List.of(demoRoles.get(0));
            // the teardown proof and the snapshot read every role the state names (task roles and CI roles); the
            // stray sweep reads the tags of any role named like this environment's, under any path
            case "iam:GetRole", "iam:GetRolePolicy" -> environmentRoles(demoRoles);
            case "iam:ListRoleTags" -> {
                List<String> roles = new ArrayList<>(environmentRoles(demoRoles));
                roles.add(names.roleArn("some/path/" + names.prefix() + "-leftover"));
                yield roles;
            }
            default -> List.of("*");
        };
    }

    private List<String> environmentRoles(List<String> taskRoles) {
        List<String> roles = new ArrayList<>(taskRoles);
        List.of(names.previewRoleName(), names.windowRoleName(), names.releaseRoleName())
                .forEach(role -> roles.add(names.roleArn(role)));
        return roles;
    }

    private List<Requirement> awsCli(WorkflowJobs.Job job, WorkflowJobs.Use use) {
        // ECR API Reference: DescribeImages, BatchGetImage and PutImage each act on the repository resource.
        String action = switch (use.command()) {
            case "ecr describe-images" -> "ecr:DescribeImages";
            case "ecr batch-get-image" -> "ecr:BatchGetImage";
            case "ecr put-image" -> "ecr:PutImage";
            default -> "";
        };
        if (!action.isEmpty()) {
            return List.of(Requirement.on(job.name(), "aws " + use.command(), action, names.ecrRepositoryArn()));
        }
        problems.add("job " + job.name() + " runs 'aws " + use.command() + "', which this test does not know");
        return List.of();
    }

    private List<Requirement> pulumi(WorkflowJobs.Job job, WorkflowJobs.Use use) {
        String cause = use.toString();
        if (use.command().startsWith("stack ") || use.command().equals("version")) {
            return List.of();  // the backend only
        }
        if (use.flags().contains("--refresh") || use.flags().contains("--target")) {
            problems.add("job " + job.name() + " runs '" + cause + "': CI never refreshes (a refresh reads every"
                    + " SSM SecureString) nor targets");
            return List.of();
        }
        return switch (use.command()) {
            case "preview" -> List.of();  // the provider's configure only: sts:GetCallerIdentity
            case "up" -> resources(job, cause, true);
            case "destroy" -> {
                if (!use.flags().contains("--exclude-protected")) {
                    problems.add("job " + job.name() + " runs 'pulumi destroy' without --exclude-protected: CI never"
                            + " destroys core or confluent");
                    yield List.of();
                }
                yield resources(job, cause, false);
            }
            default -> {
                problems.add("job " + job.name() + " runs '" + cause + "', which this test does not know");
                yield List.of();
            }
        };
    }

    /** Every provider call for the demo layer (and, for an up, the core resources a window may change). */
    private List<Requirement> resources(WorkflowJobs.Job job, String cause, boolean up) {
        List<Requirement> out = new ArrayList<>();
        for (DeclaredResource resource : graph.resources()) {
            if (!resource.custom() || resource.isProvider() || !resource.type().startsWith("aws:")) {
                continue;
            }
            boolean demo = graph.layerOf(resource).equals(Optional.of(Layer.DEMO.tagValue()));
            boolean coreByWindow = up && WindowRolePolicy.UPDATES_IN_CORE.contains(resource.type());
            if (!demo && !coreByWindow) {
                continue;
            }
            List<ProviderActions.Operation> operations = !demo
                    ? List.of(ProviderActions.Operation.UPDATE, ProviderActions.Operation.READ)
                    : up ? List.of(ProviderActions.Operation.values()) : List.of(ProviderActions.Operation.DELETE);
            for (ProviderActions.Operation operation : operations) {
                Optional<List<String>> actions = provider.actions(resource.type(), operation, resource.inputs());
                if (actions.isEmpty()) {
                    problems.add("job " + job.name() + ": " + cause + " manages " + resource.type() + " ("
                            + resource.name() + "), which provider-actions.json does not list");
                    break;
                }
                String createApi = provider.actions(resource.type(), ProviderActions.Operation.CREATE).orElseThrow()
                        .get(0);
                String why = cause + ": " + operation.name().toLowerCase(java.util.Locale.ROOT) + " "
                        + resource.type() + " " + resource.name();
                for (String action : actions.get()) {
                    out.addAll(ProviderRequests.of(job.name(), why, resource, graph, operation, action, createApi, spec,
                            arns));
                }
            }
        }
        if (up) {
            provider.invoke(PINNED_IMAGE_INVOKE).orElseThrow().forEach(action -> out.add(Requirement.on(job.name(),
                    cause + ": invoke " + PINNED_IMAGE_INVOKE + " (the pinned-image gate)", action,
                    names.ecrRepositoryArn())));
        }
        return out;
    }

    static JsonNode input(DeclaredResource resource, String name) {
        return resource.inputs().path(name);
    }

}
