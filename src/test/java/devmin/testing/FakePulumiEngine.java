package devmin.testing;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass;
import pulumirpc.Resource;
import pulumirpc.ResourceMonitorGrpc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An in-test Pulumi engine: the ResourceMonitor and Engine gRPC services from the SDK's own protos, on 127.0.0.1, so
 * the built jar can be run exactly as the Pulumi language host runs it. It records every registration, output
 * registration, invoke and log message, and answers as the engine does (URNs, ids in update mode, inputs echoed).
 */
public final class FakePulumiEngine implements AutoCloseable {

    public record LogEntry(EngineOuterClass.LogSeverity severity, String message, String urn) {
    }

    private static final Set<String> FEATURES = Set.of("secrets", "resourceReferences");

    private final boolean dryRun;
    private final String project;
    private final String stack;
    public final List<Resource.RegisterResourceRequest> registrations = new CopyOnWriteArrayList<>();
    public final List<Resource.RegisterResourceOutputsRequest> outputs = new CopyOnWriteArrayList<>();
    public final List<String> invokes = new CopyOnWriteArrayList<>();
    public final List<LogEntry> logs = new CopyOnWriteArrayList<>();
    private final Map<String, String> qualifiedTypes = new ConcurrentHashMap<>();
    private volatile String root = "";
    private final Server server;

    // 127.0.0.1 is a literal IPv4 address, never resolved; the program under test is given exactly that address.
    @SuppressWarnings("AddressSelection")
    public FakePulumiEngine(String project, String stack, boolean dryRun) throws IOException {
        this.project = project;
        this.stack = stack;
        this.dryRun = dryRun;
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new Monitor()).addService(new Engine()).build().start();
    }

    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    public List<LogEntry> errors() {
        return logs.stream().filter(l -> l.severity() == EngineOuterClass.LogSeverity.ERROR).toList();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private String urn(Resource.RegisterResourceRequest request) {
        String parent = request.getParent();
        String parentType = parent.isEmpty() ? "" : qualifiedTypes.getOrDefault(parent, "") + "$";
        String qualified = parentType + request.getType();
        String urn = "urn:pulumi:" + stack + "::" + project + "::" + qualified + "::" + request.getName();
        qualifiedTypes.put(urn, qualified);
        return urn;
    }

    private final class Monitor extends ResourceMonitorGrpc.ResourceMonitorImplBase {
        @Override
        public void supportsFeature(Resource.SupportsFeatureRequest request,
                                    StreamObserver<Resource.SupportsFeatureResponse> response) {
            response.onNext(Resource.SupportsFeatureResponse.newBuilder()
                    .setHasSupport(FEATURES.contains(request.getId())).build());
            response.onCompleted();
        }

        @Override
        public void registerResource(Resource.RegisterResourceRequest request,
                                     StreamObserver<Resource.RegisterResourceResponse> response) {
            registrations.add(request);
            String urn = urn(request);
            var reply = Resource.RegisterResourceResponse.newBuilder().setUrn(urn).setObject(request.getObject());
            if (request.getCustom() && !dryRun) {
                reply.setId(request.getName() + "-id");
                var state = request.getObject().toBuilder();
                devmin.engine.PreviewMocks.computedOutputs(request.getType(), request.getName()).forEach((key, value) ->
                        state.putFields(key, com.google.protobuf.Value.newBuilder().setStringValue(
                                String.valueOf(value)).build()));
                reply.setObject(state);
            }
            response.onNext(reply.build());
            response.onCompleted();
        }

        @Override
        public void registerResourceOutputs(Resource.RegisterResourceOutputsRequest request,
                                            StreamObserver<Empty> response) {
            outputs.add(request);
            response.onNext(Empty.getDefaultInstance());
            response.onCompleted();
        }

        @Override
        public void invoke(Resource.ResourceInvokeRequest request,
                           StreamObserver<Resource.ResourceInvokeResponse> response) {
            invokes.add(request.getTok());
            response.onNext(answer(request));
            response.onCompleted();
        }

        /** ECR holds exactly the committed stack's pinned image; every other invoke answers an empty result. */
        private Resource.ResourceInvokeResponse answer(Resource.ResourceInvokeRequest request) {
            var answer = Resource.ResourceInvokeResponse.newBuilder();
            if (!request.getTok().equals("aws:ecr/getImage:getImage")) {
                return answer.setReturn(Struct.getDefaultInstance()).build();
            }
            var pinned = devmin.engine.PreviewMocks.pinnedImage(Fixtures.committedConfig()).orElseThrow();
            String digest = request.getArgs().getFieldsOrDefault("imageDigest",
                    com.google.protobuf.Value.getDefaultInstance()).getStringValue();
            if (!digest.equals(pinned.digest())) {
                return answer.addFailures(pulumirpc.Provider.CheckFailure.newBuilder().setProperty("imageDigest")
                        .setReason("ImageNotFoundException: " + digest)).build();
            }
            var tags = com.google.protobuf.ListValue.newBuilder();
            pinned.tags().forEach(t -> tags.addValues(com.google.protobuf.Value.newBuilder().setStringValue(t)));
            return answer.setReturn(Struct.newBuilder()
                    .putFields("imageDigest", com.google.protobuf.Value.newBuilder().setStringValue(digest).build())
                    .putFields("imageTags", com.google.protobuf.Value.newBuilder().setListValue(tags).build())
                    .build()).build();
        }

        @Override
        public void registerPackage(Resource.RegisterPackageRequest request,
                                    StreamObserver<Resource.RegisterPackageResponse> response) {
            response.onNext(Resource.RegisterPackageResponse.newBuilder().setRef(request.getName()).build());
            response.onCompleted();
        }
    }

    private final class Engine extends EngineGrpc.EngineImplBase {
        @Override
        public void log(EngineOuterClass.LogRequest request, StreamObserver<Empty> response) {
            logs.add(new LogEntry(request.getSeverity(), request.getMessage(), request.getUrn()));
            response.onNext(Empty.getDefaultInstance());
            response.onCompleted();
        }

        @Override
        public void getRootResource(EngineOuterClass.GetRootResourceRequest request,
                                    StreamObserver<EngineOuterClass.GetRootResourceResponse> response) {
            response.onNext(EngineOuterClass.GetRootResourceResponse.newBuilder().setUrn(root).build());
            response.onCompleted();
        }

        @Override
        public void setRootResource(EngineOuterClass.SetRootResourceRequest request,
                                    StreamObserver<EngineOuterClass.SetRootResourceResponse> response) {
            root = request.getUrn();
            response.onNext(EngineOuterClass.SetRootResourceResponse.getDefaultInstance());
            response.onCompleted();
        }
    }
}
