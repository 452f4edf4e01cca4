package devmin.policy.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that knows what resource types are ({@code resource-kinds.json}: types per provider, with the source
 * of each provider's list). Rules ask it "is this a NAT gateway?" rather than keeping their own type lists; a type of a
 * watched module that the table does not know is {@link #isUnrecognised unrecognised}, which a rule reports.
 */
public final class ResourceKinds {

    static final String RESOURCE = "/devmin/policy/kinds/resource-kinds.json";
    private static final ResourceKinds TABLE = load();

    private final Map<String, TypeFacts> types;
    private final Set<String> known;
    private final Map<String, List<String>> watchedModules;
    private final JsonNode providers;

    private ResourceKinds(Map<String, TypeFacts> types, Set<String> known, Map<String, List<String>> watchedModules,
                          JsonNode providers) {
        this.types = types;
        this.known = known;
        this.watchedModules = watchedModules;
        this.providers = providers;
    }

    public static ResourceKinds table() {
        return TABLE;
    }

    /** The facts of a type the table classifies; empty for types no rule needs to recognise. */
    public Optional<TypeFacts> facts(String type) {
        return Optional.ofNullable(types.get(type));
    }

    public boolean is(String type, Kind kind) {
        TypeFacts facts = types.get(type);
        return facts != null && facts.is(kind);
    }

    /** Every type token of a kind (for indexes and documentation). */
    public Set<String> typesOf(Kind kind) {
        Set<String> out = new HashSet<>();
        types.values().stream().filter(f -> f.is(kind)).forEach(f -> out.add(f.type()));
        return out;
    }

    /** Every token the table names, classified or merely known. */
    public Set<String> allTokens() {
        Set<String> out = new HashSet<>(types.keySet());
        out.addAll(known);
        return out;
    }

    /**
     * A type of a provider and module the table watches (where IAM grants and compute live) that it does not list:
     * new to devmin, so no rule can judge it.
     */
    public boolean isUnrecognised(String type) {
        if (types.containsKey(type) || known.contains(type)) {
            return false;
        }
        List<String> modules = watchedModules.get(TypeToken.provider(type));
        return modules != null && (modules.contains("*") || modules.contains(TypeToken.module(type)));
    }

    /** e.g. {@code pulumi-aws 6.83.0}: the provider version the table was checked against. */
    public String checkedAgainst(String provider) {
        JsonNode p = providers.path(provider);
        return p.path("package").asText(provider) + " " + p.path("version").asText("?");
    }

    public Map<String, List<String>> watchedModules() {
        return watchedModules;
    }

    private static ResourceKinds load() {
        try (InputStream in = ResourceKinds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResourceKinds parse(JsonNode root) {
        Map<String, TypeFacts> types = new HashMap<>();
        root.path("types").fields().forEachRemaining(e -> {
            Set<Kind> kinds = EnumSet.noneOf(Kind.class);
            for (JsonNode k : e.getValue().path("kinds")) {
                kinds.add(Kind.parse(k.asText()).orElseThrow(() -> new IllegalStateException(RESOURCE + ": type "
                        + e.getKey() + " has unknown kind '" + k.asText() + "'")));
            }
            types.put(e.getKey(), new TypeFacts(e.getKey(), kinds, e.getValue(),
                    e.getValue().path("legacy").asBoolean(false)));
        });
        Set<String> known = new HashSet<>();
        root.path("known").forEach(list -> list.forEach(t -> known.add(t.asText())));
        Map<String, List<String>> watched = new HashMap<>();
        root.path("providers").fields().forEachRemaining(e -> {
            List<String> modules = new java.util.ArrayList<>();
            e.getValue().path("watchedModules").forEach(m -> modules.add(m.asText()));
            watched.put(e.getKey(), List.copyOf(modules));
        });
        return new ResourceKinds(Map.copyOf(types), Set.copyOf(known), Map.copyOf(watched), root.path("providers"));
    }
}
