package devmin.engine;

import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import devmin.graph.DeclaredResource;
import devmin.graph.WireValues;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The SDK's mock monitor, recording every registration exactly as the program sent it over the wire. */
final class CapturingMonitor extends MockMonitor {

    private final List<DeclaredResource> declared = Collections.synchronizedList(new ArrayList<>());

    CapturingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource,
                                                                           RegisterResourceRequest request) {
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            declared.add(new DeclaredResource(response.getUrn(), request.getType(), request.getName(),
                    request.getParent(), request.getCustom(), request.getProtect(), request.getProvider(),
                    request.getVersion(), WireValues.fromStruct(request.getObject()),
                    request.getDependenciesList(), request.getAdditionalSecretOutputsList()));
            return response;
        });
    }

    List<DeclaredResource> declared() {
        synchronized (declared) {
            return List.copyOf(declared);
        }
    }
}
