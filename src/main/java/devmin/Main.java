package devmin;

import devmin.cli.DevminCommand;
import devmin.launch.TunedRelaunch;
import devmin.program.ProgramLauncher;

import java.util.Optional;

/**
 * The jar's entry point. Started by the Pulumi Java language host (no arguments, {@code PULUMI_MONITOR} set) it runs
 * the Pulumi program; otherwise it is the {@code devmin} operations CLI.
 */
public final class Main {

    /** Packages the SDK need not scan for resource classes: scanning the AWS SDK alone costs seconds at start-up. */
    static final String RESOURCE_PACKAGE_EXCLUDES = "com.pulumi.aws,devmin,stacks";

    private Main() {
    }

    /**
     * On a 2-core machine the common fork-join pool has parallelism 1, and CompletableFuture then starts a new thread
     * for every async task: the Pulumi SDK's futures would start ~2,000 threads in one run.
     */
    static final String COMMON_POOL_PARALLELISM = "2";

    public static void main(String[] args) {
        setDefault("pulumi.resourcepackages.excludes", RESOURCE_PACKAGE_EXCLUDES);
        setDefault("java.util.concurrent.ForkJoinPool.common.parallelism", COMMON_POOL_PARALLELISM);
        TunedRelaunch.exitWithParent(System.getenv());
        Optional<Integer> relaunched = TunedRelaunch.relaunch(args, System.getenv());
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        if (args.length == 0 && isStartedByPulumi()) {
            System.exit(runProgram());
        }
        System.exit(DevminCommand.execute(args));
    }

    private static int runProgram() {
        try {
            return ProgramLauncher.run(System.getenv());
        } catch (java.io.IOException e) {
            System.err.println("devmin: cannot reach the Pulumi engine: " + e.getMessage());
            return 1;
        }
    }

    private static void setDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    static boolean isStartedByPulumi() {
        String monitor = System.getenv("PULUMI_MONITOR");
        return monitor != null && !monitor.isBlank();
    }
}
