package devmin.cli;

import picocli.CommandLine.Command;

/** {@code devmin policy …}: the policy engine on existing stacks. */
@Command(name = "policy",
        header = "Evaluate the rule pack on a stack export or a preview.", mixinStandardHelpOptions = true,
        description = "Evaluate the dev-min policy pack on an existing stack or a preview.",
        subcommands = {PolicyCheckCommand.class})
public final class PolicyCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (try 'devmin policy check --help')");
    }
}
