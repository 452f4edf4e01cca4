package devmin;

import devmin.cli.DevminCommand;
import devmin.policy.enforce.GuardedProgram;

/**
 * The jar's entry point. Started by the Pulumi Java language host (no arguments, {@code PULUMI_MONITOR} set) it runs
 * the Pulumi program; otherwise it is the {@code devmin} operations CLI.
 */
public final class Main {

    /** Packages the SDK need not scan for resource classes: scanning the AWS SDK alone costs seconds at start-up. */
    static final String RESOURCE_PACKAGE_EXCLUDES = "com.pulumi.aws,devmin,stacks";

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty("pulumi.resourcepackages.excludes") == null) {
            System.setProperty("pulumi.resourcepackages.excludes", RESOURCE_PACKAGE_EXCLUDES);
        }
        if (args.length == 0 && isStartedByPulumi()) {
            GuardedProgram.runUnderPulumi();
            return;
        }
        System.exit(DevminCommand.execute(args));
    }

    static boolean isStartedByPulumi() {
        String monitor = System.getenv("PULUMI_MONITOR");
        return monitor != null && !monitor.isBlank();
    }
}
