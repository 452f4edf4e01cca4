package devmin.analyzer;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Empty;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import pulumirpc.AnalyzerGrpc;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plugin contract of the Pulumi CLI: the port as the only line of stdout, and an exit when the parent goes. */
class AnalyzerServerTest {

    @Test
    void printsItsPortAndReturnsZeroWhenStdinCloses() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnalyzerServer server = new AnalyzerServer(List.of());

        int code = server.serve(new PrintStream(out, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream("ignored".getBytes(StandardCharsets.UTF_8)));

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(stdout).matches("[1-9][0-9]*\\R");
        int port = Integer.parseInt(stdout.trim());
        // A literal IPv4 address, never resolved: the server listened on exactly that address.
        assertThatThrownBy(() -> new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port).close())
                .as("the server was shut down")
                .isInstanceOf(java.net.ConnectException.class);
    }

    /** A NUL byte on stdin is not the end of it: only a closed pipe (or Cancel) stops the plugin. */
    @Test
    void keepsServingWhileStdinIsOpenAndStopsOnCancel() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stdout = new PrintStream(new BufferedOutputStream(bytes), false, StandardCharsets.UTF_8);
        PipedOutputStream parent = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(parent);
        parent.write(0);
        parent.flush();
        AnalyzerServer server = new AnalyzerServer(List.of());

        CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> {
            try {
                return server.serve(stdout, stdin);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        int port = awaitPort(bytes, serving);
        Thread watcher = awaitWatcher();

        assertThat(watcher.isDaemon()).as("the stdin watcher must not keep the JVM alive").isTrue();
        assertThat(serving).as("still serving with stdin open").isNotDone();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            AnalyzerGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS).cancel(Empty.getDefaultInstance());
        } finally {
            channel.shutdownNow();
        }
        assertThat(serving.get(10, TimeUnit.SECONDS)).isZero();
        parent.close();
    }

    private static Thread awaitWatcher() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            var found = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("devmin-analyzer-parent-watch") && t.isAlive()).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no stdin watcher thread was started");
    }

    /** The port line must be flushed to the CLI before serve blocks; read it as the CLI would, without a flush of ours. */
    private static int awaitPort(ByteArrayOutputStream bytes, CompletableFuture<Integer> serving) throws Exception {
        for (int i = 0; i < 200; i++) {
            String line = bytes.toString(StandardCharsets.UTF_8);
            if (line.endsWith("\n")) {
                return Integer.parseInt(line.trim());
            }
            if (serving.isDone()) {
                throw new AssertionError("serve returned " + serving.get() + " before printing its port");
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no port line on stdout: '" + bytes.toString(StandardCharsets.UTF_8) + "'");
    }
}
