package devmin.launch;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Short compute-bound runs — the Pulumi program, {@code plan}, {@code policy} — are JIT-bound on small machines: the
 * Pulumi SDK compiles far more than it executes in one run. Started with plain {@code java -jar} (as the Pulumi
 * language host starts the program), the jar relaunches itself once with C1 only, the serial collector and an
 * application class-data archive next to the jar (created by the first such run), which is what the {@code ./devmin}
 * wrapper passes directly. The child inherits stdio and environment, its exit code is returned, it is destroyed when
 * this process is terminated, and it exits when this process disappears. Never for the analyzer, whose port line and
 * lifecycle belong to the Pulumi CLI. {@code DEVMIN_NO_RELAUNCH=1} turns it off.
 */
public final class TunedRelaunch {

    static final Set<String> COMMANDS = Set.of("plan", "policy");
    static final String TUNED_FLAG = "-XX:TieredStopAtLevel=1";
    static final String RELAUNCHED = "DEVMIN_RELAUNCHED";
    /** One collector thread and no concurrent marking: less CPU taken from the engine and the pack on 2 cores. */
    static final String SMALL_HEAP_GC = "-XX:+UseSerialGC";

    private TunedRelaunch() {
    }

    /** The exit code of the tuned child, or empty when this JVM should run the command itself. */
    public static Optional<Integer> relaunch(String[] args, Map<String, String> env) {
        boolean program = args.length == 0 && !env.getOrDefault("PULUMI_MONITOR", "").isBlank();
        boolean cli = args.length > 0 && COMMANDS.contains(args[0]);
        if (!(program || cli) || env.containsKey("DEVMIN_NO_RELAUNCH") || isTuned()) {
            return Optional.empty();
        }
        Optional<Path> jar = ownJar();
        Optional<String> java = ProcessHandle.current().info().command();
        if (jar.isEmpty() || java.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of(java.get(), TUNED_FLAG, SMALL_HEAP_GC));
        command.add(archiveOption(jar.get()));
        command.addAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", jar.get().toString(), "devmin.Main"));
        command.addAll(List.of(args));
        Process child;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().put(RELAUNCHED, "1");
            child = builder.start();
        } catch (Exception e) {
            return Optional.empty(); // could not relaunch: run here, untuned
        }
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy, "devmin-relaunch-stop"));
        while (true) {
            try {
                return Optional.of(child.waitFor());
            } catch (InterruptedException e) {
                child.destroy();
            }
        }
    }

    /** In the relaunched child: exit when the launching process goes away, so the child is never orphaned. */
    // The callback halts the JVM; there is no result or failure for anyone to wait on.
    @SuppressWarnings("FutureReturnValueIgnored")
    public static void exitWithParent(Map<String, String> env) {
        if ("1".equals(env.get(RELAUNCHED))) {
            ProcessHandle.current().parent().ifPresent(parent ->
                    parent.onExit().thenRun(() -> Runtime.getRuntime().halt(143)));
        }
    }

    private static boolean isTuned() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().contains(TUNED_FLAG);
    }

    /** Use the archive when it is newer than the jar, otherwise (re)create it at exit. */
    static String archiveOption(Path jar) {
        Path archive = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", "") + ".jsa");
        try {
            if (Files.exists(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return "-XX:SharedArchiveFile=" + archive;
            }
            Files.deleteIfExists(archive);
        } catch (Exception ignored) {
            // an unreadable archive is just not used
        }
        return "-XX:ArchiveClassesAtExit=" + archive;
    }

    private static Optional<Path> ownJar() {
        try {
            Path location = Path.of(TunedRelaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) && location.toString().endsWith(".jar") ? Optional.of(location)
                    : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
