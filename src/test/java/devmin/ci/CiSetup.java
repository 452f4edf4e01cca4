package devmin.ci;

import devmin.engine.EngineRun;
import devmin.engine.StackConfig;
import devmin.graph.StackGraph;
import devmin.policy.iam.IamStatement;
import devmin.testing.Fixtures;
import stacks.core.CoreNames;
import stacks.spec.ConfigSource;
import stacks.spec.EnvironmentSpec;
import stacks.spec.SpecParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The program's CI roles as it declares them under the mock engine, and the workflow jobs that assume them, with every
 * request each job makes: what the role coverage, exactness and no-escalation tests share.
 */
record CiSetup(String configName, EnvironmentSpec spec, StackGraph graph, CoreNames names,
               List<WorkflowJobs.Job> jobs, Map<String, List<Requirement>> requirements, List<String> problems) {

    /** The repository variable a job's configure-aws-credentials step reads, to the role it names (README, CI/CD). */
    static final Map<String, Function<CoreNames, String>> ROLE_VARIABLES = Map.of(
            "DEVMIN_PREVIEW_ROLE_ARN", CoreNames::previewRoleName,
            "DEVMIN_WINDOW_ROLE_ARN", CoreNames::windowRoleName,
            "DEVMIN_IMAGE_RELEASE_ROLE_ARN", CoreNames::releaseRoleName);

    /** A role's use outside these workflows (README): images are pushed by the application's release pipeline. */
    static final String IMAGE_PUSH = "image push (docker push by the release pipeline; ECR User Guide, 'IAM permissions"
            + " for pushing an image')";

    /** The committed stack, and the same with the optional database (its RDS resources join the demo layer). */
    static List<CiSetup> all() {
        StackConfig committed = Fixtures.committedConfig();
        return List.of(of("committed", committed), of("database enabled", committed
                .with("devmin:database", "{\"enabled\":true}").with("devmin:dbUser", "app")
                .with("devmin:dbPassword", "pw")));
    }

    static CiSetup of(String name, StackConfig config) {
        EngineRun run = Fixtures.preview(config);
        if (!run.succeeded()) {
            throw new IllegalStateException(name + ": the program did not run: " + run.errors());
        }
        EnvironmentSpec spec = SpecParser.parse(ConfigSource.of(config.values(), config.secretKeys()), "devmin",
                "dev-min");
        CoreNames names = CoreNames.of(spec);
        JobRequirements requirements = new JobRequirements(spec, run.graph());
        Map<String, List<Requirement>> byJob = new LinkedHashMap<>();
        List<WorkflowJobs.Job> jobs = WorkflowJobs.all();
        jobs.forEach(job -> byJob.put(job.name(), requirements.of(job)));
        byJob.put(IMAGE_PUSH, imagePush(names));
        return new CiSetup(name, spec, run.graph(), names, jobs, byJob, requirements.problems());
    }

    private static List<Requirement> imagePush(CoreNames names) {
        List<Requirement> push = new ArrayList<>();
        push.add(Requirement.on(IMAGE_PUSH, "docker login", "ecr:GetAuthorizationToken", "*"));
        for (String action : List.of("ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload",
                "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:BatchGetImage")) {
            push.add(Requirement.on(IMAGE_PUSH, "docker push", action, names.ecrRepositoryArn()));
        }
        return push;
    }

    /** The role name each job assumes (empty: none); the image push assumes the image-release role. */
    String roleOf(String job) {
        if (job.equals(IMAGE_PUSH)) {
            return names.releaseRoleName();
        }
        WorkflowJobs.Job found = jobs.stream().filter(j -> j.name().equals(job)).findFirst().orElseThrow();
        return found.roleVariable().map(v -> ROLE_VARIABLES.containsKey(v) ? ROLE_VARIABLES.get(v).apply(names)
                : "<unknown variable " + v + ">").orElse("");
    }

    List<String> roleNames() {
        return List.of(names.previewRoleName(), names.windowRoleName(), names.releaseRoleName());
    }

    List<IamStatement> statements(String roleName) {
        return RolePolicies.statements(graph, roleName);
    }

    /** Every requirement of every job that assumes {@code roleName}. */
    List<Requirement> requirementsOf(String roleName) {
        List<Requirement> out = new ArrayList<>();
        requirements.forEach((job, list) -> {
            if (roleOf(job).equals(roleName)) {
                out.addAll(list);
            }
        });
        return out;
    }

    /** The role's policy documents as the program declares them (the JSON of each attached RolePolicy). */
    List<String> documents(String roleName) {
        return RolePolicies.documents(graph, roleName);
    }

    /** The role's ARN, the principal of its requests. */
    String roleArn(String roleName) {
        return names.roleArn(roleName);
    }
}
