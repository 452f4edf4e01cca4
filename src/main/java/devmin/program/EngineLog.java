package devmin.program;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;

import java.util.concurrent.TimeUnit;

/** Sends error messages to the Pulumi engine's Log service, for failures before the SDK has started. */
final class EngineLog {

    private EngineLog() {
    }

    static void error(String engineAddress, String message) {
        ManagedChannel channel = NettyChannelBuilder.forTarget(engineAddress).usePlaintext().build();
        try {
            EngineGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .log(LogRequest.newBuilder().setSeverity(LogSeverity.ERROR).setMessage(message).build());
        } finally {
            channel.shutdownNow();
        }
    }
}
