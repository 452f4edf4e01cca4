package devmin.policy.rules;

import devmin.policy.ResourceRule;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.Violation;

import java.util.List;

/** Demo resources are never protected (a window must close); core and confluent resources always are. */
public final class ProtectionMatchesLayer extends AbstractRule implements ResourceRule {

    public ProtectionMatchesLayer() {
        super("DM-LAYER-001", "protection-matches-layer", Severity.HIGH,
                "Demo-layer resources are unprotected, and core and confluent resources are protected.",
                "Declare resources through their layer's LayerScope, which sets protect from the layer.");
    }

    @Override
    public List<Violation> check(ResourceView r) {
        if (!r.isCloudResource()) {
            return List.of();
        }
        if ("demo".equals(r.layer()) && r.protect()) {
            return List.of(new Violation(r.urn(), "demo resource '" + r.name()
                    + "' is protected, so closing the window would leave it running"));
        }
        if (("core".equals(r.layer()) || "confluent".equals(r.layer())) && !r.protect()) {
            return List.of(new Violation(r.urn(), r.layer() + " resource '" + r.name()
                    + "' is unprotected, so closing a window could destroy it"));
        }
        return List.of();
    }
}
