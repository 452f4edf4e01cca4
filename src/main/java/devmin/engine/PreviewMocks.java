package devmin.engine;

import com.pulumi.test.Mocks;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Stands in for the cloud providers. In preview, as in {@code pulumi preview} of a new stack, a resource's state is
 * its inputs and everything computed (ids, ARNs) is unknown; in update mode ids and ARNs get deterministic fakes.
 */
public final class PreviewMocks implements Mocks {

    private final boolean preview;

    public PreviewMocks(boolean preview) {
        this.preview = preview;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> state = new HashMap<>(args.inputs);
        if (preview) {
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), state));
        }
        String id = args.name + "-id";
        state.putIfAbsent("arn", "arn:aws:mock:::" + args.type + "/" + args.name);
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return CompletableFuture.completedFuture(Map.of());
    }
}
