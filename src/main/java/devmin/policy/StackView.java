package devmin.policy;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.kinds.Kind;
import devmin.policy.kinds.ResourceKinds;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All resource views of one stack, with the lookups relation rules need. */
public final class StackView {

    private final List<ResourceView> resources;
    private final Map<String, ResourceView> byUrn = new HashMap<>();
    private final Map<String, List<ResourceView>> byType = new HashMap<>();
    private final Map<Kind, List<ResourceView>> byKind = new EnumMap<>(Kind.class);
    private final Map<Class<?>, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

    public StackView(List<ResourceView> resources) {
        this.resources = List.copyOf(resources);
        ResourceKinds kinds = ResourceKinds.table();
        this.resources.forEach(r -> {
            byUrn.put(r.urn(), r);
            byType.computeIfAbsent(r.type(), t -> new java.util.ArrayList<>()).add(r);
            kinds.facts(r.type()).ifPresent(f -> f.kinds().forEach(k ->
                    byKind.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(r)));
        });
    }

    /** Every resource the kind table says is of {@code kind}, whichever provider declares it. */
    public List<ResourceView> ofKind(Kind kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /**
     * An index computed once per stack and shared by every rule that needs it (e.g. which policies reach which role),
     * keeping relation rules linear in the size of the stack.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Class<T> kind, java.util.function.Function<StackView, T> compute) {
        return (T) derived.computeIfAbsent(kind, k -> compute.apply(this));
    }

    public List<ResourceView> resources() {
        return resources;
    }

    public List<ResourceView> ofType(String... types) {
        if (types.length == 1) {
            return byType.getOrDefault(types[0], List.of());
        }
        return resources.stream().filter(r -> r.is(types)).toList();
    }

    public Optional<ResourceView> byUrn(String urn) {
        return Optional.ofNullable(byUrn.get(urn));
    }

    /** The provider resource a reference ({@code urn::id}) points at. */
    public Optional<ResourceView> providerOf(ResourceView resource) {
        String ref = resource.provider();
        int split = ref.lastIndexOf("::");
        return split <= 0 ? Optional.empty() : byUrn(ref.substring(0, split));
    }

    /**
     * Whether {@code value} (a property value) refers to {@code target}: by URN, by dependency, or by the target's
     * id, name or ARN as they appear in a stack export.
     */
    public boolean refersTo(ResourceView from, JsonNode value, ResourceView target) {
        if (value == null || value.isNull()) {
            return false;
        }
        String text = value.asText();
        if (text.equals(target.urn())) {
            return true;
        }
        for (String key : List.of("id", "arn", "name", "bucket")) {
            Optional<String> identity = target.text(key).filter(s -> !s.startsWith("["));
            if (identity.isPresent() && identity.get().equals(text)) {
                return true;
            }
        }
        return false;
    }
}
