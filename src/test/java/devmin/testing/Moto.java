package devmin.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An AWS implementation the project did not write: moto's server mode ({@code moto[server]}, pinned), installed on
 * first use into a virtualenv under {@code target/moto-venv} (reused while its version marker matches; pip keeps its
 * downloads in ~/.cache/pip) and started on 127.0.0.1 at a free port, once per JVM, stopped when the JVM exits.
 * Without Python the suite is skipped with a loud message, except when {@code CI=true}: then it fails.
 */
public final class Moto {

    public static final String VERSION = "5.2.5";
    static final Path VENV = Path.of("target", "moto-venv");
    private static Moto running;

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private Moto(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** The running server, starting (and first installing) it when needed. */
    public static synchronized Moto server() {
        if (running == null) {
            try {
                running = start(install());
            } catch (IOException e) {
                throw new IllegalStateException("moto could not be started: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting moto", e);
            }
            Moto started = running;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return running;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Forgets every resource (moto's {@code /moto-api/reset}). */
    public void reset() {
        try {
            HttpURLConnection reset = (HttpURLConnection) endpoint.resolve("/moto-api/reset").toURL().openConnection();
            reset.setRequestMethod("POST");
            reset.setDoOutput(true);
            reset.getOutputStream().close();
            if (reset.getResponseCode() != 200) {
                throw new IllegalStateException("moto reset answered HTTP " + reset.getResponseCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto reset failed: " + e.getMessage() + "; server log: " + log, e);
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The moto_server executable, installing moto first when the virtualenv is missing or of another version. */
    static Path install() throws IOException, InterruptedException {
        Path server = VENV.resolve("bin").resolve("moto_server");
        Path marker = VENV.resolve("devmin-moto-" + VERSION);
        if (Files.isExecutable(server) && Files.exists(marker)) {
            return server;
        }
        String python = python(System.getenv());
        Path installLog = Path.of("target", "moto-install.log");
        Files.createDirectories(installLog.getParent());
        run(List.of(python, "-m", "venv", "--clear", VENV.toString()), installLog);
        run(List.of(VENV.resolve("bin").resolve("pip").toString(), "install", "--disable-pip-version-check",
                "--quiet", "moto[server]==" + VERSION), installLog);
        Files.writeString(marker, VERSION);
        return server;
    }

    /** python3 (or what DEVMIN_PYTHON names); without it, skip loudly, or fail when CI=true. */
    static String python(java.util.Map<String, String> env) throws InterruptedException {
        return python(env, System.err);
    }

    /** As {@link #python(java.util.Map)}, printing the skip banner to {@code banner} (a test of it keeps it quiet). */
    static String python(java.util.Map<String, String> env, java.io.PrintStream banner) throws InterruptedException {
        String python = env.getOrDefault("DEVMIN_PYTHON", "python3");
        try {
            Process version = new ProcessBuilder(python, "--version").redirectErrorStream(true).start();
            if (version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0) {
                return python;
            }
        } catch (IOException e) {
            // no such executable: handled below
        }
        String message = "MOTO SUITE SKIPPED: '" + python + "' is not runnable, so the tests against moto (an AWS"
                + " implementation the project did not write) did not run. Install Python 3 with venv to run them.";
        if ("true".equalsIgnoreCase(env.get("CI"))) {
            throw new IllegalStateException(message.replace("SKIPPED", "CANNOT RUN IN CI"));
        }
        banner.println("\n*** " + message + " ***\n");
        Assumptions.abort(message);
        throw new IllegalStateException(message);
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed; see " + log + ":\n"
                    + tail(log));
        }
    }

    private static Moto start(Path server) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Path.of("target", "moto-server-" + port + ".log");
        Process process = new ProcessBuilder(server.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("moto_server exited with " + process.exitValue() + ":\n" + tail(log));
            }
            if (ready(endpoint)) {
                return new Moto(process, endpoint, log);
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IOException("moto_server did not answer on " + endpoint + " within 60 s:\n" + tail(log));
    }

    private static boolean ready(URI endpoint) {
        try {
            HttpURLConnection probe = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            probe.setConnectTimeout(500);
            probe.setReadTimeout(2000);
            return probe.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
