package devmin.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import devmin.policy.ResourceView;
import devmin.policy.Severity;
import devmin.policy.StackView;
import devmin.policy.Violation;

import java.util.List;
import java.util.Optional;

/**
 * AWS resources of the demo layer carry {@code devmin:layer=demo}, on themselves or through their provider's default
 * tags: the teardown proof finds leftovers by that tag.
 */
public final class DemoResourcesTaggedForTheLayer extends AbstractRule {

    static final String LAYER_TAG = "devmin:layer";

    public DemoResourcesTaggedForTheLayer() {
        super("DM-LAYER-002", "demo-resources-tagged-for-the-layer", Severity.MEDIUM,
                "Every AWS resource of the demo layer is tagged devmin:layer=demo.",
                "Declare it through the demo layer's LayerScope, whose AWS provider sets the default tags.");
    }

    @Override
    public boolean stackLevel() {
        return true;
    }

    @Override
    public List<Violation> check(StackView stack) {
        return stack.resources().stream()
                .filter(r -> "demo".equals(r.layer()) && r.isCloudResource() && r.type().startsWith("aws:"))
                .filter(r -> !"demo".equals(tag(r).or(() -> providerTag(stack, r)).orElse("")))
                .map(r -> new Violation(r.urn(), "demo resource '" + r.name() + "' is not tagged "
                        + LAYER_TAG + "=demo"))
                .toList();
    }

    private static Optional<String> tag(ResourceView r) {
        for (String property : List.of("tagsAll", "tags")) {
            Optional<JsonNode> tags = r.property(property);
            if (tags.isPresent() && tags.get().has(LAYER_TAG)) {
                return Optional.of(tags.get().get(LAYER_TAG).asText());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> providerTag(StackView stack, ResourceView r) {
        return stack.providerOf(r).flatMap(p -> RuleSupport.jsonProperty(p, "defaultTags"))
                .map(d -> d.path("tags").path(LAYER_TAG).asText(null));
    }
}
