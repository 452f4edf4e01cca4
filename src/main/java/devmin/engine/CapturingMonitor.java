package devmin.engine;

import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import devmin.graph.DeclaredResource;
import devmin.graph.WireValues;
import com.fasterxml.jackson.databind.node.ObjectNode;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The SDK's mock monitor, recording every registration exactly as the program sent it over the wire. */
final class CapturingMonitor extends MockMonitor {

    private final List<DeclaredResource> declared = Collections.synchronizedList(new ArrayList<>());
    private volatile ObjectNode stackOutputs = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();

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
                    request.getDependenciesList(), propertyDependencies(request),
                    request.getAdditionalSecretOutputsList(), SecretFingerprints.of(request.getObject()),
                    customTimeouts(request)));
            return response;
        });
    }

    /** The custom timeouts the program set, by operation; the wire leaves unset ones empty. */
    private static java.util.Map<String, String> customTimeouts(RegisterResourceRequest request) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        if (request.hasCustomTimeouts()) {
            var timeouts = request.getCustomTimeouts();
            java.util.Map.of("create", timeouts.getCreate(), "update", timeouts.getUpdate(), "delete",
                    timeouts.getDelete()).forEach((operation, value) -> {
                        if (!value.isEmpty()) {
                            out.put(operation, value);
                        }
                    });
        }
        return out;
    }

    private static java.util.Map<String, List<String>> propertyDependencies(RegisterResourceRequest request) {
        java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
        request.getPropertyDependenciesMap().forEach((property, urns) -> out.put(property, List.copyOf(urns.getUrnsList())));
        return out;
    }

    @Override
    public CompletableFuture<Void> registerResourceOutputsAsync(RegisterResourceOutputsRequest request) {
        if (request.getUrn().contains("::pulumi:pulumi:Stack::")) {
            stackOutputs = WireValues.fromStruct(request.getOutputs());
        }
        return super.registerResourceOutputsAsync(request);
    }

    /** The stack outputs exactly as the engine received them (unknowns and secrets per value). */
    ObjectNode stackOutputs() {
        return stackOutputs;
    }

    List<DeclaredResource> declared() {
        synchronized (declared) {
            return List.copyOf(declared);
        }
    }
}
