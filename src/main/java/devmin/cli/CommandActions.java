package devmin.cli;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every devmin command with the AWS actions it calls, in IAM form — what a CI role that runs it must allow. A command
 * declares its own set ({@code AWS_ACTIONS}, proven against its call log by the wire tests); this registry names the
 * command as a workflow writes it. A command that calls no AWS API is listed with none, so a workflow step that runs
 * an unlisted command fails the role coverage test instead of passing unseen. Adding a command is one line here.
 */
public final class CommandActions {

    public static final Map<String, Set<String>> BY_COMMAND = Map.ofEntries(
            Map.entry("plan", Set.of()),
            Map.entry("policy check", Set.of()),
            Map.entry("analyzer", Set.of()),
            Map.entry("window status", Set.of()),
            Map.entry("rehearse", Set.of()),
            Map.entry("preflight", PreflightCommand.AWS_ACTIONS),
            Map.entry("verify-iam", VerifyIamCommand.AWS_ACTIONS),
            Map.entry("snapshot pre-destroy", SnapshotCommand.PreDestroy.AWS_ACTIONS),
            Map.entry("verify-teardown", VerifyTeardownCommand.AWS_ACTIONS),
            Map.entry("readiness", ReadinessCommand.AWS_ACTIONS),
            Map.entry("run", RunCommand.AWS_ACTIONS),
            Map.entry("budget-posture", BudgetPostureCommand.AWS_ACTIONS),
            Map.entry("certify", CertifyCommand.AWS_ACTIONS));

    private CommandActions() {
    }

    /** The actions of a command as a workflow writes it ({@code snapshot pre-destroy}), empty when unknown. */
    public static Optional<Set<String>> of(String command) {
        return Optional.ofNullable(BY_COMMAND.get(command));
    }
}
