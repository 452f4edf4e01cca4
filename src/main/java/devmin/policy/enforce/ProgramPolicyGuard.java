package devmin.policy.enforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.Log;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.serialization.internal.Serializer;
import devmin.graph.WireValues;
import devmin.policy.Finding;
import devmin.policy.PolicyEngine;
import devmin.policy.ResourceView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Enforcement point 1, inside the program: a stack-wide resource transformation that turns each resource, as it is
 * declared, into the same neutral view the other enforcement points use and runs the per-resource rules on it; a
 * mandatory finding fails {@code pulumi preview}/{@code up} with the rule id and URN, with or without a policy pack.
 * {@link #finish()} runs the stack-level rules once everything is declared.
 */
public final class ProgramPolicyGuard implements ResourceTransformation {

    private static final String STACK_TYPE = "pulumi:pulumi:Stack";

    private final PolicyEngine engine;
    private final Map<Resource, String> qualifiedTypes = new ConcurrentHashMap<>();
    private final Map<Resource, String> urns = new ConcurrentHashMap<>();
    private final Map<Resource, String> layers = new ConcurrentHashMap<>();
    private final List<CompletableFuture<ResourceView>> views = new ArrayList<>();

    public ProgramPolicyGuard(PolicyEngine engine) {
        this.engine = engine;
    }

    @Override
    public Optional<Result> apply(Args args) {
        Resource resource = args.resource();
        Optional<Resource> parent = args.options().getParent();
        String parentType = parent.map(qualifiedTypes::get).orElse(STACK_TYPE);
        String type = resource.pulumiResourceType();
        String qualified = parentType + "$" + type;
        qualifiedTypes.put(resource, qualified);
        DeploymentInternal deployment = DeploymentInternal.getInstance();
        String urn = "urn:pulumi:" + deployment.getStackName() + "::" + deployment.getProjectName() + "::" + qualified
                + "::" + resource.pulumiResourceName();
        urns.put(resource, urn);
        String layer = stacks.Layer.ofComponentType(type).map(stacks.Layer::tagValue)
                .orElseGet(() -> parent.map(layers::get).orElse(""));
        layers.put(resource, layer);
        if (!(resource instanceof ComponentResource)) {
            // Checked as soon as the view exists; the outcome is collected by the one task finish() registers,
            // because every task registered with the SDK's runner slows its polling loop for the whole run.
            CompletableFuture<ResourceView> view = view(resource, args, urn, layer);
            CompletableFuture<ResourceView> checked = view.thenApply(v -> {
                checkResource(v);
                return v;
            });
            synchronized (views) {
                views.add(checked);
            }
        }
        return Optional.empty();
    }

    /**
     * Fails the run on any per-resource finding, then runs the stack-level rules over everything declared; call at
     * the end of a program that declares everything before it returns.
     */
    public void finish() {
        guard("policy stack", stackCheck());
    }

    /**
     * The same once {@code declared} resolves, for a program that declares in a continuation (the dev-min program
     * declares its layers only after the image gate has answered, so its callback returns before they exist). When
     * {@code declared} fails, the program has already failed with its own error and nothing is checked.
     */
    public void finishAfter(Output<?> declared) {
        guard("policy stack", Internal.of(declared).getDataAsync().handle((data, error) -> error)
                .thenCompose(error -> error != null ? CompletableFuture.completedFuture(null) : stackCheck()));
    }

    private CompletableFuture<Void> stackCheck() {
        List<CompletableFuture<ResourceView>> all;
        synchronized (views) {
            all = List.copyOf(views);
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenAccept(ignored -> {
            List<ResourceView> declared = all.stream().map(CompletableFuture::join).toList();
            fail(engine.evaluate(declared).mandatory());
        });
    }

    private void checkResource(ResourceView view) {
        fail(engine.evaluateResource(view).stream().filter(Finding::isMandatory).toList());
    }

    private static void fail(List<Finding> blocking) {
        if (!blocking.isEmpty()) {
            throw new RunException("mandatory policy violation(s):\n" + blocking.stream()
                    .map(f -> "  " + f.ruleId() + " " + f.urn() + ": " + f.message())
                    .collect(Collectors.joining("\n")));
        }
    }

    private CompletableFuture<ResourceView> view(Resource resource, Args args, String urn, String layer) {
        var inputs = Internal.from(args.args()).toMapAsync(Log.ignore());
        return inputs.thenCompose(map -> {
            ObjectNode properties = JsonNodeFactory.instance.objectNode();
            Map<String, List<String>> propertyDependencies = new TreeMap<>();
            List<CompletableFuture<Void>> parts = new ArrayList<>();
            map.forEach((name, value) -> {
                Serializer serializer = new Serializer(Log.ignore());
                parts.add(serializer.serializeAsync(name, value, false).thenAccept(serialized -> {
                    JsonNode node = WireValues.fromValue(Serializer.createValue(serialized));
                    List<String> from = serializer.dependentResources.stream().map(urns::get)
                            .filter(java.util.Objects::nonNull).sorted().toList();
                    synchronized (properties) {
                        if (!node.isNull()) {
                            properties.set(name, node);
                        }
                        propertyDependencies.put(name, from);
                    }
                }));
            });
            return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
                String provider = args.options().getProvider().map(urns::get).map(u -> u + "::" + WireValues.UNKNOWN)
                        .orElse("");
                List<String> dependencies = propertyDependencies.values().stream().flatMap(List::stream).distinct()
                        .toList();
                return new ResourceView(urn, resource.pulumiResourceType(), resource.pulumiResourceName(), layer,
                        properties, JsonNodeFactory.instance.objectNode(), args.options().isProtect(),
                        args.options().getParent().map(urns::get).orElse(""), dependencies, propertyDependencies,
                        provider);
            });
        });
    }

    private static void guard(String description, CompletableFuture<?> check) {
        DeploymentInternal.getInstance().getRunner().registerTask(description, check);
    }
}
