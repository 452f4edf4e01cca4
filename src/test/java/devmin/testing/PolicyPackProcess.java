package devmin.testing;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import pulumirpc.AnalyzerGrpc;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The policy pack executable started as the Pulumi CLI starts it, with a gRPC client on the port it prints. */
public final class PolicyPackProcess implements AutoCloseable {

    public static final String EXECUTABLE = "policies/devmin-policy-pack";

    public final Process process;
    public final long millisToPort;
    public final String portLine;
    private final ByteArrayOutputStream restOfStdout = new ByteArrayOutputStream();
    private final ManagedChannel channel;
    public final AnalyzerGrpc.AnalyzerBlockingStub analyzer;

    public PolicyPackProcess() throws Exception {
        long started = System.nanoTime();
        this.process = new ProcessBuilder(EXECUTABLE, "127.0.0.1:1").redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.portLine = CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readLine();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        this.millisToPort = (System.nanoTime() - started) / 1_000_000;
        Thread drain = new Thread(() -> {
            try {
                stdout.transferTo(new java.io.OutputStreamWriter(restOfStdout, StandardCharsets.UTF_8));
            } catch (Exception ignored) {
                // the process is gone
            }
        });
        drain.setDaemon(true);
        drain.start();
        this.channel = NettyChannelBuilder.forAddress("127.0.0.1", Integer.parseInt(portLine.trim())).usePlaintext()
                .build();
        this.analyzer = AnalyzerGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    /** Everything the process wrote to stdout after the port line. */
    public String stdoutAfterPort() {
        return restOfStdout.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        channel.shutdownNow();
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
