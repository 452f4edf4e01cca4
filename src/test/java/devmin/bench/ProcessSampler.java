package devmin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the processes this JVM starts, and theirs, while a command runs: when each was first and last seen (epoch
 * milliseconds), its command line (the last seen: a child shows its parent's until it execs) and its peak resident set
 * ({@code VmHWM} of {@code /proc/<pid>/status}, the kernel's high-water mark), every 50 ms. Linux only; elsewhere the
 * peaks are 0.
 */
final class ProcessSampler {

    private static final long PERIOD_MILLIS = 50;

    /** One process as sampled. */
    record Seen(long pid, String commandLine, long firstMillis, long lastMillis, long peakKib) {
    }

    private final Map<Long, Seen> seen = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private ProcessSampler() {
        thread = new Thread(this::loop, "process-sampler");
        thread.setDaemon(true);
    }

    static ProcessSampler start() {
        ProcessSampler sampler = new ProcessSampler();
        sampler.thread.start();
        return sampler;
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join();
    }

    List<Seen> processes() {
        return new ArrayList<>(seen.values());
    }

    private void loop() {
        while (running) {
            sampleOnce();
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
        sampleOnce();
    }

    private void sampleOnce() {
        long now = System.currentTimeMillis();
        ProcessHandle.current().descendants().forEach(process -> {
            long peak = peakKib(process.pid());
            String commandLine = process.info().commandLine().orElse("");
            seen.merge(process.pid(), new Seen(process.pid(), commandLine, now, now, peak), (old, fresh) ->
                    new Seen(old.pid(), fresh.commandLine().isEmpty() ? old.commandLine() : fresh.commandLine(),
                            old.firstMillis(), now, Math.max(old.peakKib(), fresh.peakKib())));
        });
    }

    private static long peakKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between listing and reading, or this is not Linux
        }
        return 0;
    }
}
