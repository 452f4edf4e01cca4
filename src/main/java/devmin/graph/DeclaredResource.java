package devmin.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * One resource as the program declared it to the engine: the neutral record that plans, policies and contract tests
 * share. Inputs are neutral JSON (secrets redacted, unknowns marked, see {@link WireValues}).
 *
 * @param urn          the resource URN
 * @param type         type token, e.g. {@code aws:s3/bucketV2:BucketV2}
 * @param name         logical name
 * @param parentUrn    parent URN, empty for the stack itself
 * @param custom       a custom (provider-managed) resource rather than a component
 * @param protect      the protect flag
 * @param provider     provider reference ({@code urn::id}), empty for the default provider or components
 * @param version      provider plugin version requested
 * @param inputs       input properties
 * @param dependencies URNs this resource depends on
 * @param propertyDependencies for each input property, the URNs its value came from
 * @param additionalSecretOutputs outputs the program asked the engine to keep secret
 * @param secretFingerprints for each input path (see {@link PropertyPaths}) holding a secret that a plan fed in as a
 *                           placeholder, the fingerprint of its ciphertext (never of the value); empty otherwise
 * @param customTimeouts the program's custom timeouts by operation ({@code create}, {@code update}, {@code delete}),
 *                       as the engine receives them (e.g. {@code 5m}); empty when none are set
 */
public record DeclaredResource(String urn, String type, String name, String parentUrn, boolean custom,
                               boolean protect, String provider, String version, ObjectNode inputs,
                               List<String> dependencies, Map<String, List<String>> propertyDependencies,
                               List<String> additionalSecretOutputs, Map<String, String> secretFingerprints,
                               Map<String, String> customTimeouts) {

    public DeclaredResource {
        dependencies = List.copyOf(dependencies);
        propertyDependencies = Map.copyOf(propertyDependencies);
        additionalSecretOutputs = List.copyOf(additionalSecretOutputs);
        secretFingerprints = Map.copyOf(secretFingerprints);
        customTimeouts = Map.copyOf(customTimeouts);
    }

    /** A resource without custom timeouts. */
    public DeclaredResource(String urn, String type, String name, String parentUrn, boolean custom, boolean protect,
                            String provider, String version, ObjectNode inputs, List<String> dependencies,
                            Map<String, List<String>> propertyDependencies, List<String> additionalSecretOutputs,
                            Map<String, String> secretFingerprints) {
        this(urn, type, name, parentUrn, custom, protect, provider, version, inputs, dependencies,
                propertyDependencies, additionalSecretOutputs, secretFingerprints, Map.of());
    }

    /** A resource without secret fingerprints (whatever did not come from a plan's placeholders). */
    public DeclaredResource(String urn, String type, String name, String parentUrn, boolean custom, boolean protect,
                            String provider, String version, ObjectNode inputs, List<String> dependencies,
                            Map<String, List<String>> propertyDependencies, List<String> additionalSecretOutputs) {
        this(urn, type, name, parentUrn, custom, protect, provider, version, inputs, dependencies,
                propertyDependencies, additionalSecretOutputs, Map.of());
    }

    public boolean isProvider() {
        return type.startsWith("pulumi:providers:");
    }

    public boolean isStack() {
        return type.equals("pulumi:pulumi:Stack");
    }
}
