package devmin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code devmin}: the operations CLI. Each subcommand writes a verdict and exits 0 (pass), 1 (blockers), 2 (could not verify). */
@Command(name = "devmin",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Operate the dev_min environment of the streaming fraud platform.",
                "Run without arguments by the Pulumi CLI, the same jar is the Pulumi program."},
        subcommands = {PlanCommand.class, PolicyCommand.class, SnapshotCommand.class, VerifyTeardownCommand.class, VerifyIamCommand.class, PreflightCommand.class, ReadinessCommand.class, RunCommand.class, BudgetPostureCommand.class, CertifyCommand.class, WindowCommand.class, RehearseCommand.class, AnalyzerCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 blockers or violations found, 2 invalid input or could not verify, 64 usage."})
public final class DevminCommand implements Runnable {

    public static final int EXIT_USAGE = 64;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try 'devmin --help')");
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DevminCommand());
        cli.setExitCodeExceptionMapper(e -> 2);
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("devmin: " + ex.getMessage());
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
                CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, ex.getCommandLine().getErr());
            }
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for usage.");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("devmin: " + ex.getMessage());
            return 2;
        });
        return cli;
    }
}
