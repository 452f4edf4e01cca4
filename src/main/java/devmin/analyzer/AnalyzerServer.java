package devmin.analyzer;

import devmin.policy.Waiver;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Serves {@link PolicyAnalyzer} on a loopback port and prints that port as the first and only line of stdout, as
 * the Pulumi CLI expects of an analyzer plugin. Runs until Cancel, or until its parent goes away (stdin closes).
 */
public final class AnalyzerServer {

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Server server;

    // 127.0.0.1 is a literal IPv4 address, never resolved; Pulumi dials the plugin at 127.0.0.1 on the printed port.
    @SuppressWarnings("AddressSelection")
    public AnalyzerServer(List<Waiver> waivers) throws IOException {
        // The engine sends one resource at a time and waits for the answer, and each answer takes about a
        // millisecond: answering on the transport's own thread saves a hand-over to an executor thread per call.
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).directExecutor()
                .addService(new PolicyAnalyzer(waivers, stopped::countDown)).build().start();
    }

    /** Prints the port, then blocks until cancelled or orphaned; returns the exit code. */
    public int serve(PrintStream stdout, InputStream stdin) throws InterruptedException {
        stdout.println(server.getPort());
        stdout.flush();
        Thread watcher = new Thread(() -> {
            try {
                while (stdin.read() >= 0) {
                    // the engine writes nothing; read until the pipe closes
                }
            } catch (IOException ignored) {
                // a broken pipe means the parent is gone, too
            }
            stopped.countDown();
        }, "devmin-analyzer-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
        stopped.await();
        server.shutdown();
        server.awaitTermination(5, TimeUnit.SECONDS);
        return 0;
    }
}
