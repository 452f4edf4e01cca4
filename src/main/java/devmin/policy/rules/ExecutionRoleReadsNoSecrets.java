package devmin.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.StackView;
import devmin.policy.Violation;
import devmin.policy.iam.IamEvaluator;
import devmin.policy.iam.IamStatement;
import devmin.policy.iam.RoleGrants;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ECS execution role reads no secret, by any path: inline and separate role policies, managed and customer policy
 * attachments, wildcards and NotAction; and no task definition has a {@code secrets} block (which would make the
 * execution role fetch them). Never waivable.
 */
public final class ExecutionRoleReadsNoSecrets extends AbstractRule {

    public static final List<String> SECRET_READ_ACTIONS = List.of("ssm:GetParameter", "ssm:GetParameters",
            "ssm:GetParametersByPath", "ssm:GetParameterHistory", "secretsmanager:GetSecretValue",
            "secretsmanager:BatchGetSecretValue", "kms:Decrypt");

    public ExecutionRoleReadsNoSecrets() {
        super("DM-IAM-001", "execution-role-reads-no-secrets", Severity.CRITICAL,
                "An ECS task execution role can read no secret (SSM parameters, Secrets Manager, KMS decrypt), and no"
                        + " task definition injects secrets through it.",
                "Give the execution role only ECR pull and log writes; let each lane read its own SSM paths with its"
                        + " task role, and remove 'secrets' from container definitions.");
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
        Set<ResourceView> executionRoles = new LinkedHashSet<>();
        for (ResourceView task : stack.ofType(RuleSupport.TASK_DEFINITION)) {
            for (JsonNode container : RuleSupport.containers(task)) {
                JsonNode secrets = container.get("secrets");
                if (secrets != null && secrets.size() > 0) {
                    out.add(new Violation(task.urn(), "task definition '" + task.name() + "' container '"
                            + container.path("name").asText() + "' injects " + secrets.size()
                            + " secret(s) through the execution role"));
                }
            }
            executionRoles.addAll(RoleGrants.rolesReferencedBy(stack, task, "executionRoleArn"));
        }
        for (ResourceView role : executionRoles) {
            RoleGrants grants = RoleGrants.of(role, stack);
            for (RoleGrants.Source opaque : grants.opaqueSources()) {
                out.add(new Violation(opaque.urn(), "execution role '" + role.name() + "' has " + opaque.description()
                        + " whose content cannot be verified, so it may read secrets"));
            }
            for (String action : SECRET_READ_ACTIONS) {
                Optional<IamStatement> grant = IamEvaluator.grantOnAnyResource(grants.statements(), action);
                grant.ifPresent(s -> out.add(new Violation(role.urn(), "execution role '" + role.name()
                        + "' is granted " + action + " by " + s.describe())));
            }
        }
        return out;
    }
}
