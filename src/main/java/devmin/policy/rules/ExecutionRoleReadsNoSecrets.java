package devmin.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.StackView;
import devmin.policy.Values;
import devmin.policy.Violation;
import devmin.policy.iam.IamEvaluator;
import devmin.policy.iam.IamStatement;
import devmin.policy.iam.PolicySource;
import devmin.policy.iam.RoleGrants;
import devmin.policy.kinds.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ECS execution role reads no secret, by any path: inline and separate role policies, managed and customer policy
 * attachments of any form, wildcards and NotAction — and no container of any task definition (sidecars included)
 * makes the execution role fetch one: {@code secrets}, {@code repositoryCredentials},
 * {@code logConfiguration.secretOptions}, in any key casing. What cannot be verified counts as a read. Never waivable.
 */
public final class ExecutionRoleReadsNoSecrets extends AbstractRule {

    public static final List<String> SECRET_READ_ACTIONS = List.of("ssm:GetParameter", "ssm:GetParameters",
            "ssm:GetParametersByPath", "ssm:GetParameterHistory", "secretsmanager:GetSecretValue",
            "secretsmanager:BatchGetSecretValue", "kms:Decrypt");

    public ExecutionRoleReadsNoSecrets() {
        super("DM-IAM-001", "execution-role-reads-no-secrets", Severity.CRITICAL,
                "An ECS task execution role can read no secret (SSM parameters, Secrets Manager, KMS decrypt), and no"
                        + " task definition makes it fetch one.",
                "Give the execution role only ECR pull and log writes; let each lane read its own SSM paths with its"
                        + " task role, and remove secrets, repositoryCredentials and logConfiguration.secretOptions from"
                        + " container definitions.");
    }

    @Override
    public boolean waivable() {
        return false;
    }

    @Override
    public boolean stackLevel() {
        return true;
    }

    @Override
    public List<Violation> check(StackView stack) {
        List<Violation> out = new ArrayList<>();
        for (ResourceView task : stack.ofKind(Kind.TASK_DEFINITION)) {
            out.addAll(injectedSecrets(task));
        }
        Set<ResourceView> executionRoles = TaskDefinitions.namedRoles(stack, TaskDefinitions::executionRole,
                "execution role", out);
        for (ResourceView role : executionRoles) {
            RoleGrants grants = RoleGrants.of(role, stack);
            for (PolicySource opaque : grants.opaqueSources()) {
                out.add(new Violation(opaque.urn(), "execution role '" + role.name() + "': " + opaque.unverifiable()
                        + " of secrets"));
            }
            for (String action : SECRET_READ_ACTIONS) {
                Optional<IamStatement> grant = IamEvaluator.grantOnAnyResource(grants.statements(), action);
                grant.ifPresent(s -> out.add(new Violation(role.urn(), "execution role '" + role.name()
                        + "' is granted " + action + " by " + s.describe())));
            }
        }
        return out;
    }

    /** Every way a container makes the execution role fetch a secret, and container definitions that cannot be read. */
    private static List<Violation> injectedSecrets(ResourceView task) {
        List<Violation> out = new ArrayList<>();
        TaskDefinitions.Containers containers = TaskDefinitions.of(task);
        containers.unreadable().forEach(property -> out.add(new Violation(task.urn(), "task definition '"
                + task.name() + "' has container definitions (" + property + ") that cannot be read, so they may make"
                + " the execution role fetch secrets")));
        for (JsonNode container : containers.containers()) {
            String where = "task definition '" + task.name() + "' container '" + TaskDefinitions.containerName(container)
                    + "'";
            Values.field(container, "secrets").ifPresent(s -> out.add(new Violation(task.urn(), where + " injects "
                    + Values.elements(s).size() + " secret(s) through the execution role (secrets)")));
            Values.field(container, "repositoryCredentials").flatMap(c -> Values.field(c, "credentialsParameter"))
                    .ifPresent(c -> out.add(new Violation(task.urn(), where + " pulls with registry credentials the"
                            + " execution role fetches (repositoryCredentials.credentialsParameter)")));
            Values.field(container, "logConfiguration").flatMap(c -> Values.field(c, "secretOptions"))
                    .ifPresent(s -> out.add(new Violation(task.urn(), where + " gives its log driver "
                            + Values.elements(s).size() + " secret(s) the execution role fetches"
                            + " (logConfiguration.secretOptions)")));
        }
        return out;
    }
}
