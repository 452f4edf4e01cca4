package devmin.program;

import com.google.protobuf.Empty;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A loopback proxy in front of the Pulumi engine's Engine service that drops DEBUG log messages. The Java SDK logs
 * every RegisterResourceRequest at DEBUG, secret inputs in plaintext included; devmin itself never logs at DEBUG, so
 * dropping them loses only the SDK's own chatter and keeps secrets out of the engine's log stream.
 */
final class DebugFilteringEngine implements AutoCloseable {

    private final ManagedChannel upstream;
    private final EngineGrpc.EngineBlockingStub engine;
    private final Server server;

    // 127.0.0.1 is a literal IPv4 address, never resolved; the engine is told exactly that address, so no other.
    @SuppressWarnings("AddressSelection")
    DebugFilteringEngine(String engineAddress) throws IOException {
        this.upstream = NettyChannelBuilder.forTarget(engineAddress).usePlaintext().build();
        this.engine = EngineGrpc.newBlockingStub(upstream);
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new Filter()).build().start();
    }

    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        server.shutdown();
        upstream.shutdown();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
            upstream.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Filter extends EngineGrpc.EngineImplBase {
        @Override
        public void log(EngineOuterClass.LogRequest request, StreamObserver<Empty> response) {
            if (request.getSeverity() == EngineOuterClass.LogSeverity.DEBUG) {
                reply(response, Empty::getDefaultInstance);
            } else {
                reply(response, () -> engine.log(request));
            }
        }

        @Override
        public void getRootResource(EngineOuterClass.GetRootResourceRequest request,
                                    StreamObserver<EngineOuterClass.GetRootResourceResponse> response) {
            reply(response, () -> engine.getRootResource(request));
        }

        @Override
        public void setRootResource(EngineOuterClass.SetRootResourceRequest request,
                                    StreamObserver<EngineOuterClass.SetRootResourceResponse> response) {
            reply(response, () -> engine.setRootResource(request));
        }

        @Override
        public void requirePulumiVersion(EngineOuterClass.RequirePulumiVersionRequest request,
                                         StreamObserver<EngineOuterClass.RequirePulumiVersionResponse> response) {
            reply(response, () -> engine.requirePulumiVersion(request));
        }

        private <T> void reply(StreamObserver<T> response, Supplier<T> call) {
            try {
                response.onNext(call.get());
                response.onCompleted();
            } catch (StatusRuntimeException e) {
                response.onError(e);
            }
        }
    }
}
