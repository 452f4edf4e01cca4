package devmin.cli;

import devmin.live.Verdict;
import devmin.live.aws.AwsClients;
import devmin.live.iam.VerifyIam;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import stacks.demo.DemoNames;
import stacks.handles.HandleName;
import stacks.spec.EnvironmentSpec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code devmin verify-iam}: the execution role reads nothing; each lane role reads exactly its own handles. */
@Command(name = "verify-iam",
        header = "Prove the execution role reads no secret and each lane only its own handles.", mixinStandardHelpOptions = true,
        description = {"Prove least privilege after 'pulumi up' with iam:SimulatePrincipalPolicy: the execution role and "
                + "every lane role against every SSM handle path, every ancestor path and a canary path, for "
                + "ssm:GetParameter/GetParameters/GetParametersByPath/GetParameterHistory, "
                + "secretsmanager:GetSecretValue and kms:Decrypt. Expected: the execution role is allowed nothing; each "
                + "lane exactly GetParameter and GetParameters on its own handle ARNs. Every cell asked must be "
                + "evaluated exactly once, or the role is unverified; the verdict states the matrix it proved. Writes "
                + "<out>/<environment>/iam/<UTC>/secret_surface_check.json."},
        footer = {"",
                "Exit codes: 0 proven; 1 a difference (each named: role, action, resource); 2 could not verify (an "
                + "API error, an answer that is not the simulation's result, an incomplete matrix, no AWS credentials, "
                + "or a failed --publish); 64 usage."})
public final class VerifyIamCommand implements Callable<Integer> {

    /** Every AWS action verify-iam calls, {@code --access-analyzer} included (IAM names). */
    public static final Set<String> AWS_ACTIONS = LiveRun.awsActions("iam:SimulatePrincipalPolicy",
            "iam:ListRolePolicies", "iam:GetRolePolicy", "access-analyzer:CheckAccessNotGranted");

    @Mixin
    LiveOptions options;

    @Option(names = "--stack-outputs", paramLabel = "FILE", description = "JSON of 'pulumi stack output --json' (its 'handles' name the roles); default: the role ARNs the program derives from the spec.")
    Path stackOutputs;

    @Option(names = "--access-analyzer", description = "Also run IAM Access Analyzer CheckAccessNotGranted on the execution role's policies.")
    boolean accessAnalyzer;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        var inputs = LiveRun.inputs(options, 120_000, "verify-iam", err);
        if (inputs.isEmpty()) {
            return 2;
        }
        EnvironmentSpec environment = inputs.get().spec();
        long deadline = inputs.get().deadlineMillis();
        Map<String, String> handles;
        try {
            handles = stackOutputs != null ? handlesFrom(stackOutputs) : derivedRoles(environment);
        } catch (IllegalArgumentException e) {
            err.println("devmin verify-iam: " + e.getMessage());
            return 2;
        }
        var clients = LiveRun.clients("verify-iam", err);
        if (clients.isEmpty()) {
            return 2;
        }
        try (AwsClients aws = clients.get()) {
            Verdict verdict = VerifyIam.verify(aws, environment, handles, accessAnalyzer,
                    accessAnalyzer ? aws.accessAnalyzer(environment.awsRegion()) : null, options.parallelism, deadline,
                    LiveRun.provenance(options, environment));
            return LiveRun.finish(options, environment, aws, verdict, "iam", "secret_surface_check",
                    "Secret surface " + environment.stack(), spec.commandLine().getOut(), err);
        }
    }

    static Map<String, String> handlesFrom(Path file) {
        return StackOutputs.handles(file);
    }

    /** The ARNs the demo layer gives its roles (what it publishes as handles). */
    static Map<String, String> derivedRoles(EnvironmentSpec spec) {
        DemoNames names = DemoNames.of(spec);
        Map<String, String> handles = new LinkedHashMap<>();
        handles.put(HandleName.ROLE_ECS_TASK_EXECUTION, names.roleArn(names.executionRoleName()));
        spec.lanes().forEach(l -> handles.put(HandleName.laneRole(l.name()), names.roleArn(names.laneRoleName(l.name()))));
        return handles;
    }
}
